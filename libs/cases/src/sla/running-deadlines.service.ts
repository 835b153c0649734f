import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@hotline/clock';
import { sqlExec, sqlRows } from '@hotline/database';
import { movedDeadline, toZonedIso, type CalendarChange, type SlaStage, type SlaUnit } from '@hotline/sla';
import { appendHistory, SYSTEM_ACTOR } from '../history/case-history';
import { scheduleTimers } from '../transitions/transition-writer';
import { timerPlanFor } from './sla-timers';

interface RunningRow {
  deadlineId: string;
  caseId: string;
  status: string;
  stage: SlaStage;
  startedAt: Date;
  deadline: Date;
  warnAt: Date;
  unit: SlaUnit;
}

/** A day's bounds are taken a day wide on each side: zones east or west of UTC, and a deadline at midnight. */
const DAY_MS = 86_400_000;

/**
 * Moves the running stage deadlines a calendar change touches, in the caller's transaction (so the
 * change and its consequences commit together): each keeps the working time it was given (movedDeadline),
 * its case's SLA columns and its warning and breach timers follow, and the case's history records the old
 * and new deadline and why. A stage already breached, or past its deadline, stays as it is; so do
 * stages counted in calendar minutes.
 */
@Injectable()
export class RunningDeadlinesService {
  constructor(private readonly clock: Clock) {}

  /** How many running deadlines the change would move; reads only (a dry run). */
  async count(manager: EntityManager, change: CalendarChange): Promise<number> {
    const rows = await this.touched(manager, change, false);
    return rows.filter((row) => movedDeadline(row, change.before, change.after) !== null).length;
  }

  async move(manager: EntityManager, change: CalendarChange): Promise<number> {
    let moved = 0;
    for (const row of await this.touched(manager, change, true)) {
      const next = movedDeadline(row, change.before, change.after);
      if (!next) continue;
      await sqlExec(manager, `UPDATE case_deadlines SET deadline = $2, warn_at = $3, calendar = $4 WHERE id = $1`, [
        row.deadlineId,
        next.deadline,
        next.warnAt,
        next.calendar,
      ]);
      await sqlExec(
        manager,
        `UPDATE cases SET sla_deadline = $3, sla_warn_at = $4, updated_at = now() WHERE id = $1 AND sla_stage = $2`,
        [row.caseId, row.stage, next.deadline, next.warnAt],
      );
      const timers = timerPlanFor(
        row.caseId,
        { stage: row.stage, deadline: row.deadline },
        {
          kind: 'start',
          stage: row.stage,
          startedAt: row.startedAt,
          deadline: next.deadline,
          warnAt: next.warnAt,
          reason: 'calendarChanged',
          unit: row.unit,
          calendar: next.calendar,
        },
      );
      await scheduleTimers(manager, timers);
      const zone = change.after.timeZone;
      await appendHistory(manager, row.caseId, SYSTEM_ACTOR, [
        {
          type: 'deadlineMoved',
          fromStatus: row.status,
          toStatus: row.status,
          note: `${row.stage} deadline ${toZonedIso(row.deadline, zone)} → ${toZonedIso(next.deadline, zone)}: ${change.why}`,
          data: {
            stage: row.stage,
            from: row.deadline.toISOString(),
            to: next.deadline.toISOString(),
            calendar: next.calendar,
            why: change.why,
          },
        },
      ]);
      moved += 1;
    }
    return moved;
  }

  /** Running, unbreached, working-time stages whose span from start to deadline reaches a changed day. */
  private touched(manager: EntityManager, change: CalendarChange, lock: boolean): Promise<RunningRow[]> {
    if (change.changedDays.length === 0) return Promise.resolve([]);
    const first = Date.parse(`${change.changedDays[0]}T00:00:00Z`) - DAY_MS;
    const last = Date.parse(`${change.changedDays[change.changedDays.length - 1]}T00:00:00Z`) + 2 * DAY_MS;
    return sqlRows<RunningRow>(
      manager,
      `SELECT d.id AS "deadlineId", d.case_id AS "caseId", c.status, d.stage, d.started_at AS "startedAt",
              d.deadline, d.warn_at AS "warnAt", d.unit
         FROM case_deadlines d JOIN cases c ON c.id = d.case_id
        WHERE d.ended_at IS NULL AND d.breached_at IS NULL AND d.unit <> 'minutes'
          AND d.deadline > $1 AND d.deadline > $2 AND d.started_at < $3
        ORDER BY d.case_id${lock ? ' FOR UPDATE OF c, d' : ''}`,
      [this.clock.now(), new Date(first), new Date(last)],
    );
  }
}
