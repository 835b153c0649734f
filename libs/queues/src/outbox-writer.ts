import type { EntityManager } from 'typeorm';
import { sqlExec, type SqlParam } from '@hotline/database';
import { jobIdFor, JobName, JobPayload, JOBS } from './queue-catalog';

/** The channel the relay LISTENs on: a NOTIFY sent inside the transaction is delivered at commit. */
export const OUTBOX_CHANNEL = 'hotline_outbox';

/** Binds a value to the statement being built and returns its placeholder (SqlConditions.p). */
export type BindParam = (value: SqlParam) => string;

/** One outbox row to write: publish a job (`add`, optionally delayed) or withdraw one published earlier. */
export interface OutboxWrite<N extends JobName = JobName> {
  name: N;
  payload: JobPayload<N>;
  runAt?: Date | null;
  action?: 'add' | 'remove';
}

/**
 * The INSERT of outbox rows, values bound through `p`, to run alone or as a data-modifying CTE of a
 * larger statement. Queue and job id follow the job table (queue-catalog.ts).
 */
export function outboxInsertSql(writes: OutboxWrite[], p: BindParam): string {
  const rows = writes.map(
    (w) =>
      `(${p(JOBS[w.name].queue)}, ${p(w.name)}, ${p(jobIdFor(w.name, w.payload as never))}, ${p(JSON.stringify(w.payload))}::jsonb, ${p(w.runAt ?? null)}::timestamptz, ${p(w.action ?? 'add')})`,
  );
  return `INSERT INTO outbox (queue, job_name, job_id, payload, run_at, action) VALUES ${rows.join(', ')}`;
}

/** Markers in place of values that only the statement itself will know (see outboxInsertOfReturnedSql). */
const marker = (i: number) => `\u0001returned-${i}\u0001`;

/**
 * The INSERT of one outbox row whose payload field `field` is an id the same statement produces (e.g.
 * the last id of an `events AS (INSERT … RETURNING id)` CTE, given as the SQL expression `idSql`), so a
 * row and the job that names it are written in one round trip. The job id is still the table's rule:
 * rendered with a marker in place of the id, which SQL then replaces.
 */
export function outboxInsertOfReturnedIdSql<N extends JobName>(
  name: N,
  payload: JobPayload<N>,
  field: keyof JobPayload<N> & string,
  idSql: string,
  from: string,
  p: BindParam,
): string {
  return outboxInsertOfReturnedSql(
    name,
    payload,
    { [field]: idSql } as Partial<Record<keyof JobPayload<N> & string, string>>,
    from,
    p,
  );
}

/**
 * The INSERT of outbox rows, one per row of `from`, whose payload fields in `fields` are SQL text
 * expressions over `from` (a case id and its last event id from a CTE, say): any number of jobs in one
 * statement. The job id follows the table's rule, rendered with markers that SQL replaces.
 */
export function outboxInsertOfReturnedSql<N extends JobName>(
  name: N,
  payload: JobPayload<N>,
  fields: Partial<Record<keyof JobPayload<N> & string, string>>,
  from: string,
  p: BindParam,
): string {
  const queueSql = p(JOBS[name].queue);
  const nameSql = p(name);
  const entries = Object.entries(fields) as Array<[string, string]>;
  const marked = { ...payload, ...Object.fromEntries(entries.map(([field], i) => [field, marker(i)])) };
  const jobId = jobIdFor(name, marked as never);
  // The fields in the order the job id names them.
  const placed = entries.map(([field, sql], i) => ({ field, sql, i, at: jobId.indexOf(marker(i)) })).sort((a, b) => a.at - b.at);
  let jobIdSql = '';
  let rest = jobId;
  for (const { field, sql, i } of placed) {
    const parts = rest.split(marker(i));
    if (parts.length !== 2) throw new Error(`the job id of ${name} must name its ${field} once`);
    jobIdSql += `${p(parts[0])} || (${sql})::text || `;
    rest = parts[1];
  }
  jobIdSql += p(rest);
  let payloadSql = `${p(JSON.stringify({ ...payload, ...Object.fromEntries(entries.map(([field]) => [field, ''])) }))}::jsonb`;
  for (const [field, sql] of entries)
    payloadSql = `jsonb_set(${payloadSql}, ${p(`{${field}}`)}::text[], to_jsonb((${sql})::text))`;
  return `INSERT INTO outbox (queue, job_name, job_id, payload)
    SELECT ${queueSql}, ${nameSql}, ${jobIdSql}, ${payloadSql}
      FROM ${from}`;
}

/**
 * The NOTIFY that wakes the relay, as an expression for the statement that wrote the rows: one per
 * transaction is enough (PostgreSQL delivers identical notifications of a transaction once, at commit).
 */
export function outboxNotifySql(p: BindParam): string {
  return `pg_notify(${p(OUTBOX_CHANNEL)}, '')`;
}

/**
 * Writes outbox rows, in order (a withdrawal before the add that replaces it), and the NOTIFY, as one
 * statement inside the caller's transaction.
 */
export async function writeOutbox(manager: EntityManager, writes: OutboxWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const params: SqlParam[] = [];
  const p: BindParam = (value) => {
    params.push(value);
    return `$${params.length}`;
  };
  await sqlExec(manager, `WITH added AS (${outboxInsertSql(writes, p)}) SELECT ${outboxNotifySql(p)}`, params);
}

/**
 * Records the intent to run a job inside the caller's transaction. The job exists in Redis only after
 * the relay publishes it, so a rolled-back change never leaves a job behind and a committed one is
 * never without its job. One statement: the row and the NOTIFY that wakes the relay at commit.
 */
export async function enqueueInTransaction<N extends JobName>(
  manager: EntityManager,
  name: N,
  payload: JobPayload<N>,
  runAt: Date | null = null,
): Promise<void> {
  await writeOutbox(manager, [{ name, payload, runAt }]);
}

/**
 * Records, inside the caller's transaction, that a job published earlier must be withdrawn (a timer
 * whose deadline moved or whose stage ended). Withdrawing a job that already ran or never existed is a
 * no-op, and a timer that escapes withdrawal re-checks the case when it fires.
 */
export async function withdrawInTransaction<N extends JobName>(
  manager: EntityManager,
  name: N,
  payload: JobPayload<N>,
): Promise<void> {
  await writeOutbox(manager, [{ name, payload, action: 'remove' }]);
}
