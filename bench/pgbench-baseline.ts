import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Client } from 'pg';
import { OUTBOX_CHANNEL } from '@hotline/queues';
import { pgRows } from '@hotline/database';

const run = promisify(execFile);

/**
 * The raw PostgreSQL rate for intake's writes: the same three rows the API writes for a case (the
 * case, its `received` event, its outbox intent, plus the NOTIFY) in one transaction, copied from a
 * case the API itself wrote so that sizes and indexes match, driven by pgbench at the same concurrency.
 */
export async function pgbenchScript(db: Client, templateCaseId: string): Promise<string> {
  const literal = async (table: string, columns: string[], where: string) => {
    const select = columns.map((c) => `quote_nullable(${c})`).join(', ');
    const [row] = await pgRows<{ literals: string[] }>(db, `SELECT ARRAY[${select}] AS literals FROM ${table} WHERE ${where}`, [
      templateCaseId,
    ]);
    return row.literals;
  };
  const caseColumns = [
    'status',
    'kind',
    'category_id',
    'channel',
    'priority',
    'title',
    'description',
    'address',
    'lat',
    'lng',
    'street_id',
    'community_id',
    'grid_id',
    'caller_name_sealed',
    'caller_phone_sealed',
    'caller_phone_hash',
    'confidential',
    'created_by_id',
  ];
  const caseValues = await literal('cases', caseColumns, 'id = $1');
  const eventColumns = ['type', 'actor_id', 'actor_name', 'actor_role', 'from_status', 'to_status', 'note', 'data'];
  const eventValues = await literal('case_events', eventColumns, `case_id = $1 AND type = 'received'`);
  return [
    'BEGIN;',
    `INSERT INTO cases (case_no, ${caseColumns.join(', ')}, received_at, updated_at) VALUES ('PB' || nextval('case_no_seq'), ${caseValues.join(', ')}, now(), now()) RETURNING id AS case_id \\gset`,
    `INSERT INTO case_events (case_id, ${eventColumns.join(', ')}) VALUES (':case_id', ${eventValues.join(', ')});`,
    `INSERT INTO outbox (queue, job_name, job_id, payload) VALUES ('dispatch', 'route-case', 'route-case.:case_id.v1', jsonb_build_object('caseId', ':case_id', 'version', 1));`,
    `SELECT pg_notify('${OUTBOX_CHANNEL}', '');`,
    'COMMIT;',
    '',
  ].join('\n');
}

export interface PgbenchResult {
  transactionsPerSecond: number;
  latencyAverageMs: number;
  transactions: number;
  command: string;
}

export async function runPgbench(databaseUrl: string, script: string, clients: number, seconds: number): Promise<PgbenchResult> {
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
    url.pathname.slice(1),
  ];
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password) };
  const { stdout } = await run('pgbench', args, { env, maxBuffer: 10 * 1024 * 1024 });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1]);
  const transactions = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1]);
  if (!Number.isFinite(tps)) throw new Error(`could not read pgbench's output:\n${stdout}`);
  return {
    transactionsPerSecond: tps,
    latencyAverageMs: latency,
    transactions,
    command: `pgbench ${args.slice(0, 9).join(' ')} <bench database>`,
  };
}
