import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { StatutoryCalendarCheckService } from '@hotline/cases';

/**
 * At start-up, before the timers it consumes fire: a worker that comes up with an updated calendar
 * package moves the running deadlines the package's changed days touch (StatutoryCalendarCheckService).
 * A failure (database briefly away) is logged, not fatal: the next start checks again.
 */
@Injectable()
export class StatutoryCalendarCheckStartup implements OnApplicationBootstrap {
  private readonly logger = new Logger(StatutoryCalendarCheckStartup.name);

  constructor(private readonly check: StatutoryCalendarCheckService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.check.check().catch((error: unknown) => {
      this.logger.warn({ err: error }, 'statutory calendar check failed; the next start tries again');
    });
  }
}
