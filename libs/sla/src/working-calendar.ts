import type { FieldProblem } from '@hotline/errors';
import type { HolidayNotice } from './holiday-notice';
import { ImportedArrangements } from './imported-arrangements';
import { SlaArgumentInvalid, SlaCalendarInvalid } from './sla-errors';
import { type CalendarSource, lawHolidayOf, statutoryDay, yearSource } from './statutory-calendar';
import { DAY_MS, MINUTE_MS, ZoneClock, formatCivilDate, parseCivilDate } from './zone-clock';

/** One stretch of office hours, local wall time 'HH:MM' ('24:00' allowed as an end). */
export interface OfficeHours {
  start: string;
  end: string;
}

/** A district's own day, winning over the statutory calendar (e.g. a declared working day). */
export interface CalendarOverride {
  date: string;
  working: boolean;
  note?: string;
}

export interface WorkingCalendarOptions {
  timeZone?: string;
  officeHours?: readonly OfficeHours[];
  overrides?: readonly CalendarOverride[];
  /**
   * Predict the days off of years without an official arrangement (default true); false leaves those
   * years to the days fixed by law.
   */
  prediction?: boolean;
  /** The State Council's notices an administrator imported (parseHolidayNotice): official for their years. */
  notices?: readonly HolidayNotice[];
}

/** A plain, frozen value; its per-day caches live beside it, not in it. */
export interface WorkingCalendar {
  readonly timeZone: string;
  readonly officeHours: readonly OfficeHours[];
  readonly overrides: readonly CalendarOverride[];
  readonly prediction: boolean;
  readonly notices: readonly HolidayNotice[];
}

export interface DayDescription {
  date: string;
  working: boolean;
  /**
   * The first source with an answer for the day: the district's override; the official arrangement
   * (an imported notice, else chinese-days); the prediction for a year without one; the days fixed by law; Monday to Friday.
   */
  source: 'override' | CalendarSource | 'weekday';
  note?: string;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Xigang district offices: 08:30–12:00 and 13:00–17:30, eight working hours a day. */
export const DEFAULT_OFFICE_HOURS: readonly OfficeHours[] = Object.freeze([
  Object.freeze({ start: '08:30', end: '12:00' }),
  Object.freeze({ start: '13:00', end: '17:30' }),
]);

/**
 * One civil day in the calendar's zone, as instants (ms): [start, end) is local midnight to the next
 * local midnight; `open` lists office-hour intervals flattened as [s0, e0, s1, e1, …], one pair per
 * configured interval (same index every day) and empty on a day off.
 */
export interface DayInfo {
  readonly day: number;
  readonly start: number;
  readonly end: number;
  readonly working: boolean;
  readonly open: readonly number[];
}

const CACHE_LIMIT = 100_000;

/** Per-calendar engine: answers "which day is this instant in" and "when is this day's office open" from caches. */
export class CalendarEngine {
  private readonly days = new Map<number, DayInfo>();
  private readonly workingFlags = new Map<number, boolean>();
  /** Offset of the last day looked up; only a first guess for dayAt, never trusted. */
  private lastOffset = 0;

  constructor(
    private readonly clock: ZoneClock,
    /** [startMinute, endMinute] pairs, sorted and disjoint. */
    private readonly officeMinutes: readonly (readonly [number, number])[],
    private readonly overrides: ReadonlyMap<number, CalendarOverride>,
    readonly prediction: boolean,
    readonly imported: ImportedArrangements = new ImportedArrangements([]),
  ) {}

  describe(day: number): Omit<DayDescription, 'date'> {
    const override = this.overrides.get(day);
    if (override) {
      return { working: override.working, source: 'override', ...(override.note ? { note: override.note } : {}) };
    }
    return this.imported.answer(day) ?? statutoryDay(day, this.prediction, (year) => this.imported.hasYear(year));
  }

  /** Where a year's days come from: official (imported or the package's), else predicted, else law. */
  yearSource(year: number): CalendarSource {
    return this.imported.hasYear(year) ? 'official' : yearSource(year, this.prediction);
  }

  isWorking(day: number): boolean {
    let working = this.workingFlags.get(day);
    if (working === undefined) {
      working = this.describe(day).working;
      if (this.workingFlags.size >= CACHE_LIMIT) this.workingFlags.clear();
      this.workingFlags.set(day, working);
    }
    return working;
  }

  dayInfo(day: number): DayInfo {
    let info = this.days.get(day);
    if (!info) {
      info = this.buildDay(day);
      if (this.days.size >= CACHE_LIMIT) this.days.clear();
      this.days.set(day, info);
    }
    return info;
  }

  /** The civil day containing an instant. */
  dayAt(instant: number): DayInfo {
    let info = this.dayInfo(Math.floor((instant + this.lastOffset) / DAY_MS));
    while (instant < info.start) info = this.dayInfo(info.day - 1);
    while (instant >= info.end) info = this.dayInfo(info.day + 1);
    this.lastOffset = info.day * DAY_MS - info.start;
    return info;
  }

