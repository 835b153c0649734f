import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@hotline/config';
import { currentSettingsVersion, SettingsCache } from '@hotline/database';
import type { RuleSet } from './rule-set';
import { latestVersion, rulesInForce } from './rule-set-store';

/** The rule set a process routes by, and the version of it (null before the first save). */
export interface RulesInForce extends RuleSet {
  ruleSetVersion: number | null;
}

/**
 * The routing rules in force, cached per process like the other settings (SettingsCache): a saved rule
 * set's NOTIFY makes every process (the worker's dispatch, the API's preview) reload it at commit.
 */
@Injectable()
export class RoutingRulesService implements OnModuleInit, OnModuleDestroy {
  private readonly cache = new SettingsCache<RulesInForce>(async () => {
    const version = await currentSettingsVersion(this.dataSource);
    const [rules, latest] = await Promise.all([rulesInForce(this.dataSource), latestVersion(this.dataSource)]);
    return {
      value: { rules, dispatcherCategories: latest?.dispatcherCategories ?? [], ruleSetVersion: latest?.version ?? null },
      version,
    };
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.cache.listen(this.config.DATABASE_URL);
  }

  async onModuleDestroy(): Promise<void> {
    await this.cache.close();
  }

  current(): Promise<RulesInForce> {
    return this.cache.current();
  }

  /** Reloads now (after this process's own change: the NOTIFY reaches it a moment later). */
  reload(): void {
    this.cache.reload();
  }

  /** The settings version this process's rules hold (null while reloading). */
  loadedVersion(): number | null {
    return this.cache.loadedVersion();
  }
}
