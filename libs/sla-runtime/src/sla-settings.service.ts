import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@hotline/config';
import { CachedSettings, sqlRows } from '@hotline/database';
import { createWorkingCalendar, parseSlaPolicies, type HolidayNotice, type SlaPolicy, type WorkingCalendar } from '@hotline/sla';

export interface SlaSettings {
  policies: SlaPolicy[];
  /** The district's calendar: statutory days, its own overrides, office hours, its time zone. */
  calendar: WorkingCalendar;
  /** The settings version these were read at (`settings_version`, raised by the commit of each change). */
  version: number;
}

/**
 * The active SLA policies and the working calendar built with the district's holiday overrides,
 * loaded from the database and cached (CachedSettings, like the reference data and the routing rules). A
 * change's NOTIFY makes the process reload at once, and `loadedVersion()` says which version it holds: a caller that made a change knows
 * every process applies it once each reports that version (tests wait for it; `/health/details` shows it).
 */
@Injectable()
export class SlaSettingsService extends CachedSettings<SlaSettings> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    super(config.DATABASE_URL);
  }

  protected async read(): Promise<{ value: SlaSettings; version: number }> {
    const settings = await this.load();
    return { value: settings, version: settings.version };
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
