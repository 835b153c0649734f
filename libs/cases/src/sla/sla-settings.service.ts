import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@hotline/config';
import { listenForever, type PgListener } from '@hotline/database';
import { createWorkingCalendar, parseSlaPolicies, type SlaPolicy, type WorkingCalendar } from '@hotline/sla';

/** How long loaded policies and overrides are trusted should a change notice be lost. */
const TTL_MS = 30_000;

/** Admin edits NOTIFY this channel in their transaction; every process drops its cached settings. */
export const SLA_SETTINGS_CHANNEL = 'hotline_sla_settings';

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
export class SlaSettingsService implements OnModuleInit, OnModuleDestroy {
  private settings: SlaSettings | null = null;
  private listener: PgListener | null = null;
  private loadedAt = 0;
  private loading: Promise<SlaSettings> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.listener = listenForever(this.config.DATABASE_URL, SLA_SETTINGS_CHANNEL, () => this.invalidate());
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.close();
  }

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
      this.dataSource.query<{ definition: unknown }[]>(`SELECT definition FROM sla_policies WHERE active ORDER BY code`),
      this.dataSource.query<{ date: string; working: boolean; note: string }[]>(`SELECT to_char(date, 'YYYY-MM-DD') AS date, working, note FROM holiday_overrides ORDER BY date`),
    ]);
    const policies = parseSlaPolicies(policyRows.map((r) => r.definition));
    const calendar = createWorkingCalendar({
      timeZone: this.config.DISTRICT_TIMEZONE,
      overrides: overrideRows.map((r) => ({
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
