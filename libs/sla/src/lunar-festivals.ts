import { getLunarDate, getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import { parseCivilDate } from './zone-clock';

/**
 * The days of the traditional festivals in a Gregorian year, as civil day numbers, from chinese-days'
 * lunar calendar (table-driven, 1900–2100) and solar-term formula.
 *
 * Those functions read and format dates with the process's local getters, so we call them only in
 * ways that come out the same in every zone (checked under UTC, Asia/Shanghai and America/New_York):
 * - getSolarDateFromLunar takes a local Date (new Date(y, m − 1, d) gives back y, m, d in any zone),
 *   and counts days from a local 1900-01-31, so its answer is right everywhere. A 'YYYY-MM-DD' string
 *   would be parsed as UTC midnight and read back a day early west of UTC.
 * - getSolarTermDate formats UTC midnight of the right day with local getters: west of UTC it names
 *   the day before. We undo exactly that formatting (`undoLocalFormat`).
 * - getLunarDate counts whole days between two instants, which is zone-free; we use it to check the
 *   lunar conversion both ways.
 */

export interface FestivalDays {
  /** 除夕: the last day of the lunar year, the day before 正月初一. */
  newYearsEve: number;
  /** 春节: 正月初一. */
  springFestival: number;
  /** 清明: the day of the solar term 清明 (pure brightness). */
  qingming: number;
  /** 端午: 五月初五 (never the leap fifth month). */
  dragonBoat: number;
  /** 中秋: 八月十五. */
  midAutumn: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The civil day of a lunar month and day in the lunar year that starts in Gregorian `year`. */
function fromLunar(year: number, month: number, day: number): number {
  const { date } = getSolarDateFromLunar(new Date(year, month - 1, day));
  const result = parseCivilDate(date);
  const check = getLunarDate(date);
  if (result === undefined || check.lunarYear !== year || check.lunarMon !== month || check.lunarDay !== day || check.isLeap) {
    throw new Error(
      `chinese-days gave ${date} for lunar ${year}-${month}-${day}, which it reads back as ${check.lunarYear}-${check.lunarMon}-${check.lunarDay}`,
    );
  }
  return result;
}

/** The civil date whose UTC midnight, read with this process's local getters, gives `formatted`. */
function undoLocalFormat(formatted: string): number {
  const shown = parseCivilDate(formatted);
  if (shown === undefined) throw new Error(`chinese-days gave '${formatted}', not a date`);
  for (const candidate of [shown, shown + 1, shown - 1]) {
    const local = new Date(candidate * 86_400_000);
    if (`${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}` === formatted) return candidate;
  }
  throw new Error(`cannot place chinese-days' '${formatted}' in this time zone`);
}

const cache = new Map<number, FestivalDays>();

export function festivalDays(year: number): FestivalDays {
  let days = cache.get(year);
  if (!days) {
    const springFestival = fromLunar(year, 1, 1);
    days = {
      newYearsEve: springFestival - 1,
      springFestival,
      qingming: undoLocalFormat(getSolarTermDate(year, 4, 'pure_brightness')),
      dragonBoat: fromLunar(year, 5, 5),
      midAutumn: fromLunar(year, 8, 15),
    };
    cache.set(year, days);
  }
  return days;
}
