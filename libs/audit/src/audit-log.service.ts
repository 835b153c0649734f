import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SqlConditions, sqlExec, sqlRow, sqlRows } from '@hotline/database';
import type { AuditActor, AuditRecord } from './audit-entry';
import { recordAudit } from './record-audit';

export interface AuditFilters {
  /** The actor's username. */
  actor?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

export interface AuditPage {
  items: AuditRecord[];
  total: number;
  page: number;
  pageSize: number;
}

/** The most rows one CSV export holds: past it the admin narrows the period. */
export const AUDIT_EXPORT_LIMIT = 100_000;

const COLUMNS = `id::text AS id, at, actor_id AS "actorId", actor_username AS "actorUsername", actor_role AS "actorRole",
  entity, entity_id AS "entityId", action, before, after, request_id AS "requestId", address`;

/** Reading the audit trail (admins), and the retention purge (the worker). Writing is `recordAudit`. */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filters: AuditFilters, page: number, pageSize: number): Promise<AuditPage> {
    const where = conditions(filters);
    const [{ total }] = await sqlRows<{ total: number }>(
      this.dataSource,
      `SELECT count(*)::int AS total FROM audit_log ${where.where()}`,
      where.params,
    );
    const items = await sqlRows<AuditRecord>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM audit_log ${where.where()} ORDER BY audit_log.at DESC, audit_log.id DESC
       LIMIT ${where.p(pageSize)} OFFSET ${where.p((page - 1) * pageSize)}`,
      where.params,
    );
    return { items, total, page, pageSize };
  }

  /**
   * Every row the filters select, oldest first, up to AUDIT_EXPORT_LIMIT (`truncated` says when more
   * matched). The rows hold staff's names and client addresses, personal data: the export itself is
   * audited (entity `personalDataExport`, with the filters and the count), in the transaction that reads.
   */
  async exportRows(filters: AuditFilters, actor: AuditActor): Promise<{ rows: AuditRecord[]; truncated: boolean }> {
    const where = conditions(filters);
    return this.dataSource.transaction(async (manager) => {
      const rows = await sqlRows<AuditRecord>(
        manager,
        `SELECT ${COLUMNS} FROM audit_log ${where.where()} ORDER BY audit_log.at, audit_log.id LIMIT ${where.p(AUDIT_EXPORT_LIMIT + 1)}`,
        where.params,
      );
      const truncated = rows.length > AUDIT_EXPORT_LIMIT;
      await recordAudit(manager, actor, {
        entity: 'personalDataExport',
        entityId: 'audit_log',
        action: 'export',
        after: { filters, rows: Math.min(rows.length, AUDIT_EXPORT_LIMIT), truncated },
      });
      return { rows: rows.slice(0, AUDIT_EXPORT_LIMIT), truncated };
    });
  }

  /**
   * Removes audit rows older than `days` (the database refuses anything younger than 180 days) and the
   * sign-in history of the same age; answers how many audit rows went.
   */
  async purgeOlderThan(days: number): Promise<number> {
    const row = await sqlRow<{ purged: number }>(
      this.dataSource,
      `WITH gone AS (DELETE FROM audit_log WHERE at < now() - make_interval(days => $1) RETURNING 1)
       SELECT count(*)::int AS purged FROM gone`,
      [days],
    );
    await sqlExec(this.dataSource, `DELETE FROM sign_in_history WHERE at < now() - make_interval(days => $1)`, [days]);
    return row?.purged ?? 0;
  }
}

function conditions(filters: AuditFilters): SqlConditions {
  const where = new SqlConditions();
  if (filters.actor) where.add((p) => `actor_username = ${p(filters.actor)}`);
  if (filters.entity) where.add((p) => `entity = ${p(filters.entity)}`);
  if (filters.entityId) where.add((p) => `entity_id = ${p(filters.entityId)}`);
  if (filters.action) where.add((p) => `action = ${p(filters.action)}`);
  if (filters.from) where.add((p) => `at >= ${p(filters.from)}`);
  if (filters.to) where.add((p) => `at < ${p(filters.to)}`);
  return where;
}
