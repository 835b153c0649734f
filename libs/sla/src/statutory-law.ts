import { festivalDays } from './lunar-festivals';
import { parseCivilDate } from './zone-clock';

/**
 * The days off fixed by law: 《全国年节及纪念日放假办法》 as revised in November 2024, in force from
 * 1 January 2025 (13 days a year). Earlier years followed earlier revisions and are left to the
 * official arrangements; nothing here is asked about them.
 */
export const LAW_IN_FORCE_FROM_YEAR = 2025;

export const HOLIDAYS = ['元旦', '春节', '清明', '劳动节', '端午', '中秋', '国庆节'] as const;
export type HolidayName = (typeof HOLIDAYS)[number];

/** Civil day number → the holiday the law gives it to; empty before the revision was in force. */
export function lawDaysOff(year: number): ReadonlyMap<number, HolidayName> {
  const days = new Map<number, HolidayName>();
  if (year < LAW_IN_FORCE_FROM_YEAR) return days;
  const date = (month: number, day: number): number =>
    parseCivilDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)!;
  const festivals = festivalDays(year);
  days.set(date(1, 1), '元旦');
  // 春节: 除夕 to 正月初三.
  for (let day = festivals.newYearsEve; day <= festivals.springFestival + 2; day += 1) days.set(day, '春节');
  days.set(festivals.qingming, '清明');
  days.set(date(5, 1), '劳动节');
  days.set(date(5, 2), '劳动节');
  days.set(festivals.dragonBoat, '端午');
  days.set(festivals.midAutumn, '中秋');
  for (let day = date(10, 1); day <= date(10, 3); day += 1) if (!days.has(day)) days.set(day, '国庆节');
  return days;
}

/** The holiday the law gives a 'YYYY-MM-DD' date to, or undefined (also for a date that is not one). */
export function lawHolidayOn(date: string): HolidayName | undefined {
  const day = parseCivilDate(date);
  return day === undefined ? undefined : lawDaysOff(Number(date.slice(0, 4))).get(day);
}
