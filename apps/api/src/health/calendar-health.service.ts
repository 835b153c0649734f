import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { Clock } from '@hotline/clock';
import { SlaSettingsService } from '@hotline/cases';
import { calendarStatus, type CalendarStatus } from '@hotline/sla';

/**
 * The working calendar's state as a health component: `degraded` while deadlines reach a year that has
 * no official holiday arrangement (this year, or next year from 1 November), naming the years counted
 * by prediction. Computed by the pure `calendarStatus` on the business clock and the district's
 * calendar (with its overrides), so /api/v1/calendar/status and the health check say the same thing.
 */
@Injectable()
export class CalendarHealthService {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly sla: SlaSettingsService,
    private readonly clock: Clock,
  ) {}

  async status(): Promise<CalendarStatus> {
    const { calendar } = await this.sla.current();
    return calendarStatus(this.clock.now(), calendar);
  }

  /**
   * Terminus style, for `HealthCheckService.check([() => calendarHealth.check()])`: always `up`, because
   * a predicted year still gives deadlines (on the citizen's side) and must not take the API out of
   * service; `state` says ok or degraded, with the years only predicted.
   */
  async check(key = 'calendar'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    const { status, predictedYears, lawYears, officialThrough, reason } = await this.status();
    return indicator.up({ state: status, officialThrough, predictedYears, lawYears, ...(reason ? { reason } : {}) });
  }
}
