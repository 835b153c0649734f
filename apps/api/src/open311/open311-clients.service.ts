import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, recordAudit } from '@hotline/audit';
import { sqlRow, sqlRows } from '@hotline/database';

const COLUMNS = `id, code, name, key_prefix AS "keyPrefix", rate_limit_per_minute AS "rateLimitPerMinute", active,
  created_at AS "createdAt", revoked_at AS "revokedAt"`;

/** One row of COLUMNS: never the key's hash. */
export interface Open311ClientRow {
  id: string;
  code: string;
  name: string;
  keyPrefix: string;
  rateLimitPerMinute: number;
  active: boolean;
  createdAt: Date;
  revokedAt: Date | null;
}

/** A new client's key, as it is stored: its SHA-256 and the prefix shown to admins. */
export interface StoredKey {
  hash: string;
  prefix: string;
}

/**
 * The open311_clients table: each method answers the row it wrote, or undefined when there was none to
 * write, and writes its audit row (the key's prefix, never its hash) in the same transaction.
 */
@Injectable()
export class Open311ClientsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<Open311ClientRow[]> {
    return sqlRows<Open311ClientRow>(this.dataSource, `SELECT ${COLUMNS} FROM open311_clients ORDER BY code`);
  }

  /** Undefined when the code is taken. */
  create(
    client: { code: string; name: string; rateLimitPerMinute: number; createdById: string },
    key: StoredKey,
    actor: AuditActor,
  ): Promise<Open311ClientRow | undefined> {
    return this.audited(null, 'create', actor, (manager) =>
      sqlRow<Open311ClientRow>(
        manager,
        `INSERT INTO open311_clients (code, name, api_key_hash, key_prefix, rate_limit_per_minute, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING RETURNING ${COLUMNS}`,
        [client.code, client.name, key.hash, key.prefix, client.rateLimitPerMinute, client.createdById],
      ),
    );
  }

  /** A field left undefined keeps its value. */
  update(
    id: string,
    change: { name?: string; rateLimitPerMinute?: number },
    actor: AuditActor,
  ): Promise<Open311ClientRow | undefined> {
    return this.audited(id, 'update', actor, (manager) =>
      sqlRow<Open311ClientRow>(
        manager,
        `UPDATE open311_clients SET name = COALESCE($2, name), rate_limit_per_minute = COALESCE($3, rate_limit_per_minute)
          WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, change.name ?? null, change.rateLimitPerMinute ?? null],
      ),
    );
  }

  /** Replaces an active client's key; undefined when the client is unknown or revoked. */
  replaceKey(id: string, key: StoredKey, actor: AuditActor): Promise<Open311ClientRow | undefined> {
    return this.audited(id, 'rotateKey', actor, (manager) =>
      sqlRow<Open311ClientRow>(
        manager,
        `UPDATE open311_clients SET api_key_hash = $2, key_prefix = $3 WHERE id = $1 AND active RETURNING ${COLUMNS}`,
        [id, key.hash, key.prefix],
      ),
    );
  }

  /** Revokes the client (once: a second revoke keeps the first time). */
  revoke(id: string, actor: AuditActor): Promise<Open311ClientRow | undefined> {
    return this.audited(id, 'revoke', actor, (manager) =>
      sqlRow<Open311ClientRow>(
        manager,
        `UPDATE open311_clients SET active = false, revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
        [id],
      ),
    );
  }

  /** Runs one write with the row before it (locked) and records both in the audit trail, in one transaction. */
  private audited(
    id: string | null,
    action: string,
    actor: AuditActor,
    write: (manager: EntityManager) => Promise<Open311ClientRow | undefined>,
  ): Promise<Open311ClientRow | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const before = id
        ? await sqlRow<Open311ClientRow>(manager, `SELECT ${COLUMNS} FROM open311_clients WHERE id = $1 FOR UPDATE`, [id])
        : null;
      const after = await write(manager);
      if (after) await recordAudit(manager, actor, { entity: 'open311Client', entityId: after.id, action, before, after });
      return after;
    });
  }
}
