import { sqlExec, type SqlRunner } from '@hotline/database';
import type { AuditActor, AuditEntry } from './audit-entry';

/**
 * Writes one audit row in the caller's transaction (pass the transaction's EntityManager): the change
 * and its row commit together or not at all. For the audited tables the database refuses to commit a
 * change without it (migration AuditTrail), so forgetting this call is an error, never a silent gap.
 */
export async function recordAudit(runner: SqlRunner, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await sqlExec(
    runner,
    `INSERT INTO audit_log (actor_id, actor_username, actor_role, entity, entity_id, action, before, after, request_id, address)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
    [
      actor.userId,
      actor.username.slice(0, 64),
      actor.role,
      entry.entity,
      entry.entityId,
      entry.action,
      entry.before ? JSON.stringify(entry.before) : null,
      entry.after ? JSON.stringify(entry.after) : null,
      actor.requestId?.slice(0, 100) ?? null,
      actor.address?.slice(0, 100) ?? null,
    ],
  );
}

/**
 * Many audit rows in one statement, for loaders that change thousands of rows in one transaction (the
 * address register's seed: one round trip instead of one per address). Same rows as recordAudit.
 */
export async function recordAudits(runner: SqlRunner, actor: AuditActor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await sqlExec(
    runner,
    `INSERT INTO audit_log (actor_id, actor_username, actor_role, entity, entity_id, action, before, after, request_id, address)
     SELECT $1, $2, $3, e.entity, e.entity_id, e.action, e.before, e.after, $4, $5
       FROM jsonb_to_recordset($6::jsonb) AS e(entity text, entity_id text, action text, before jsonb, after jsonb)`,
    [
      actor.userId,
      actor.username.slice(0, 64),
      actor.role,
      actor.requestId?.slice(0, 100) ?? null,
      actor.address?.slice(0, 100) ?? null,
      JSON.stringify(
        entries.map((e) => ({
          entity: e.entity,
          entity_id: e.entityId,
          action: e.action,
          before: e.before ?? null,
          after: e.after ?? null,
        })),
      ),
    ],
  );
}
