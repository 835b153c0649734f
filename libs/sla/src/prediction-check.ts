import { predictedDaysOff } from './holiday-prediction';
import { statutoryDay } from './statutory-calendar';
import { civilDateOf, formatCivilDate, parseCivilDate } from './zone-clock';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export interface PredictionDifference {
  date: string;
  weekday: string;
  official: 'off' | 'working';
  predicted: 'off' | 'working';
  /** The official entry's holiday, or the predicted one. */
  holiday?: string;
  why: string;
}

export interface PredictionComparison {
  year: number;
  /** Days off (weekends included) in the official arrangement and in the prediction. */
  officialDaysOff: number;
  predictedDaysOff: number;
  /** Days where the two disagree on working or off. */
  differences: PredictionDifference[];
  /**
   * Days the official arrangement names as part of a holiday that fall outside the predicted holidays
   * but are off in both (a weekend day): no difference for deadlines, listed to show where the notice
   * departed from the principles (2026's Spring Festival from 腊月二十八).
   */
  namedOnly: PredictionDifference[];
}

function predictedOff(day: number, year: number): string | undefined {
  return predictedDaysOff(year).get(day) ?? predictedDaysOff(year + 1).get(day);
}

/**
 * The predicted arrangement of a year that has an official one, compared day by day as sets of days
 * off (holiday names and in-lieu flags aside). For `npm run calendar:predict-check` and its test.
 */
export function comparePredictionWithOfficial(year: number): PredictionComparison {
  const first = parseCivilDate(`${year}-01-01`)!;
  const last = parseCivilDate(`${year}-12-31`)!;
  const result: PredictionComparison = { year, officialDaysOff: 0, predictedDaysOff: 0, differences: [], namedOnly: [] };
  for (let day = first; day <= last; day += 1) {
    const official = statutoryDay(day, false);
    if (official.source !== 'official') throw new Error(`${year} has no official arrangement to compare with`);
    const { weekday } = civilDateOf(day);
    const weekend = weekday === 0 || weekday === 6;
    const holiday = predictedOff(day, year);
    const predictedWorking = holiday === undefined && !weekend;
    if (!official.working) result.officialDaysOff += 1;
    if (!predictedWorking) result.predictedDaysOff += 1;
    const entry = {
      date: formatCivilDate(day),
      weekday: WEEKDAYS[weekday],
      official: official.working ? 'working' : 'off',
      predicted: predictedWorking ? 'working' : 'off',
    } as const;
    if (official.working && !predictedWorking) {
      result.differences.push({
        ...entry,
        ...(official.note ? { holiday: official.note } : {}),
        why: weekend
          ? `adjusted working ${entry.weekday === 'Sat' ? 'Saturday' : 'Sunday'} (调休) for ${official.note ?? 'a holiday'}: never predicted, on the citizen's side`
          : `official working day the prediction gives off for ${holiday}`,
      });
    } else if (!official.working && predictedWorking) {
      result.differences.push({
        ...entry,
        ...(official.note ? { holiday: official.note } : {}),
        why: `official day off (${official.note ?? 'weekday'}) beyond the published principles`,
      });
    } else if (!official.working && official.note && holiday === undefined) {
      result.namedOnly.push({
        ...entry,
        holiday: official.note,
        why: `${official.note} starts or ends on a weekend day outside the predicted holiday; off either way`,
      });
    }
  }
  return result;
}
