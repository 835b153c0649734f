import { getDayDetail } from 'chinese-days';
import { predictedDaysOff } from './holiday-prediction';
import { lawDaysOff } from './statutory-law';
import { civilDateOf, formatCivilDate, parseCivilDate } from './zone-clock';

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
 * We ask the package's public entry for each day by its 'YYYY-MM-DD' string (getDayDetail), never with
 * a Date: the package parses and formats in the server process's local zone, so a Date at Beijing
 * midnight would be read as the day before on a server west of UTC (TZ=America/New_York), while a date
 * string is parsed and formatted in the same zone and comes back the same day. A day of the official
 * arrangement carries the package's entry 'English name,中文名,days':
 * - a day off (holidays, including weekdays given off in lieu) answers work: false;
 * - a Saturday or Sunday worked to make up for them answers work: true;
 * any other day answers with its weekday's name, and is a working day from Monday to Friday.
 */

interface OfficialDay {
  working: boolean;
  /** The package's entry: 'English name,中文名,days'. */
  entry: string;
}
type OfficialYear = ReadonlyMap<string, OfficialDay>;

/** An entry of the official arrangement, as opposed to a plain weekday's name ('Saturday'). */
const isArrangementEntry = (name: string): boolean => name.includes(',');

/** Each year's official days, read once per process on first use (a year is 365 look-ups). */
const officialYearCache = new Map<number, OfficialYear | null>();

function officialYear(year: number): OfficialYear | null {
  let table = officialYearCache.get(year);
  if (table === undefined) {
    table = readOfficialYear(year);
    officialYearCache.set(year, table);
  }
  return table;
}

function readOfficialYear(year: number): OfficialYear | null {
  // 元旦 (1 January) is a statutory day off in every year, so every arrangement lists it: a year whose
  // 1 January is a plain weekday has none, found with one look-up instead of 365.
  if (!isArrangementEntry(getDayDetail(`${year}-01-01`).name)) return null;
  const days = new Map<string, OfficialDay>();
  for (let dayNumber = parseCivilDate(`${year}-01-01`)!; civilDateOf(dayNumber).year === year; dayNumber += 1) {
    const date = formatCivilDate(dayNumber);
    const { work, name } = getDayDetail(date);
    if (isArrangementEntry(name)) days.set(date, { working: work, entry: name });
  }
  return days.size > 0 ? days : null;
}

const isOfficialYear = (year: number): boolean => officialYear(year) !== null;

/** Years to look for official arrangements in (the package publishes them from 2004). */
const PROBED_YEARS = { from: 1990, to: 2100 } as const;
let coverage: { firstYear: number; lastYear: number } | undefined;

/** The first and last year the installed `chinese-days` has an official holiday arrangement for. */
export function statutoryHolidayCoverage(): { firstYear: number; lastYear: number } {
  if (!coverage) {
    const years: number[] = [];
    for (let year = PROBED_YEARS.from; year <= PROBED_YEARS.to; year += 1) {
      if (isOfficialYear(year)) years.push(year);
    }
    coverage = { firstYear: Math.min(...years), lastYear: Math.max(...years) };
  }
  return { ...coverage };
}

/** Where a year's working days come from; in order of trust. */
export const CALENDAR_SOURCES = ['official', 'predicted', 'law'] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

/** How a year is arranged: official when published, else predicted, or by law alone when prediction is off. */
export function yearSource(year: number, prediction: boolean): CalendarSource {
  if (isOfficialYear(year)) return 'official';
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

/**
 * @param hasImportedYear years an administrator imported the notice of (ImportedArrangements): they
 * count as official here too, so December is not predicted into an imported New Year holiday.
 */
export function statutoryDay(
  dayNumber: number,
  prediction: boolean,
  hasImportedYear: (year: number) => boolean = () => false,
): StatutoryDay {
  const { year, weekday } = civilDateOf(dayNumber);
  const weekdayWorking = weekday >= 1 && weekday <= 5;
  const official = officialYear(year);
  if (official) {
    const day = official.get(formatCivilDate(dayNumber));
    if (day === undefined) return { working: weekdayWorking, source: 'official' };
    const note = chineseName(day.entry);
    return { working: day.working, source: 'official', ...(note ? { note } : {}) };
  }
  if (prediction) {
    // A New Year holiday starting on a Sunday or Monday begins in December of the year before.
    const predicted =
      predictedDaysOff(year).get(dayNumber) ??
      (isOfficialYear(year + 1) || hasImportedYear(year + 1) ? undefined : predictedDaysOff(year + 1).get(dayNumber));
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
