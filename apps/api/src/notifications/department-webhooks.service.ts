import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { sqlRow } from '@hotline/database';

/** A department's webhook as admins see it: never the secret. */
export interface DepartmentWebhookRow {
  code: string;
  url: string | null;
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

  /** Sets (or, with nulls, removes) the URL and the sealed secret together. */
  set(code: string, url: string | null, sealedSecret: string | null): Promise<DepartmentWebhookRow | undefined> {
    return sqlRow<DepartmentWebhookRow>(
      this.dataSource,
      `UPDATE departments SET webhook_url = $2, webhook_secret_sealed = $3 WHERE code = $1 RETURNING code, webhook_url AS url`,
      [code, url, sealedSecret],
    );
  }
}
