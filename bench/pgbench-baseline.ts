import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Client } from 'pg';
import { pgRows } from '@hotline/database';
import { RowReference, withoutNotify } from './capture/intake-transaction';

const run = promisify(execFile);

/** One intake transaction as the API sends it, captured by `npm run bench:capture` (bench/capture-intake.ts). */
export const INTAKE_TRANSACTION_FILE = join(__dirname, 'intake-transaction.sql');
/** The seeded rows the captured transaction names, by natural key: their ids differ in every database. */
export const INTAKE_REFERENCES_FILE = join(__dirname, 'intake-transaction.references.json');

/** The baseline's two scripts: the captured transaction, and the same writes without the NOTIFY. */
export interface BaselineScripts {
  withNotify: string;
  withoutNotify: string;
  /** pgbench variables (-D) naming the seeded rows of the bench's database. */
  variables: Record<string, string>;
}

/**
 * The raw PostgreSQL rate for intake's writes: the statements the API sent for one case, committed in
 * bench/intake-transaction.sql, with the ids of the seeded rows it names looked up in `db`.
 */
export async function intakeBaselineScripts(db: Client): Promise<BaselineScripts> {
  const sql = readFileSync(INTAKE_TRANSACTION_FILE, 'utf8');
  const references = JSON.parse(readFileSync(INTAKE_REFERENCES_FILE, 'utf8')) as Record<string, RowReference>;
  const variables: Record<string, string> = {};
  for (const [name, ref] of Object.entries(references)) {
    // Table and column names come from the committed file, written by the capture from a fixed list.
    const [row] = await pgRows<{ id: string }>(db, `SELECT id FROM ${ref.table} WHERE ${ref.column} = $1`, [ref.value]);
    if (!row) throw new Error(`the bench database has no ${ref.table} row with ${ref.column} = ${ref.value}`);
    variables[name] = row.id;
  }
  return { withNotify: sql, withoutNotify: withoutNotify(sql), variables };
}

export interface PgbenchResult {
  transactionsPerSecond: number;
  latencyAverageMs: number;
  transactions: number;
  command: string;
}

export async function runPgbench(
  databaseUrl: string,
  script: string,
  variables: Record<string, string>,
  clients: number,
  seconds: number,
): Promise<PgbenchResult> {
  const file = join(mkdtempSync(join(tmpdir(), 'hotline-bench-')), 'intake.sql');
  writeFileSync(file, script);
  const url = new URL(databaseUrl);
  const args = [
    '-n',
    '-f',
    file,
    '-c',
    String(clients),
    '-j',
    String(Math.min(clients, 2)),
    '-T',
    String(seconds),
    '-h',
    url.hostname,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username || 'postgres'),
    ...Object.entries(variables).flatMap(([name, value]) => ['-D', `${name}=${value}`]),
    url.pathname.slice(1),
  ];
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password) };
  const { stdout } = await run('pgbench', args, { env, maxBuffer: 10 * 1024 * 1024 });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1]);
  const transactions = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1]);
  if (!Number.isFinite(tps)) throw new Error(`could not read pgbench's output:\n${stdout}`);
  const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
  if (failed > 0) throw new Error(`pgbench: ${failed} transactions failed:\n${stdout}`);
  return {
    transactionsPerSecond: tps,
    latencyAverageMs: latency,
    transactions,
    command: `pgbench ${args.slice(0, 9).join(' ')} <bench database>`,
  };
}
