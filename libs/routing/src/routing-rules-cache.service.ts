import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { sqlRows } from '@hotline/database';
import type { RoutingRule } from './routing-rules';

/** How long the active rules are trusted before the next read reloads them: the reference data's TTL. */
const TTL_MS = 30_000;

/**
 * The active routing rules, read once and kept for TTL_MS: every dispatch job needs them and they change
 * only with the seed (there is no route that edits them), so reading them per job was a round trip to
 * PostgreSQL per case for nothing. Concurrent readers share one load.
 */
@Injectable()
export class RoutingRulesCache {
  private rules: RoutingRule[] | null = null;
  private loadedAt = 0;
  private loading: Promise<RoutingRule[]> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async active(): Promise<RoutingRule[]> {
    if (this.rules && Date.now() - this.loadedAt < TTL_MS) return this.rules;
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  private async load(): Promise<RoutingRule[]> {
    const rules = await sqlRows<RoutingRule>(
      this.dataSource,
      `SELECT code, category_code AS "categoryCode", street_code AS "streetCode", grid_code AS "gridCode", kind, keywords,
              lead_department_code AS "leadDepartmentCode", assisting_department_codes AS "assistingDepartmentCodes"
         FROM routing_rules WHERE active`,
    );
    this.rules = rules;
    this.loadedAt = Date.now();
    return rules;
  }
}
