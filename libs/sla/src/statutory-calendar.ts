import chineseDays from 'chinese-days/dist/chinese-days.json';
import { civilDateOf, formatCivilDate } from './zone-clock';

/**
 * The PRC statutory calendar (State Council holiday notices, with the adjusted working weekends, 调休)
 * as published by the `chinese-days` package: one arrangement per year, 2004–2026 in 1.5.x.
 *
 * We read the package's published JSON (the same data its isWorkday/isHoliday/getDayDetail use; a
 * test compares them day by day) rather than calling those functions, because they parse and format
 * dates in the server process's local zone: on a server west of UTC (TZ=America/New_York)
 * getDayDetail(2025-01-01) answers "Wednesday, working". The JSON has plain 'YYYY-MM-DD' keys:
 * - holidays: days off, including weekdays given off in lieu (isInLieu);
 * - workdays: Saturdays and Sundays worked to make up for them;
 * a date in neither is a working day from Monday to Friday.
 *
 * For a year without an arrangement the package silently answers Monday–Friday; we do the same but
 * say so (source 'weekdayFallback'), so a deployment can see when next year's notice (usually published
 * in November) still has to reach us, by a package update or by district overrides.
 */

type DayTable = Readonly<Record<string, string>>;
const holidays: DayTable = chineseDays.holidays;
const workdays: DayTable = chineseDays.workdays;

const coveredYears: ReadonlySet<number> = new Set(Object.keys(holidays).map((date) => Number(date.slice(0, 4))));

/** The first and last year the installed `chinese-days` has a holiday arrangement for. */
export function statutoryHolidayCoverage(): { firstYear: number; lastYear: number } {
  const years = [...coveredYears];
  return { firstYear: Math.min(...years), lastYear: Math.max(...years) };
}

export interface StatutoryDay {
  working: boolean;
  source: 'statutory' | 'weekdayFallback';
  /** Chinese name of the holiday or adjusted working day (e.g. '国庆节'), when the day is one. */
  note?: string;
}

/** Entries read 'English name,中文名,days'. */
function chineseName(entry: string): string | undefined {
  return entry.split(',')[1];
}

export function statutoryDay(dayNumber: number): StatutoryDay {
  const { year, weekday } = civilDateOf(dayNumber);
  const weekdayWorking = weekday >= 1 && weekday <= 5;
  if (!coveredYears.has(year)) return { working: weekdayWorking, source: 'weekdayFallback' };
  const date = formatCivilDate(dayNumber);
  const entry = workdays[date] ?? holidays[date];
  if (entry === undefined) return { working: weekdayWorking, source: 'statutory' };
  const note = chineseName(entry);
  return { working: workdays[date] !== undefined, source: 'statutory', ...(note ? { note } : {}) };
}
