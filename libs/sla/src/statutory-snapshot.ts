import type { CalendarChange } from './deadline-move';
import { createWorkingCalendar, describeDay, type CalendarOverride, type WorkingCalendar } from './working-calendar';
import { DAY_MS, formatCivilDate, parseCivilDate } from './zone-clock';

/**
 * The statutory calendar (chinese-days' official years, the prediction, the days fixed by law) over a
 * window of days, as the dates whose working state differs from Monday–Friday. Stored, it says what the
 * running deadlines were computed with; a package update that changes a day shows as a difference.
 */
export interface StatutorySnapshot {
  from: string;
  to: string;
  /** 'YYYY-MM-DD', sorted: weekdays off and worked weekend days. */
  exceptions: string[];
  fingerprint: string;
}

/** Days before and after today the snapshot covers: running stages start and end well inside it. */
export const SNAPSHOT_DAYS_BEFORE = 366;
export const SNAPSHOT_DAYS_AFTER = 2 * 366;

const isWeekend = (day: number): boolean => {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/** The statutory layer alone: no district override, no imported notice. */
function statutoryOnly(calendar: WorkingCalendar): WorkingCalendar {
  return createWorkingCalendar({
    timeZone: calendar.timeZone,
    officeHours: calendar.officeHours,
    prediction: calendar.prediction,
  });
}

/** FNV-1a, 32 bits: a short, stable name for a list of dates (pure; not for security). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The snapshot of the calendar's statutory layer around `today` ('YYYY-MM-DD' in the district's zone). */
export function statutorySnapshot(calendar: WorkingCalendar, today: string): StatutorySnapshot {
  const centre = parseCivilDate(today)!;
  const statutory = statutoryOnly(calendar);
  const exceptions: string[] = [];
  for (let day = centre - SNAPSHOT_DAYS_BEFORE; day <= centre + SNAPSHOT_DAYS_AFTER; day += 1) {
    const date = formatCivilDate(day);
    if (describeDay(date, statutory).working === isWeekend(day)) exceptions.push(date);
  }
  const from = formatCivilDate(centre - SNAPSHOT_DAYS_BEFORE);
  const to = formatCivilDate(centre + SNAPSHOT_DAYS_AFTER);
  return { from, to, exceptions, fingerprint: `${from}..${to}:${fnv1a(exceptions.join(','))}` };
}

/**
 * What changed between the statutory calendar a stored snapshot recorded and the one in force now, as a
 * CalendarChange for the running deadlines (pure): the days of both windows whose statutory working state
 * differs, less those the district decides itself (an override, an imported notice's year), which the
 * package never governed. `before` is the calendar in force with those days as they were.
 */
export function statutoryDrift(stored: StatutorySnapshot, current: StatutorySnapshot, calendar: WorkingCalendar): CalendarChange {
  const from = stored.from > current.from ? stored.from : current.from;
  const to = stored.to < current.to ? stored.to : current.to;
  const was = new Set(stored.exceptions.filter((d) => d >= from && d <= to));
  const now = new Set(current.exceptions.filter((d) => d >= from && d <= to));
  const overridden = new Set(calendar.overrides.map((o) => o.date));
  const noticed = new Set(calendar.notices.map((n) => n.year));
  const changedDays = [...new Set([...was, ...now])]
    .filter((d) => was.has(d) !== now.has(d))
    .filter((d) => !overridden.has(d) && !noticed.has(Number(d.slice(0, 4))))
    .sort();
  const restored: CalendarOverride[] = changedDays.map((date) => ({
    date,
    // An exception on a weekend was a worked day; on a weekday a day off.
    working: was.has(date) === isWeekend(parseCivilDate(date)!),
    note: 'statutory calendar before the package update',
  }));
  const before = createWorkingCalendar({
    timeZone: calendar.timeZone,
    officeHours: calendar.officeHours,
    prediction: calendar.prediction,
    notices: calendar.notices,
    overrides: [...calendar.overrides, ...restored],
  });
  return {
    before,
    after: calendar,
    changedDays,
    why: `statutory calendar updated (${changedDays.length} day${changedDays.length === 1 ? '' : 's'} changed: ${changedDays.join(', ')})`,
  };
}
