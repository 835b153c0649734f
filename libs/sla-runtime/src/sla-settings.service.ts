import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@hotline/config';
import { listenForever, type PgListener, sqlRows } from '@hotline/database';
import { createWorkingCalendar, parseSlaPolicies, type HolidayNotice, type SlaPolicy, type WorkingCalendar } from '@hotline/sla';

/** How long loaded policies and overrides are trusted should a change notice be lost. */
const TTL_MS = 30_000;

/** Admin edits NOTIFY this channel in their transaction; every process reloads its cached settings. */
export const SLA_SETTINGS_CHANNEL = 'hotline_sla_settings';

export interface SlaSettings {
  policies: SlaPolicy[];
  /** The district's calendar: statutory days, its own overrides, office hours, its time zone. */
  calendar: WorkingCalendar;
  /** The settings version these were read at (`settings_version`, raised by the commit of each change). */
  version: number;
}

/**
 * The active SLA policies and the working calendar built with the district's holiday overrides,
 * loaded from the database and cached like the reference data. A change's NOTIFY makes the process
 * reload at once, and `loadedVersion()` says which version it holds: a caller that made a change knows
 * every process applies it once each reports that version (tests wait for it; `/health/details` shows it).
 */
@Injectable()
export class SlaSettingsService implements OnModuleInit, OnModuleDestroy {
  private settings: SlaSettings | null = null;
  private listener: PgListener | null = null;
  private loadedAt = 0;
  /** Raised by every invalidation, so that a load begun before a change is not kept as current. */
  private generation = 0;
  private loading: Promise<SlaSettings> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.listener = listenForever(this.config.DATABASE_URL, SLA_SETTINGS_CHANNEL, () => this.reload());
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.close();
    // A reload still reading must not outlive the module (and its connection pool).
    await this.loading?.catch(() => undefined);
  }

  async current(): Promise<SlaSettings> {
    if (this.settings && Date.now() - this.loadedAt < TTL_MS) return this.settings;
    if (!this.loading) {
      const generation = this.generation;
      const loading = this.load().then((loaded) => {
        if (generation === this.generation) {
          this.settings = loaded;
          this.loadedAt = Date.now();
        }
        return loaded;
      });
      this.loading = loading;
      void loading
        .finally(() => {
          if (this.loading === loading) this.loading = null;
        })
        .catch(() => undefined);
    }
    return this.loading;
  }

  /** The settings version this process holds now; null while it has none (never loaded, or reloading). */
  loadedVersion(): number | null {
    return this.settings?.version ?? null;
  }

  invalidate(): void {
    this.settings = null;
    this.generation += 1;
    this.loading = null;
  }

  /** Drops the cached settings and loads them again now, so the version this process reports moves at once. */
  reload(): void {
    this.invalidate();
    // A failed read (database unreachable) leaves the cache empty; the next use tries again.
    this.current().catch(() => undefined);
  }

  /** Policies, overrides, imported notices and their version in one statement, so all are of one snapshot. */
  private async load(): Promise<SlaSettings> {
    const [row] = await sqlRows<{
      version: number | null;
      policies: unknown[];
      overrides: Array<{ date: string; working: boolean; note: string }>;
      notices: HolidayNotice[];
    }>(
      this.dataSource,
      `SELECT (SELECT version FROM settings_version WHERE id = 1) AS version,
                COALESCE((SELECT json_agg(definition ORDER BY code) FROM sla_policies WHERE active), '[]') AS policies,
                COALESCE((SELECT json_agg(json_build_object('date', to_char(date, 'YYYY-MM-DD'), 'working', working, 'note', note) ORDER BY date)
                            FROM holiday_overrides), '[]') AS overrides,
                COALESCE((SELECT json_agg(json_build_object('year', year, 'daysOff', days_off, 'workingDays', working_days) ORDER BY year)
                            FROM calendar_notices), '[]') AS notices`,
    );
    const policies = parseSlaPolicies(row.policies);
    const calendar = createWorkingCalendar({
      timeZone: this.config.DISTRICT_TIMEZONE,
      overrides: row.overrides.map((r) => ({
        date: r.date,
        working: r.working,
        ...(r.note ? { note: r.note } : {}),
      })),
      notices: row.notices,
    });
    return { policies, calendar, version: row.version ?? 0 };
  }
}
