import { SlaArgumentInvalid } from './sla-errors';
import { type CalendarEngine, type DayInfo, type WorkingCalendar, calendarEngine } from './working-calendar';
import { MINUTE_MS } from './zone-clock';

export const SLA_UNITS = ['minutes', 'workingHours', 'workingDays'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

/**
 * Loops step by office-hour interval and by day, never by minute. The guard only stops a runaway
 * loop on absurd input (an amount of centuries); real deadlines take a few dozen steps.
 */
const MAX_DAYS_SCANNED = 366 * 200;

function instantOf(value: Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new SlaArgumentInvalid(field, 'must be a valid Date');
  return ms;
}

function nextDay(engine: CalendarEngine, info: DayInfo, scanned: number): DayInfo {
  if (scanned > MAX_DAYS_SCANNED) throw new SlaArgumentInvalid('amount', 'reaches beyond the calendar range');
  let day = info.day + 1;
  // Skip days off by their flag alone, without building their instants.
  while (!engine.isWorking(day) && day - info.day < MAX_DAYS_SCANNED) day += 1;
  return engine.dayInfo(day);
}

/** The first instant at or after `at` inside office hours of a working day. */
export function nextWorkingMs(engine: CalendarEngine, at: number): number {
  let info = engine.dayAt(at);
  for (let scanned = 0; ; scanned += 1) {
    const open = info.open;
    for (let k = 0; k < open.length; k += 2) {
      if (at < open[k + 1] && open[k] < open[k + 1]) return Math.max(at, open[k]);
    }
    info = nextDay(engine, info, scanned);
  }
}

/**
 * The instant when `amount` ms of office time have passed after `from`. Counting starts at the next
 * opening when `from` is outside office hours; an amount that runs out exactly at a closing time
 * (12:00, 17:30) ends there rather than at the next opening.
 */
export function advanceWorkingMs(engine: CalendarEngine, from: number, amount: number): number {
  let remaining = amount;
  let info = engine.dayAt(from);
  for (let scanned = 0; ; scanned += 1) {
    const open = info.open;
    for (let k = 0; k < open.length; k += 2) {
      const end = open[k + 1];
      if (from >= end || open[k] >= end) continue;
      const begin = Math.max(from, open[k]);
      if (remaining <= end - begin) return begin + remaining;
      remaining -= end - begin;
    }
    info = nextDay(engine, info, scanned);
  }
}

/** Office-hour ms in [a, b). */
export function workingMsBetween(engine: CalendarEngine, a: number, b: number): number {
  if (b <= a) return 0;
  const lastDay = engine.dayAt(b).day;
  let total = 0;
  for (let day = engine.dayAt(a).day; day <= lastDay; day += 1) {
    if (!engine.isWorking(day)) continue;
    const open = engine.dayInfo(day).open;
    for (let k = 0; k < open.length; k += 2) {
      const begin = Math.max(a, open[k]);
      const end = Math.min(b, open[k + 1]);
      if (end > begin) total += end - begin;
    }
  }
  return total;
}

/**
 * `days` working days after `from`, by the rule in addWorkingTime: roll to working time, then the
 * same time of day (same offset into the same office interval) on the Nth following working day.
 */
export function advanceWorkingDays(engine: CalendarEngine, from: number, days: number): number {
  const start = nextWorkingMs(engine, from);
  const startDay = engine.dayAt(start);
  let interval = 0;
  while (!(start < startDay.open[interval + 1])) interval += 2;
  const intoInterval = start - startDay.open[interval];

  let day = startDay.day;
  for (let counted = 0; counted < days;) {
    day += 1;
    if (engine.isWorking(day)) counted += 1;
    if (day - startDay.day > MAX_DAYS_SCANNED) throw new SlaArgumentInvalid('amount', 'reaches beyond the calendar range');
  }
  const target = engine.dayInfo(day).open;
  // Clamped only when a daylight-saving change shortens that interval on the target day.
  return Math.min(target[interval] + intoInterval, target[interval + 1]);
}

/**
 * Adds an SLA amount to an instant.
 *
 * - 'minutes': calendar clock, for emergencies. 15 minutes after 23:50 on a holiday is 00:05 the
 *   next day; nights, weekends and holidays all count.
 * - 'workingHours': only office hours count. A start outside them (before opening, over lunch, in the
 *   evening, on a day off) begins counting at the next opening. The result may be a closing time:
 *   8 working hours from Monday 08:30 is Monday 17:30, not Tuesday 08:30.
 * - 'workingDays' (whole numbers): from a moment in working time, N working days end at the same time
 *   of day on the Nth following working day (Monday 10:00 + 1 = Tuesday 10:00; Friday 10:00 + 1 =
 *   Monday 10:00, or an adjusted working Saturday/Sunday if the State Council made one). A start
 *   outside working time (evening, weekend, holiday, lunch break) first rolls forward to the next
 *   opening, then counts: Friday 18:00 + 1 → Monday 08:30 + 1 → Tuesday 08:30, and 12:30 + 1 →
 *   13:00 on the next working day.
 *
 * An amount of 0 returns the start ('minutes') or the start rolled into working time (other units).
 */
export function addWorkingTime(start: Date, amount: number, unit: SlaUnit, calendar: WorkingCalendar): Date {
  const from = instantOf(start, 'start');
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    throw new SlaArgumentInvalid('amount', 'must be a finite number ≥ 0');
  }
  switch (unit) {
    case 'minutes':
      return new Date(from + Math.round(amount * MINUTE_MS));
    case 'workingHours':
      return new Date(advanceWorkingMs(calendarEngine(calendar), from, Math.round(amount * 60 * MINUTE_MS)));
    case 'workingDays':
      if (!Number.isInteger(amount)) throw new SlaArgumentInvalid('amount', 'working days must be a whole number');
      return new Date(advanceWorkingDays(calendarEngine(calendar), from, amount));
    default:
      throw new SlaArgumentInvalid('unit', `must be one of ${SLA_UNITS.join(', ')}`);
  }
}

/**
 * Office-hour minutes in [a, b): 0 when b ≤ a. Not rounded (a 90-second overlap is 1.5), so
 * statistics round once, at the end.
 */
export function workingTimeBetween(a: Date, b: Date, calendar: WorkingCalendar): { workingMinutes: number } {
  const from = instantOf(a, 'a');
  const to = instantOf(b, 'b');
  return { workingMinutes: workingMsBetween(calendarEngine(calendar), from, to) / MINUTE_MS };
}

/** The first instant at or after `at` inside office hours: where working-time counting starts. */
export function nextWorkingInstant(at: Date, calendar: WorkingCalendar): Date {
  return new Date(nextWorkingMs(calendarEngine(calendar), instantOf(at, 'at')));
}

/**
 * Time left until a deadline in the stage's own unit, in minutes, negative once past it: calendar
 * minutes for a 'minutes' stage (an emergency counts down through nights and Sundays), office-hour
 * minutes for working units. Rounded to the minute.
 */
export function minutesLeft(now: Date, deadline: Date, unit: SlaUnit, calendar: WorkingCalendar): number {
  const from = instantOf(now, 'now');
  const to = instantOf(deadline, 'deadline');
  let minutes: number;
  if (unit === 'minutes') {
    minutes = (to - from) / MINUTE_MS;
  } else {
    const engine = calendarEngine(calendar);
    minutes = (to >= from ? workingMsBetween(engine, from, to) : -workingMsBetween(engine, to, from)) / MINUTE_MS;
  }
  // Math.round(-0.2) is -0; a deadline this minute is 0 left.
  return Math.round(minutes) || 0;
}
