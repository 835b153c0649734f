// Loaded (-r) into every bench API and worker, never in production: counts the statements the process
// sends to PostgreSQL (every pg Client query, BEGIN and COMMIT included) and writes the running count to
// BENCH_PG_COUNT_FILE once a second, so the bench can print statements per case: a figure that,
// unlike rates and CPU time, does not move with the neighbours' load.
'use strict';
const { renameSync, writeFileSync } = require('node:fs');
const pg = require('pg');

const file = process.env.BENCH_PG_COUNT_FILE;
if (file) {
  let count = 0;
  // BENCH_PG_BREAKDOWN=1: also counts by statement (its first 70 characters, spaces squeezed) into
  // <file>.by-statement.json, to see which statements make up a process's count.
  const byStatement = process.env.BENCH_PG_BREAKDOWN === '1' ? new Map() : null;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(...args) {
    count += 1;
    if (byStatement) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] && args[0].text) || '';
      const key = text.replace(/\s+/g, ' ').trim().slice(0, 70);
      byStatement.set(key, (byStatement.get(key) || 0) + 1);
    }
    return query.apply(this, args);
  };
  // Written aside and renamed, so that a reader never sees the file empty halfway through a write.
  const write = () => {
    writeFileSync(`${file}.next`, String(count));
    renameSync(`${file}.next`, file);
    if (byStatement)
      writeFileSync(
        `${file}.by-statement.json`,
        JSON.stringify(
          [...byStatement].sort((a, b) => b[1] - a[1]),
          null,
          1,
        ),
      );
  };
  write();
  setInterval(write, 1000).unref();
}
