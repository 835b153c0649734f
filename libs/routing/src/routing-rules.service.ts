import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@hotline/config';
import { CachedSettings, currentSettingsVersion } from '@hotline/database';
import type { RuleSet } from './rule-set';
import { latestVersion, rulesInForce } from './rule-set-store';

/** The rule set a process routes by, and the version of it (null before the first save). */
export interface RulesInForce extends RuleSet {
  ruleSetVersion: number | null;
}

/**
 * The routing rules in force, cached per process like the other settings (CachedSettings): a saved rule
 * set's NOTIFY makes every process (the worker's dispatch, the API's preview) reload it at commit.
 */
@Injectable()
export class RoutingRulesService extends CachedSettings<RulesInForce> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    super(config.DATABASE_URL);
  }

  protected async read(): Promise<{ value: RulesInForce; version: number }> {
    const version = await currentSettingsVersion(this.dataSource);
    const [rules, latest] = await Promise.all([rulesInForce(this.dataSource), latestVersion(this.dataSource)]);
    return {
      value: { rules, dispatcherCategories: latest?.dispatcherCategories ?? [], ruleSetVersion: latest?.version ?? null },
      version,
    };
  }
}
