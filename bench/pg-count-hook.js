// Loaded (-r) into every bench API and worker, never in production: counts the statements the process
// sends to PostgreSQL (every pg Client query, BEGIN and COMMIT included) and writes the running count to
// BENCH_PG_COUNT_FILE four times a second, so the bench can print statements per case: a figure that,
// unlike rates and CPU time, does not move with the neighbours' load.
'use strict';
const { renameSync, writeFileSync } = require('node:fs');
const pg = require('pg');

const file = process.env.BENCH_PG_COUNT_FILE;
if (file) {
  let count = 0;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(...args) {
    count += 1;
    return query.apply(this, args);
  };
  // Written aside and renamed, so that a reader never sees the file empty halfway through a write.
  const write = () => {
    writeFileSync(`${file}.next`, String(count));
    renameSync(`${file}.next`, file);
  };
  write();
  setInterval(write, 250).unref();
}
