import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SlaSettingsService } from '@hotline/sla-runtime';
import { AppConfig } from '@hotline/config';
import { readCaseHistories } from './case-history-reader';
import { projectCase, type ProjectionOutcome } from './facts-store';
import { sqlOfManager } from './sql';

/**
 * Keeps `stats_case_facts` and `stats_daily` in step with the history, one case per call. Called by the
 * worker for every committed history append (the `stats` queue, fed through the outbox), and by
 * `stats:verify --repair`. Re-deriving the whole case each time makes a repeated or reordered job harmless.
 */
@Injectable()
export class StatsProjectorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sla: SlaSettingsService,
    private readonly config: AppConfig,
  ) {}

  async project(caseId: string): Promise<ProjectionOutcome> {
    const { calendar } = await this.sla.current();
    return this.dataSource.transaction(async (manager) => {
      const sql = sqlOfManager(manager);
      return projectCase(
        sql,
        caseId,
        async () => (await readCaseHistories(sql, [caseId])).get(caseId),
        calendar,
        this.config.DISTRICT_TIMEZONE,
      );
    });
  }
}
