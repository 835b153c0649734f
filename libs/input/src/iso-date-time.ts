/**
 * The one reader of dates and times that arrive as text (query parameters, Open311 arguments and
 * attributes). Only the extended ISO 8601 forms the README documents are accepted:
 *
 *   YYYY-MM-DD                                   a calendar day, meaning its start in the district's zone
 *   YYYY-MM-DDTHH:mm[:ss[.sss]](Z|±HH:mm)        an instant, always with its offset
 *
 * Everything else ISO 8601 allows (basic `20261129`, week `2026-W48`, ordinal `2026-333`, times
 * without an offset) is refused, and so is any day the calendar does not have (`2026-02-30`), which
 * `new Date()` would silently roll over into March, and any year outside 1900–2999.
 */

import { ZoneClock } from '@hotline/sla';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** What a refusal says, so that every route words it the same way. */
export const ISO_DATE_TIME_FORMS = 'YYYY-MM-DD or YYYY-MM-DDTHH:mm[:ss[.sss]] with Z or ±HH:mm';

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Years outside this range are typing mistakes, and a period of ten centuries would only load the server. */
export const YEAR_RANGE = { min: 1900, max: 2999 } as const;

function realDay(year: number, month: number, day: number): boolean {
  return (
    year >= YEAR_RANGE.min && year <= YEAR_RANGE.max && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** `YYYY-MM-DD` naming a day the calendar has, or null. */
export function parseCalendarDate(value: string): CalendarDay | null {
  const m = CALENDAR_DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return realDay(year, month, day) ? { year, month, day } : null;
}

/** One clock per zone, as the calendar keeps (its Intl formatter is costly to build). */
const zoneClocks = new Map<string, ZoneClock>();

/** The instant a calendar day starts in `timeZone`, by the calendar's own zone arithmetic (`libs/sla`). */
export function startOfDay(day: CalendarDay, timeZone: string): Date {
  let clock = zoneClocks.get(timeZone);
  if (!clock) zoneClocks.set(timeZone, (clock = new ZoneClock(timeZone)));
  return new Date(clock.wallToInstant(Date.UTC(day.year, day.month - 1, day.day)));
}

/**
 * An instant from one of the documented forms, or null. A calendar day is its start in `timeZone`
 * (the district's, so that `from=2026-11-01` means the district's midnight).
 */
export function parseIsoDateTime(value: string, timeZone: string): Date | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const day = parseCalendarDate(value);
  if (day) return startOfDay(day, timeZone);
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [year, month, date, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  if (!realDay(year, month, date) || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    const [oh, om] = [Number(m[10]), Number(m[11])];
    if (oh > 14 || om > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  const result = new Date(0);
  result.setUTCFullYear(year, month - 1, date);
  result.setUTCHours(hour, minute, second, millis);
  result.setTime(result.getTime() - offsetMinutes * 60_000);
  return Number.isNaN(result.getTime()) ? null : result;
}
