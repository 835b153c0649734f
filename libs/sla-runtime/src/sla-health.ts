import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@hotline/clock';
import { HealthComponentProvider, type HealthComponent, type HealthDetails } from '@hotline/health';
import { calendarStatus, type CalendarStatus } from '@hotline/sla';
import { settingsHealth } from './settings-health';
import { SlaSettingsService } from './sla-settings.service';

/**
 * The working calendar as a health component: `degraded` while deadlines reach a year that has no
 * official holiday arrangement (this year, or next year from 1 November), naming the years counted by
 * prediction. Degraded, not down: a predicted year still gives deadlines (on the citizen's side), so it
 * must not take a process out of service. `GET /api/v1/calendar/status` reads the same `status()`.
 */
@HealthComponentProvider()
export class CalendarHealth implements HealthComponent {
  readonly name = 'calendar';
  constructor(
    private readonly sla: SlaSettingsService,
    private readonly clock: Clock,
  ) {}

  async status(): Promise<CalendarStatus> {
    const { calendar } = await this.sla.current();
    return calendarStatus(this.clock.now(), calendar);
  }

  async check(): Promise<HealthDetails> {
    const { status, predictedYears, lawYears, officialThrough, reason } = await this.status();
    return {
      status: status === 'degraded' ? 'degraded' : 'up',
      officialThrough,
      predictedYears,
      lawYears,
      ...(reason ? { reason } : {}),
    };
  }
}

/**
 * The settings version this process holds next to the database's: a caller that changed an SLA policy or
 * a holiday override knows every process applies it once each one reports `current: true`.
 */
@HealthComponentProvider()
export class SettingsHealthComponent implements HealthComponent {
  readonly name = 'settings';
  constructor(
    private readonly sla: SlaSettingsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async check(): Promise<HealthDetails> {
    const report = await settingsHealth(this.sla, this.dataSource);
    if (report.status === 'down') throw new Error(report.message ?? 'settings version unreadable');
    const { loadedVersion, databaseVersion, current } = report;
    return { loadedVersion, databaseVersion, current };
  }
}
