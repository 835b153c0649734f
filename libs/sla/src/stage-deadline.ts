import { deadlineCalendar } from './calendar-state';
import { SlaArgumentInvalid } from './sla-errors';
import { SLA_STAGES, stageLimit, type SlaCountFrom, type SlaLimit, type SlaPolicy, type SlaStage } from './sla-policy';
import type { CalendarSource } from './statutory-calendar';
import { type CalendarEngine, type WorkingCalendar, calendarEngine } from './working-calendar';
import {
  type SlaUnit,
  advanceWorkingDays,
  advanceWorkingMs,
  addWorkingTime,
  nextWorkingMs,
  workingMsBetween,
} from './working-time';
import { MINUTE_MS } from './zone-clock';

export interface StageDeadline {
  /** When the stage is overdue (breach timer). */
  deadline: Date;
  /** When `warningRatio` of the allowed time has elapsed (warning timer). */
  warnAt: Date;
  /** The stage's unit: what its time left is counted in. */
  unit: SlaUnit;
  /** Where the days from the stage start to the deadline came from (official, predicted, law). */
  calendar: CalendarSource;
}

function countingStart(countFrom: SlaCountFrom, start: number, engine: CalendarEngine): number {
  if (countFrom === 'nextDayMidnight') return engine.dayInfo(engine.dayAt(start).day + 1).start;
  return start;
}

function limitDeadline(
  limit: SlaLimit,
  countFrom: SlaCountFrom,
  warningRatio: number,
  start: Date,
  calendar: WorkingCalendar,
): StageDeadline {
  const { deadline, warnAt } = limitInstants(limit, countFrom, warningRatio, start, calendar);
  return { deadline, warnAt, unit: limit.unit, calendar: deadlineCalendar(start, deadline, calendar) };
}

function limitInstants(
  limit: SlaLimit,
  countFrom: SlaCountFrom,
  warningRatio: number,
  start: Date,
  calendar: WorkingCalendar,
): Pick<StageDeadline, 'deadline' | 'warnAt'> {
  const from = start instanceof Date ? start.getTime() : NaN;
  if (!Number.isFinite(from)) throw new SlaArgumentInvalid('stageStart', 'must be a valid Date');
  if (typeof warningRatio !== 'number' || !(warningRatio >= 0 && warningRatio <= 1)) {
    throw new SlaArgumentInvalid('warningRatio', 'must be between 0 and 1');
  }
  const engine = calendarEngine(calendar);
  const begin = countingStart(countFrom, from, engine);

  if (limit.unit === 'minutes') {
    // Calendar clock: the warning is a share of calendar minutes too; counting never waits for office hours.
    const deadline = addWorkingTime(new Date(begin), limit.amount, 'minutes', calendar);
    return { deadline, warnAt: new Date(begin + Math.round(warningRatio * limit.amount * MINUTE_MS)) };
  }

  // Working units: the warning is a share of the working time between counting start and deadline,
  // so a 1-working-day limit counted from Friday evening warns on Monday afternoon, not on Sunday.
  if (!Number.isFinite(limit.amount) || limit.amount < 0) throw new SlaArgumentInvalid('amount', 'must be ≥ 0');
  const opening = nextWorkingMs(engine, begin);
  let deadline: number;
  if (limit.unit === 'workingHours') {
    deadline = advanceWorkingMs(engine, opening, Math.round(limit.amount * 60 * MINUTE_MS));
  } else if (limit.unit === 'workingDays') {
    if (!Number.isInteger(limit.amount)) throw new SlaArgumentInvalid('amount', 'working days must be a whole number');
    deadline = advanceWorkingDays(engine, opening, limit.amount);
  } else {
    throw new SlaArgumentInvalid('unit', `unknown unit '${String(limit.unit)}'`);
  }
  const allowed = workingMsBetween(engine, opening, deadline);
  const warnAt = advanceWorkingMs(engine, opening, Math.round(warningRatio * allowed));
  return { deadline: new Date(deadline), warnAt: new Date(warnAt) };
}

/**
 * Deadline and warning instant of one stage of a case under its policy.
 *
 * The counting start is the stage start, or with countFrom 'nextDayMidnight' 00:00 of the following
 * calendar day in the calendar's zone. From there the stage limit runs as in addWorkingTime: on the
 * calendar clock for 'minutes'; for working units it first rolls to the next opening of working time.
 */
export function computeStageDeadline(
  policy: SlaPolicy,
  stage: SlaStage,
  stageStart: Date,
  calendar: WorkingCalendar,
): StageDeadline {
  if (!(SLA_STAGES as readonly string[]).includes(stage)) {
    throw new SlaArgumentInvalid('stage', `must be one of ${SLA_STAGES.join(', ')}`);
  }
  return limitDeadline(stageLimit(policy, stage), policy.countFrom, policy.warningRatio, stageStart, calendar);
}

/**
 * The last moment a department may return (退单) a case dispatched at `dispatchedAt`: the policy's
 * returnWindow, counted the same way as the policy's stage deadlines (countFrom included).
 */
export function computeReturnDeadline(policy: SlaPolicy, dispatchedAt: Date, calendar: WorkingCalendar): Date {
  return limitInstants(policy.returnWindow, policy.countFrom, policy.warningRatio, dispatchedAt, calendar).deadline;
}
