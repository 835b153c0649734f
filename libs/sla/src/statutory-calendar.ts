import chineseDays from 'chinese-days/dist/chinese-days.json';
import { predictedDaysOff } from './holiday-prediction';
import { lawDaysOff } from './statutory-law';
import { civilDateOf, formatCivilDate } from './zone-clock';

/**
 * The PRC calendar below a district's own overrides, one source after another (the first that has an
 * answer for a day gives it):
 * 1. official: the State Council's arrangement for the year (holidays and adjusted working weekends,
 *    调休) as published by the `chinese-days` package, 2004–2026 in 1.5.x;
 * 2. predicted: for a year without an official arrangement, the days off the published principles
 *    give (holiday-prediction.ts), never an adjusted working weekend;
 * 3. law: the days off fixed by 《全国年节及纪念日放假办法》 (statutory-law.ts), when prediction is off;
 * 4. weekday: Monday to Friday.
 *
 * We read the package's published JSON (the same data its isWorkday/isHoliday/getDayDetail use; a
 * test compares them day by day) rather than calling those functions, because they parse and format
 * dates in the server process's local zone: on a server west of UTC (TZ=America/New_York)
 * getDayDetail(2025-01-01) answers "Wednesday, working". The JSON has plain 'YYYY-MM-DD' keys:
 * - holidays: days off, including weekdays given off in lieu (isInLieu);
 * - workdays: Saturdays and Sundays worked to make up for them;
 * a date in neither is a working day from Monday to Friday.
 */

type DayTable = Readonly<Record<string, string>>;
const holidays: DayTable = chineseDays.holidays;
const workdays: DayTable = chineseDays.workdays;

const officialYears: ReadonlySet<number> = new Set(Object.keys(holidays).map((date) => Number(date.slice(0, 4))));

/** The first and last year the installed `chinese-days` has an official holiday arrangement for. */
export function statutoryHolidayCoverage(): { firstYear: number; lastYear: number } {
  const years = [...officialYears];
  return { firstYear: Math.min(...years), lastYear: Math.max(...years) };
}

/** Where a year's working days come from; in order of trust. */
export const CALENDAR_SOURCES = ['official', 'predicted', 'law'] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

/** How a year is arranged: official when published, else predicted, or by law alone when prediction is off. */
export function yearSource(year: number, prediction: boolean): CalendarSource {
  if (officialYears.has(year)) return 'official';
  return prediction ? 'predicted' : 'law';
}

/** The less trustworthy of two sources (official < predicted < law). */
export function weakerSource(a: CalendarSource, b: CalendarSource): CalendarSource {
  return CALENDAR_SOURCES.indexOf(a) >= CALENDAR_SOURCES.indexOf(b) ? a : b;
}

export interface StatutoryDay {
  working: boolean;
  source: CalendarSource | 'weekday';
  /** Chinese name of the holiday or adjusted working day (e.g. '国庆节'), when the day is one. */
  note?: string;
}

/** Entries read 'English name,中文名,days'. */
function chineseName(entry: string): string | undefined {
  return entry.split(',')[1];
}

export function statutoryDay(dayNumber: number, prediction: boolean): StatutoryDay {
  const { year, weekday } = civilDateOf(dayNumber);
  const weekdayWorking = weekday >= 1 && weekday <= 5;
  if (officialYears.has(year)) {
    const date = formatCivilDate(dayNumber);
    const entry = workdays[date] ?? holidays[date];
    if (entry === undefined) return { working: weekdayWorking, source: 'official' };
    const note = chineseName(entry);
    return { working: workdays[date] !== undefined, source: 'official', ...(note ? { note } : {}) };
  }
  if (prediction) {
    // A New Year holiday starting on a Sunday or Monday begins in December of the year before.
    const predicted =
      predictedDaysOff(year).get(dayNumber) ??
      (officialYears.has(year + 1) ? undefined : predictedDaysOff(year + 1).get(dayNumber));
    if (predicted) return { working: false, source: 'predicted', note: predicted };
  }
  const byLaw = lawDaysOff(year).get(dayNumber);
  if (byLaw) return { working: false, source: 'law', note: byLaw };
  return { working: weekdayWorking, source: 'weekday' };
}

/** The holiday the law gives a date to (2025 on), or undefined: such a day is worked only by an override with a reason. */
export function lawHolidayOf(dayNumber: number): string | undefined {
  return lawDaysOff(civilDateOf(dayNumber).year).get(dayNumber);
}
