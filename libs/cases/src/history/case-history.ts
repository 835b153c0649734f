import type { EntityManager } from 'typeorm';
import { enqueueInTransaction } from '@hotline/queues';
import { sqlRows, type SqlParam } from '@hotline/database';

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
 * Appends events in one statement, inside the caller's transaction (the state change's transaction),
 * and records in the same transaction that the case's statistics must be re-derived: the stats queue is
 * fed only by committed history, so the rollups can neither miss a change nor count a rolled-back one.
 */
export async function appendHistory(
  manager: EntityManager,
  caseId: string,
  actor: HistoryActor,
  entries: HistoryEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const values: SqlParam[] = [];
  const rows = entries.map((entry, i) => {
    values.push(
      caseId,
      entry.type,
      actor.id,
      actor.name,
      actor.role,
      entry.fromStatus,
      entry.toStatus,
      entry.note ?? null,
      JSON.stringify(entry.data ?? {}),
    );
    const b = i * 9;
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9}::jsonb)`;
  });
  const inserted = await sqlRows<{ id: string }>(
    manager,
    `INSERT INTO case_events (case_id, type, actor_id, actor_name, actor_role, from_status, to_status, note, data)
     VALUES ${rows.join(', ')} RETURNING id::text AS id`,
    values,
  );
  await enqueueInTransaction(manager, 'project-case-stats', { caseId, eventId: inserted[inserted.length - 1].id });
}
