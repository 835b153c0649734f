import { festivalDays } from './lunar-festivals';
import { type HolidayName, lawDaysOff } from './statutory-law';
import { civilDateOf, parseCivilDate } from './zone-clock';

/**
 * The days off a year will most likely get, for a year the State Council has not published (or we
 * have not received) yet: the principles the 2025 notice states (国办发明电〔2024〕12号, "除个别特殊情形外"):
 * - 春节: 8 days from New Year's Eve;
 * - 劳动节: 5 days; 国庆节: 7 days from 1 October;
 * - 元旦, 清明, 端午, 中秋: 3 days with the weekend, or only the day itself when it falls on a Wednesday;
 * - 国庆节 meeting 中秋: one 8-day holiday.
 * Where a 3- or 5-day holiday sits against the weekend follows the notices since 2008 (a Tuesday holiday
 * takes Sunday to Tuesday, a Thursday one Thursday to Saturday, a weekend one Saturday to Monday).
 *
 * Only days off are predicted. A notice also makes Saturdays or Sundays near a holiday working days
 * (调休); predicting one that does not come would put deadlines on a day off, while missing one only
 * gives a department one more day, so the prediction errs on the citizen's side and has none.
 */

/** Civil day number → holiday, every day of each predicted holiday (weekend days inside it too). */
export type PredictedDaysOff = ReadonlyMap<number, HolidayName>;

/** Day of week 0 = Sunday … 6 = Saturday. */
const weekday = (day: number): number => civilDateOf(day).weekday;

/** The 3-day holiday (or the day alone, on a Wednesday) around a holiday falling on `day`. */
function threeDays(day: number): [number, number] {
  switch (weekday(day)) {
    case 1:
      return [day - 2, day]; // Sat–Mon
    case 2:
      return [day - 2, day]; // Sun–Tue (Monday bridged)
    case 3:
      return [day, day]; // Wednesday alone
    case 4:
      return [day, day + 2]; // Thu–Sat (Friday bridged)
    case 5:
      return [day, day + 2]; // Fri–Sun
    case 6:
      return [day, day + 2]; // Sat–Mon
    default:
      return [day - 1, day + 1]; // Sunday: Sat–Mon
  }
}

/** The 5-day Labour Day holiday, holding 1–2 May and a weekend. */
function labourDays(mayFirst: number): [number, number] {
  switch (weekday(mayFirst)) {
    case 1:
      return [mayFirst - 2, mayFirst + 2]; // Sat 29 Apr – Wed 3 May
    case 2:
      return [mayFirst - 3, mayFirst + 1]; // Sat 28 Apr – Wed 2 May
    case 0:
      return [mayFirst - 1, mayFirst + 3]; // Sat 30 Apr – Wed 4 May
    default:
      return [mayFirst, mayFirst + 4]; // from 1 May, Wednesday to Saturday
  }
}

const cache = new Map<number, PredictedDaysOff>();

/**
 * The predicted days off of `year`'s arrangement. A New Year holiday starting on a Sunday or Monday
 * reaches back into the last days of December of the year before, as the notices do.
 */
export function predictedDaysOff(year: number): PredictedDaysOff {
  const cached = cache.get(year);
  if (cached) return cached;
  const days = new Map<number, HolidayName>();
  const date = (month: number, day: number): number =>
    parseCivilDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)!;
  const add = ([from, to]: [number, number], name: HolidayName) => {
    for (let day = from; day <= to; day += 1) if (!days.has(day)) days.set(day, name);
  };
  const festivals = festivalDays(year);
  // The law's own days first, so that a day keeps the holiday the law gives it to.
  for (const [day, name] of lawDaysOff(year)) days.set(day, name);
  add(threeDays(date(1, 1)), '元旦');
  add([festivals.newYearsEve, festivals.newYearsEve + 7], '春节');
  add(threeDays(festivals.qingming), '清明');
  add(labourDays(date(5, 1)), '劳动节');
  add(threeDays(festivals.dragonBoat), '端午');
  const octoberFirst = date(10, 1);
  const midAutumn = festivals.midAutumn;
  if (midAutumn >= octoberFirst && midAutumn <= octoberFirst + 7) {
    add([octoberFirst, octoberFirst + 7], '国庆节');
  } else if (midAutumn >= octoberFirst - 2 && midAutumn < octoberFirst) {
    add([midAutumn, midAutumn + 7], '国庆节'); // as in 2012 and 2023: 8 days from Mid-Autumn
  } else {
    add(threeDays(midAutumn), '中秋');
    add([octoberFirst, octoberFirst + 6], '国庆节');
  }
  cache.set(year, days);
  return days;
}
