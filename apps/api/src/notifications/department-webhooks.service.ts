import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AuditActor, recordAudit } from '@hotline/audit';
import { sqlRow } from '@hotline/database';

/** A department's webhook as admins see it: never the secret. */
export interface DepartmentWebhookRow {
  code: string;
  url: string | null;
}

/** What the audit trail keeps of a webhook: the URL and whether a secret is set, never the secret. */
interface WebhookAuditView {
  url: string | null;
  secretSet: boolean;
}

/** The webhook columns of the departments table; undefined for an unknown department code. */
@Injectable()
export class DepartmentWebhooksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get(code: string): Promise<DepartmentWebhookRow | undefined> {
    return sqlRow<DepartmentWebhookRow>(this.dataSource, `SELECT code, webhook_url AS url FROM departments WHERE code = $1`, [
      code,
    ]);
  }

  /** Sets (or, with nulls, removes) the URL and the sealed secret together, with its audit row. */
  set(
    code: string,
    url: string | null,
    sealedSecret: string | null,
    actor: AuditActor,
  ): Promise<DepartmentWebhookRow | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const before = await sqlRow<WebhookAuditView>(
        manager,
        `SELECT webhook_url AS url, webhook_secret_sealed IS NOT NULL AS "secretSet" FROM departments WHERE code = $1 FOR UPDATE`,
        [code],
      );
      if (!before) return undefined;
      const row = await sqlRow<DepartmentWebhookRow>(
        manager,
        `UPDATE departments SET webhook_url = $2, webhook_secret_sealed = $3 WHERE code = $1 RETURNING code, webhook_url AS url`,
        [code, url, sealedSecret],
      );
      const after: WebhookAuditView = { url, secretSet: sealedSecret !== null };
      await recordAudit(manager, actor, {
        entity: 'departmentWebhook',
        entityId: code,
        action: url === null ? 'remove' : 'set',
        before,
        after,
      });
      return row;
    });
  }
}
