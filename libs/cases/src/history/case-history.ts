import type { EntityManager } from 'typeorm';
import { type BindParam, outboxInsertOfReturnedIdSql, outboxInsertOfReturnedSql, outboxNotifySql } from '@hotline/queues';
import { sqlExec, type SqlParam } from '@hotline/database';

/** Who did something, as written into the history. The system (routing, timers) has a null id. */
export interface HistoryActor {
  id: string | null;
  name: string;
  role: string;
}

export const SYSTEM_ACTOR: HistoryActor = { id: null, name: 'system', role: 'system' };

export interface HistoryEntry {
  type: string;
  fromStatus: string | null;
  toStatus: string;
  note?: string | null;
  data?: Record<string, unknown>;
}

/**
 * The data-modifying CTEs that append `entries` to a case's history and record, in the same statement,
 * that the case's statistics must be re-derived (a `project-case-stats` outbox row naming the last new
 * event): the stats queue is fed only by committed history, so the rollups can neither miss a change nor
 * count a rolled-back one. `caseIdSql` is the case's id as SQL (a bound value, or a column of an earlier
 * CTE); `caseId` the same id for the job's payload. Names its CTEs `events` and `stats_intent`.
 */
export function historyInsertCtes(
  caseIdSql: string,
  caseId: string,
  actor: HistoryActor,
  entries: HistoryEntry[],
  p: BindParam,
): string {
  const actorSql = actorValuesSql(actor, p);
  const rows = entries.map((entry) => eventValuesSql(caseIdSql, actorSql, entry, p));
  return `events AS (
      INSERT INTO case_events (case_id, type, actor_id, actor_name, actor_role, from_status, to_status, note, data)
      VALUES ${rows.join(', ')} RETURNING id),
    stats_intent AS (${outboxInsertOfReturnedIdSql('project-case-stats', { caseId, eventId: '' }, 'eventId', 'max(events.id)', 'events', p)})`;
}

/**
 * Appends events inside the caller's transaction (the state change's transaction), with the intent to
 * re-derive the case's statistics and the NOTIFY that wakes the relay: one statement, one round trip.
 */
export async function appendHistory(
  manager: EntityManager,
  caseId: string,
  actor: HistoryActor,
  entries: HistoryEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const params: SqlParam[] = [];
  const p: BindParam = (value) => {
    params.push(value);
    return `$${params.length}`;
  };
  const ctes = historyInsertCtes(p(caseId), caseId, actor, entries, p);
  await sqlExec(manager, `WITH ${ctes} SELECT ${outboxNotifySql(p)}`, params);
}

/**
 * Appends events to many cases in one statement (the sweep's breaches after an outage), each case with
 * its own statistics intent naming its last event, and one NOTIFY: what appendHistory does for one case.
 */
export async function appendHistoryOfMany(
  manager: EntityManager,
  actor: HistoryActor,
  items: ReadonlyArray<{ caseId: string; entries: HistoryEntry[] }>,
): Promise<void> {
  const events = items.flatMap((item) => item.entries.map((entry) => ({ caseId: item.caseId, entry })));
  if (events.length === 0) return;
  const params: SqlParam[] = [];
  const p: BindParam = (value) => {
    params.push(value);
    return `$${params.length}`;
  };
  const actorSql = actorValuesSql(actor, p);
  const rows = events.map(({ caseId, entry }) => eventValuesSql(p(caseId), actorSql, entry, p));
  const statsIntents = outboxInsertOfReturnedSql(
    'project-case-stats',
    { caseId: '', eventId: '' },
    { caseId: 'last_events.case_id', eventId: 'last_events.id' },
    'last_events',
    p,
  );
  await sqlExec(
    manager,
    `WITH events AS (
       INSERT INTO case_events (case_id, type, actor_id, actor_name, actor_role, from_status, to_status, note, data)
       VALUES ${rows.join(', ')} RETURNING case_id, id),
     last_events AS (SELECT case_id, max(id) AS id FROM events GROUP BY case_id),
     stats_intent AS (${statsIntents})
     SELECT ${outboxNotifySql(p)}`,
    params,
  );
}

/** The actor's three columns of `case_events`, bound once for every row of a statement. */
function actorValuesSql(actor: HistoryActor, p: BindParam): string {
  return `${p(actor.id)}::uuid, ${p(actor.name)}, ${p(actor.role)}`;
}

/** One `case_events` row in the column order of the INSERTs above. */
function eventValuesSql(caseIdSql: string, actorSql: string, entry: HistoryEntry, p: BindParam): string {
  return `(${caseIdSql}::uuid, ${p(entry.type)}, ${actorSql}, ${p(entry.fromStatus)}, ${p(entry.toStatus)}, ${p(entry.note ?? null)}, ${p(JSON.stringify(entry.data ?? {}))}::jsonb)`;
}
