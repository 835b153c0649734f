import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@hotline/config';
import { createWorkingCalendar, parseSlaPolicies, type SlaPolicy, type WorkingCalendar } from '@hotline/sla';

/** How long loaded policies and overrides are trusted (admin edits show up within this). */
const TTL_MS = 30_000;

export interface SlaSettings {
  policies: SlaPolicy[];
  /** The district's calendar: statutory days, its own overrides, office hours, its time zone. */
  calendar: WorkingCalendar;
}

/**
 * The active SLA policies and the working calendar built with the district's holiday overrides,
 * loaded from the database and cached like the reference data.
 */
@Injectable()
export class SlaSettingsService {
  private settings: SlaSettings | null = null;
  private loadedAt = 0;
  private loading: Promise<SlaSettings> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async current(): Promise<SlaSettings> {
    if (this.settings && Date.now() - this.loadedAt < TTL_MS) return this.settings;
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  invalidate(): void {
    this.settings = null;
  }

  private async load(): Promise<SlaSettings> {
    const [policyRows, overrideRows] = await Promise.all([
      this.dataSource.query(`SELECT definition FROM sla_policies WHERE active ORDER BY code`),
      this.dataSource.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, working, note FROM holiday_overrides ORDER BY date`),
    ]);
    const policies = parseSlaPolicies(policyRows.map((r: { definition: unknown }) => r.definition));
    const calendar = createWorkingCalendar({
      timeZone: this.config.DISTRICT_TIMEZONE,
      overrides: overrideRows.map((r: { date: string; working: boolean; note: string }) => ({
        date: r.date,
        working: r.working,
        ...(r.note ? { note: r.note } : {}),
      })),
    });
    this.settings = { policies, calendar };
    this.loadedAt = Date.now();
    return this.settings;
  }
}
