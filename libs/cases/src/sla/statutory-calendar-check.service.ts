import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@hotline/clock';
import { sqlExec, sqlRow } from '@hotline/database';
import { statutoryDrift, statutorySnapshot, toZonedIso, type StatutorySnapshot } from '@hotline/sla';
import { SlaSettingsService } from '@hotline/sla-runtime';
import { RunningDeadlinesService } from './running-deadlines.service';

export interface StatutoryCalendarCheck {
  /** No snapshot was stored yet: this one is the first, nothing to compare. */
  first: boolean;
  changedDays: string[];
  movedDeadlines: number;
}

/**
 * A package update (chinese-days) can change the statutory calendar under deadlines already running.
 * The calendar they were computed with is stored as a snapshot (calendar_snapshot); a worker starting
 * compares it with the one it has and moves the running deadlines the changed days touch through
 * RunningDeadlinesService, the one owner of moving them (each with its `deadlineMoved` event and its
 * timers), then stores the new snapshot, all in one transaction. Workers starting together queue on the
 * snapshot row's lock, so the second finds nothing left to move.
 */
@Injectable()
export class StatutoryCalendarCheckService {
  private readonly logger = new Logger(StatutoryCalendarCheckService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SlaSettingsService,
    private readonly runningDeadlines: RunningDeadlinesService,
    private readonly clock: Clock,
  ) {}

  async check(): Promise<StatutoryCalendarCheck> {
    const { calendar } = await this.settings.current();
    const today = toZonedIso(this.clock.now(), calendar.timeZone)!.slice(0, 10);
    const current = statutorySnapshot(calendar, today);
    const result = await this.dataSource.transaction(async (manager) => {
      const stored = await sqlRow<StatutorySnapshot>(
        manager,
        `SELECT to_char(window_from, 'YYYY-MM-DD') AS "from", to_char(window_to, 'YYYY-MM-DD') AS "to", exceptions, fingerprint
           FROM calendar_snapshot WHERE id = 1 FOR UPDATE`,
      );
      if (!stored) {
        await sqlExec(
          manager,
          `INSERT INTO calendar_snapshot (id, window_from, window_to, exceptions, fingerprint) VALUES (1, $1, $2, $3, $4)
           ON CONFLICT (id) DO NOTHING`,
          [current.from, current.to, JSON.stringify(current.exceptions), current.fingerprint],
        );
        return { first: true, changedDays: [], movedDeadlines: 0 };
      }
      if (stored.fingerprint === current.fingerprint) return { first: false, changedDays: [], movedDeadlines: 0 };
      const change = statutoryDrift(stored, current, calendar);
      const movedDeadlines = await this.runningDeadlines.move(manager, change);
      await sqlExec(
        manager,
        `UPDATE calendar_snapshot SET window_from = $1, window_to = $2, exceptions = $3, fingerprint = $4, taken_at = now() WHERE id = 1`,
        [current.from, current.to, JSON.stringify(current.exceptions), current.fingerprint],
      );
      return { first: false, changedDays: [...change.changedDays], movedDeadlines };
    });
    if (result.changedDays.length > 0)
      this.logger.log(result, 'statutory calendar changed since the last start: deadlines moved');
    return result;
  }
}
