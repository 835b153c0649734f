import { getDayDetail, isWorkday } from 'chinese-days';
import { civilDateOf } from './zone-clock';

/**
 * The PRC statutory calendar (State Council holiday notices, including the adjusted working
 * weekends, 调休) as published by the `chinese-days` package.
 *
 * The package holds one arrangement per year (2004–2026 in 1.5.x). For a date outside those years it
 * silently answers Monday–Friday; we make that fallback explicit so it can be reported
 * (`describeDay(...).source === 'weekdayFallback'`) and so a deployment can see when the next
 * year's notice still has to arrive (package update or district overrides).
 *
 * We always call the package with a local-noon Date built from year/month/day: it parses
 * 'YYYY-MM-DD' strings as UTC midnight but reads them back in the process's local zone, which names
 * the previous day when the server runs west of Greenwich.
 */

/** Every year since 1950 starts with the New Year's Day holiday, so a year with data has 元旦 on 1 January. */
const PROBE_FIRST_YEAR = 1990;
const PROBE_LAST_YEAR = 2100;

let coveredYears: ReadonlySet<number> | undefined;

function yearsWithData(): ReadonlySet<number> {
  if (!coveredYears) {
    const years = new Set<number>();
    for (let year = PROBE_FIRST_YEAR; year <= PROBE_LAST_YEAR; year += 1) {
      if (getDayDetail(new Date(year, 0, 1, 12)).name.includes('元旦')) years.add(year);
    }
    coveredYears = years;
  }
  return coveredYears;
}

/** The first and last year the installed `chinese-days` has a holiday arrangement for. */
export function statutoryHolidayCoverage(): { firstYear: number; lastYear: number } {
  const years = [...yearsWithData()];
  if (years.length === 0) return { firstYear: NaN, lastYear: NaN };
  return { firstYear: Math.min(...years), lastYear: Math.max(...years) };
}

export interface StatutoryDay {
  working: boolean;
  source: 'statutory' | 'weekdayFallback';
  /** Chinese name of the holiday or adjusted working day (e.g. '国庆节'), when the day is one. */
  note?: string;
}

const cache = new Map<number, StatutoryDay>();
const CACHE_LIMIT = 100_000;

export function statutoryDay(dayNumber: number): StatutoryDay {
  const cached = cache.get(dayNumber);
  if (cached) return cached;
  const { year, month, day, weekday } = civilDateOf(dayNumber);
  let result: StatutoryDay;
  if (yearsWithData().has(year)) {
    const localNoon = new Date(year, month - 1, day, 12);
    const detail = getDayDetail(localNoon);
    // Holiday and adjusted-working-day entries are 'English name,中文名,days'; plain days carry the weekday name.
    const note = detail.name.includes(',') ? detail.name.split(',')[1] : undefined;
    result = { working: isWorkday(localNoon), source: 'statutory', ...(note ? { note } : {}) };
  } else {
    result = { working: weekday >= 1 && weekday <= 5, source: 'weekdayFallback' };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(dayNumber, result);
  return result;
}
