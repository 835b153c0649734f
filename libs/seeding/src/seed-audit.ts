import { type AuditEntity, recordAudit, systemActor } from '@hotline/audit';
import { sqlRows, type SqlParam } from '@hotline/database';
import type { EntityManager } from 'typeorm';

/**
 * Seeding changes audited tables like any admin: each row it wrote gets its audit row (actor
 * `system:seed`, action `seed`, the row after, secrets left out), or the database refuses the commit.
 * `select` answers `key` (the entity id the audit trigger checks) and `row` (jsonb) for the rows written.
 */
export async function auditSeeded(
  manager: EntityManager,
  entity: AuditEntity,
  select: string,
  params: readonly SqlParam[],
): Promise<void> {
  const actor = systemActor('seed');
  const rows = await sqlRows<{ key: string; row: Record<string, unknown> }>(manager, select, params);
  for (const { key, row } of rows) await recordAudit(manager, actor, { entity, entityId: key, action: 'seed', after: row });
}
