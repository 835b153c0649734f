/**
 * Loaded with `node --require` into an API started by `npm run bench:capture`, never in production:
 * appends every statement the process sends to PostgreSQL (text, parameters as the driver puts them on
 * the wire, the first row of the answer) to the JSON-lines file named by PG_CAPTURE_FILE, with a number
 * per connection so that one transaction can be told apart from the pool's other traffic.
 */
'use strict';
const { appendFileSync } = require('node:fs');
const pg = require('pg');
const { prepareValue } = require('pg/lib/utils');

const file = process.env.PG_CAPTURE_FILE;
if (!file) throw new Error('pg-capture-hook needs PG_CAPTURE_FILE');

const wire = (value) => {
  const prepared = prepareValue(value);
  if (prepared === null || prepared === undefined) return null;
  return Buffer.isBuffer(prepared) ? { bytea: prepared.toString('hex') } : String(prepared);
};

const connections = new WeakMap();
let nextConnection = 0;
const query = pg.Client.prototype.query;

pg.Client.prototype.query = function capturedQuery(config, values, ...rest) {
  if (!connections.has(this)) connections.set(this, ++nextConnection);
  const text = typeof config === 'string' ? config : config && config.text;
  const params = Array.isArray(values) ? values : (config && config.values) || [];
  const record = { connection: connections.get(this), text, values: params.map(wire) };
  const result = query.call(this, config, values, ...rest);
  const write = (firstRow) => appendFileSync(file, `${JSON.stringify({ ...record, firstRow })}\n`);
  if (result && typeof result.then === 'function') {
    result.then(
      (answer) => {
        const row = answer && Array.isArray(answer.rows) ? answer.rows[0] : undefined;
        write(row ? Object.fromEntries(Object.entries(row).map(([k, v]) => [k, wire(v)])) : null);
      },
      () => write(null),
    );
  } else if (typeof text === 'string') write(null);
  return result;
};
