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

/** A marker in place of an id that only the statement itself will know (see outboxInsertOfReturnedIdSql). */
const RETURNED_ID = '\u0001returned-id\u0001';

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
  const jobId = jobIdFor(name, { ...payload, [field]: RETURNED_ID });
  const [before, after, ...rest] = jobId.split(RETURNED_ID);
  if (after === undefined || rest.length > 0) throw new Error(`the job id of ${name} must name its ${field} once`);
  const id = `(${idSql})::text`;
  return `INSERT INTO outbox (queue, job_name, job_id, payload)
    SELECT ${p(JOBS[name].queue)}, ${p(name)}, ${p(before)} || ${id} || ${p(after)},
           jsonb_set(${p(JSON.stringify({ ...payload, [field]: '' }))}::jsonb, ${p(`{${field}}`)}::text[], to_jsonb(${id}))
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