  private buildDay(day: number): DayInfo {
    const wallStart = day * DAY_MS;
    const wallEnd = wallStart + DAY_MS;
    const stable = this.clock.stableOffset(wallStart, wallEnd);
    const toInstant = (wall: number): number => (stable === undefined ? this.clock.wallToInstant(wall) : wall - stable);
    const working = this.isWorking(day);
    const open: number[] = [];
    if (working) {
      for (const [from, to] of this.officeMinutes) {
        open.push(toInstant(wallStart + from * MINUTE_MS), toInstant(wallStart + to * MINUTE_MS));
      }
    }
    return { day, start: toInstant(wallStart), end: toInstant(wallEnd), working, open };
  }
}

const engines = new WeakMap<WorkingCalendar, CalendarEngine>();

const TIME_PATTERN = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minuteOfDay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = TIME_PATTERN.exec(value);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

function validate(options: WorkingCalendarOptions): {
  clock: ZoneClock;
  officeMinutes: [number, number][];
  overrides: Map<number, CalendarOverride>;
  prediction: boolean;
  notices: HolidayNotice[];
} {
  const problems: FieldProblem[] = [];
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  let clock: ZoneClock | undefined;
  try {
    clock = new ZoneClock(timeZone);
  } catch {
    problems.push({ field: 'timeZone', reason: `unknown IANA time zone '${timeZone}'` });
  }

  const officeHours = options.officeHours ?? DEFAULT_OFFICE_HOURS;
  const officeMinutes: [number, number][] = [];
  if (!Array.isArray(officeHours) || officeHours.length === 0) {
    problems.push({ field: 'officeHours', reason: 'at least one interval is required' });
  } else {
    officeHours.forEach((interval: OfficeHours, index: number) => {
      const from = minuteOfDay(interval?.start);
      const to = minuteOfDay(interval?.end);
      if (from === undefined || to === undefined || from >= to) {
        problems.push({ field: `officeHours[${index}]`, reason: "needs 'HH:MM' start before 'HH:MM' end" });
      } else {
        officeMinutes.push([from, to]);
      }
    });
    officeMinutes.sort((a, b) => a[0] - b[0]);
    for (let k = 1; k < officeMinutes.length; k += 1) {
      if (officeMinutes[k][0] < officeMinutes[k - 1][1]) {
        problems.push({ field: 'officeHours', reason: 'intervals overlap' });
        break;
      }
    }
  }

  const overrides = new Map<number, CalendarOverride>();
  (options.overrides ?? []).forEach((override: CalendarOverride, index: number) => {
    const day = typeof override?.date === 'string' ? parseCivilDate(override.date) : undefined;
    if (day === undefined) {
      problems.push({ field: `overrides[${index}].date`, reason: "must be a real date 'YYYY-MM-DD'" });
    } else if (typeof override.working !== 'boolean') {
      problems.push({ field: `overrides[${index}].working`, reason: 'must be true or false' });
    } else if (override.note !== undefined && typeof override.note !== 'string') {
      problems.push({ field: `overrides[${index}].note`, reason: 'must be a string' });
    } else {
      const earlier = overrides.get(day);
      const lawHoliday = override.working ? lawHolidayOf(day) : undefined;
      if (earlier && earlier.working !== override.working) {
        problems.push({ field: `overrides[${index}]`, reason: `contradicts another override of ${override.date}` });
      } else if (lawHoliday && !override.note?.trim()) {
        problems.push({
          field: `overrides[${index}].note`,
          reason: `${override.date} is ${lawHoliday} by law: a working day needs a reason`,
        });
      }
      overrides.set(day, { ...override });
    }
  });

  const prediction = options.prediction ?? true;
  if (typeof prediction !== 'boolean') problems.push({ field: 'prediction', reason: 'must be true or false' });

  const notices = [...(options.notices ?? [])];
  notices.forEach((notice, index) => {
    const days = [...(notice?.daysOff ?? []), ...(notice?.workingDays ?? [])];
    if (!Number.isInteger(notice?.year) || days.some((day) => parseCivilDate(day?.date) === undefined)) {
      problems.push({ field: `notices[${index}]`, reason: 'must be a notice as parseHolidayNotice reads it' });
    }
  });

  if (problems.length > 0 || !clock) throw new SlaCalendarInvalid(problems);
  return { clock, officeMinutes, overrides, prediction, notices };
}

/**
 * A working calendar for a district: the district's own overrides on top of the PRC calendar (official
 * arrangement, else predicted, else by law, else Monday–Friday; statutory-calendar.ts), office hours on
 * every working day, all in `timeZone`. A day the law gives off is made a working day only by an
 * override with a reason.
 */
export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const { clock, officeMinutes, overrides, prediction, notices } = validate(options);
  const format = (minutes: number): string =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const calendar: WorkingCalendar = Object.freeze({
    timeZone: clock.canonicalName,
    officeHours: Object.freeze(officeMinutes.map(([from, to]) => Object.freeze({ start: format(from), end: format(to) }))),
    overrides: Object.freeze([...overrides.values()].map((override) => Object.freeze(override))),
    prediction,
    notices: Object.freeze(notices),
  });
  engines.set(calendar, new CalendarEngine(clock, officeMinutes, overrides, prediction, new ImportedArrangements(notices)));
  return calendar;
}

/** The engine behind a calendar; a copied calendar value (spread, deserialised) gets its own. */
export function calendarEngine(calendar: WorkingCalendar): CalendarEngine {
  let engine = engines.get(calendar);
  if (!engine) {
    const { clock, officeMinutes, overrides, prediction, notices } = validate(calendar);
    engine = new CalendarEngine(clock, officeMinutes, overrides, prediction, new ImportedArrangements(notices));
    engines.set(calendar, engine);
  }
  return engine;
}

function dayNumberOf(date: string): number {
  const day = typeof date === 'string' ? parseCivilDate(date) : undefined;
  if (day === undefined) throw new SlaArgumentInvalid('date', "must be a real date 'YYYY-MM-DD'");
  return day;
}

/** Whether offices work on a civil date: override, else the statutory calendar, else Monday–Friday. */
export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  return calendarEngine(calendar).isWorking(dayNumberOf(date));
}

/** Why a date is or is not a working day, for calendar screens and audits. */
export function describeDay(date: string, calendar: WorkingCalendar): DayDescription {
  const day = dayNumberOf(date);
  return { date: formatCivilDate(day), ...calendarEngine(calendar).describe(day) };
}
