/**
 * `npm run bench:capture`: recaptures bench/intake-transaction.sql, the baseline `npm run bench` runs
 * with pgbench. Builds, starts one API (from dist/, as the bench does) with pg-capture-hook.js loaded
 * against a throwaway database, takes one case in over HTTP after a warm-up, and writes the statements
 * of that case's transaction as a pgbench script. Run it after any change to what intake writes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { dropDatabase, ensureDatabase, migrate, seed, withDatabase } from '@hotline/devstack';
import { pgRows } from '@hotline/database';
import { provideTestServices } from '../test/support/test-services';
import {
  CapturedStatement,
  lastIntakeTransaction,
  pgbenchScriptFor,
  REFERENCE_KEYS,
  RowReference,
} from './capture/intake-transaction';
import { benchEnvironment, CASE_BODY, removeRedisKeys } from './bench-settings';
import { INTAKE_REFERENCES_FILE, INTAKE_TRANSACTION_FILE, intakeBaselineScripts, runPgbench } from './pgbench-baseline';
import { startProcess } from './processes';

const ROOT = join(__dirname, '..');
const log = (line: string) => process.stdout.write(`[capture] ${line}\n`);

async function main(): Promise<void> {
  log('building (npm run build)…');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const services = await provideTestServices(log);
  const runId = Date.now().toString(36);
  const database = `hotline_capture_${runId}`;
  const databaseUrl = withDatabase(services.postgresServerUrl, database);
  const captureFile = join(mkdtempSync(join(tmpdir(), 'hotline-capture-')), 'statements.jsonl');
  const db = new Client({ connectionString: databaseUrl });
  try {
    await ensureDatabase(services.postgresServerUrl, database);
    await migrate(databaseUrl);
    await seed(databaseUrl, { onlyIfEmpty: false, includeDemoUsers: true, demoPassword: 'hotline365' });
    await db.connect();
    const port = 39900 + Math.floor(Math.random() * 90);
    const api = await startProcess('api', 'api', {
      ...benchEnvironment({ databaseUrl, redisUrl: services.redisUrl, redisPrefix: `capture-${runId}` }),
      PORT: String(port),
      PG_CAPTURE_FILE: captureFile,
      NODE_OPTIONS: `--require ${join(__dirname, 'capture', 'pg-capture-hook.js')}`,
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'operator', password: 'hotline365' }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      // The first case warms the caches (reference data, session state); the last one is the one kept.
      for (let i = 0; i < 2; i++) {
        const answer = await fetch(`${url}/api/v1/cases`, {
          method: 'POST',
          headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
          body: CASE_BODY,
        });
        if (answer.status !== 201) throw new Error(`intake answered ${answer.status}: ${await answer.text()}`);
      }
    } finally {
      await api.stop();
    }
    const records = readFileSync(captureFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as CapturedStatement);
    const transaction = lastIntakeTransaction(records);
    const lookUp = async (id: string): Promise<RowReference | undefined> => {
      for (const [table, column] of Object.entries(REFERENCE_KEYS)) {
        const [row] = await pgRows<{ key: string }>(db, `SELECT ${column} AS key FROM ${table} WHERE id = $1`, [id]);
        if (row) return { table, column, value: row.key };
      }
      return undefined;
    };
    const script = await pgbenchScriptFor(transaction, lookUp);
    const header = [
      '-- One intake transaction exactly as the API sent it (POST /api/v1/cases, bench/bench-settings.ts CASE_BODY),',
      '-- captured by `npm run bench:capture`: do not edit by hand, recapture. Parameters are inlined as literals;',
      '-- :sN_* variables come from earlier answers (\\gset), :ref_* variables are seeded rows resolved by',
      '-- bench/intake-transaction.references.json in the database the bench runs against.',
    ].join('\n');
    writeFileSync(INTAKE_TRANSACTION_FILE, `${header}\n\n${script.sql}`);
    writeFileSync(INTAKE_REFERENCES_FILE, `${JSON.stringify(script.references, null, 2)}\n`);
    log(`${transaction.length} statements written to ${INTAKE_TRANSACTION_FILE}`);
    // The script must run as written: one client for a second, both variants, failing on any error.
    const scripts = await intakeBaselineScripts(db);
    for (const script of [scripts.withNotify, scripts.withoutNotify]) {
      const { transactions } = await runPgbench(databaseUrl, script, scripts.variables, 1, 1);
      log(`pgbench ran the script: ${transactions} transactions, none failed`);
    }
  } finally {
    await db.end().catch(() => undefined);
    await dropDatabase(services.postgresServerUrl, database).catch((error) => log(`could not drop ${database}: ${error}`));
    await removeRedisKeys(services.redisUrl, `capture-${runId}`);
    await services.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
