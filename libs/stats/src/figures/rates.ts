import { CASE_FIGURES, type CaseFigure, type CaseFigures } from './case-figures';
import {
  RATE_DEFINITIONS,
  RATE_NAMES,
  REPORTED_RATE_NAMES,
  WATCHED_RATE_NAMES,
  type RateName,
  type Rates,
  type ReportedRateName,
  type WatchedRateName,
} from './rate-definitions';

/** Sums of the per-case figures over a group of cases, plus the live `overdueNow`. */
export type FigureCounts = { [F in CaseFigure]: number } & { overdueNow: number };

export {
  RATE_NAMES,
  RATE_DEFINITIONS,
  REPORTED_RATE_NAMES,
  WATCHED_RATE_NAMES,
  type RateName,
  type Rates,
  type ReportedRateName,
  type WatchedRateName,
};

export function emptyCounts(): FigureCounts {
  const counts = { overdueNow: 0 } as FigureCounts;
  for (const f of CASE_FIGURES) counts[f] = 0;
  return counts;
}

/** Adds one case's figures (sign +1) or takes them away (sign -1): the rollup's delta. */
export function addFigures(counts: FigureCounts, figures: CaseFigures, sign: 1 | -1 = 1): FigureCounts {
  for (const f of CASE_FIGURES) if (figures[f]) counts[f] += sign;
  return counts;
}

export function addCounts(into: FigureCounts, other: Partial<FigureCounts>): FigureCounts {
  for (const f of [...CASE_FIGURES, 'overdueNow'] as const) into[f] += Number(other[f] ?? 0);
  return into;
}

export function ratesOf(counts: FigureCounts): Rates {
  const rates = {} as Rates;
  for (const name of REPORTED_RATE_NAMES) {
    const { numerator, denominator } = RATE_DEFINITIONS[name];
    rates[name] = counts[denominator] === 0 ? null : counts[numerator] / counts[denominator];
  }
  return rates;
}

/** Ranking weights an admin sets; the default weighs the three rates Beijing judges by (三率) equally. */
export type RankingWeights = { [R in RateName]: number };
export const DEFAULT_RANKING_WEIGHTS: RankingWeights = {
  responseRate: 1,
  completionRate: 0,
  onTimeRate: 0,
  satisfactionRate: 1,
  resolutionRate: 1,
};

/**
 * The weighted mean of the rates that have a value; a rate with no cases behind it (null) drops out of
 * both sums rather than counting as 0. null when no weighted rate has a value.
 */
export function weightedScore(rates: Pick<Rates, RateName>, weights: RankingWeights): number | null {
  let sum = 0;
  let weight = 0;
  for (const name of RATE_NAMES) {
    const rate = rates[name];
    if (rate === null || weights[name] <= 0) continue;
    sum += rate * weights[name];
    weight += weights[name];
  }
  return weight === 0 ? null : sum / weight;
}

/** PostgreSQL's percentile_cont (linear interpolation between the closest ranks), for the recompute. */
export function percentileCont(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
