import { SlaArgumentInvalid } from './sla-errors';
import type { SlaLimit } from './sla-policy';
import { calendarEngine, type WorkingCalendar } from './working-calendar';
import { addWorkingTime, advanceWorkingMs, type SlaUnit, workingMsBetween } from './working-time';

/** A stage's clock stopped: the time it had left, in its own unit's milliseconds. */
export interface PausedClock {
  /** Working ms to the deadline (calendar ms for a 'minutes' stage); 0 once past it. */
  remainingMs: number;
  /** Working ms to the warning; null when the warning time had already come (no second warning). */
  warnRemainingMs: number | null;
}

/** Time from `a` to `b` as the stage's unit counts it, in ms; 0 when `b` is not after `a`. */
function spanMs(a: number, b: number, unit: SlaUnit, calendar: WorkingCalendar): number {
  if (b <= a) return 0;
  return unit === 'minutes' ? b - a : workingMsBetween(calendarEngine(calendar), a, b);
}

function advanceMs(from: number, amount: number, unit: SlaUnit, calendar: WorkingCalendar): number {
  return unit === 'minutes' ? from + amount : advanceWorkingMs(calendarEngine(calendar), from, amount);
}

/**
 * The clock of a running stage stopped at `now` (挂起, pure): what it had left to its deadline and to its
 * warning, exactly (milliseconds of working time on the calendar; calendar time for an emergency stage).
 */
export function pauseClock(
  now: Date,
  running: { deadline: Date; warnAt: Date | null },
  unit: SlaUnit,
  calendar: WorkingCalendar,
): PausedClock {
  const at = now.getTime();
  if (!Number.isFinite(at)) throw new SlaArgumentInvalid('now', 'must be a valid Date');
  const warnAt = running.warnAt?.getTime();
  return {
    remainingMs: spanMs(at, running.deadline.getTime(), unit, calendar),
    warnRemainingMs: warnAt !== undefined && warnAt > at ? spanMs(at, warnAt, unit, calendar) : null,
  };
}

/**
 * The stage's new deadline and warning when its clock resumes at `now` (pure): the time it had left laid
 * out from now on the calendar in force, so a suspension costs the department no working minute and gives
 * none. Without a warning left, the warning stands at the deadline (no timer: it was given before).
 */
export function resumeClock(
  now: Date,
  paused: PausedClock,
  unit: SlaUnit,
  calendar: WorkingCalendar,
): { deadline: Date; warnAt: Date } {
  const at = now.getTime();
  if (!Number.isFinite(at)) throw new SlaArgumentInvalid('now', 'must be a valid Date');
  const deadline = advanceMs(at, paused.remainingMs, unit, calendar);
  const warnAt = paused.warnRemainingMs === null ? deadline : advanceMs(at, paused.warnRemainingMs, unit, calendar);
  return { deadline: new Date(deadline), warnAt: new Date(warnAt) };
}

/** When a suspension approved at `from` resumes by itself under the policy's maximum. */
export function suspensionEnd(from: Date, maxDuration: SlaLimit, calendar: WorkingCalendar): Date {
  return addWorkingTime(from, maxDuration.amount, maxDuration.unit, calendar);
}
