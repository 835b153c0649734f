// Plain values and types: the console compiles this file too (through @hotline/stats/values), so it
// imports nothing but the figure names.
import type { CaseFigure } from './figure-names';

/** The rates departments are ranked and weighted by: higher is better. */
export const RATE_NAMES = ['responseRate', 'completionRate', 'onTimeRate', 'satisfactionRate', 'resolutionRate'] as const;
export type RateName = (typeof RATE_NAMES)[number];
/**
 * Rates the centre watches where lower is better, reported beside the five but never ranked or weighted
 * (a weight on them would reward the worse department).
 */
export const WATCHED_RATE_NAMES = ['repeatRate'] as const;
export type WatchedRateName = (typeof WATCHED_RATE_NAMES)[number];
/** Every rate a report row carries. */
export const REPORTED_RATE_NAMES = [...RATE_NAMES, ...WATCHED_RATE_NAMES] as const;
export type ReportedRateName = (typeof REPORTED_RATE_NAMES)[number];
export type Rates = { [R in ReportedRateName]: number | null };

/**
 * The five rates, as fractions 0–1; null where the denominator is 0 (no case to judge, which is not 0%).
 * - responseRate (响应率): acceptedOnTime / dispatched
 * - completionRate (办结率): replied / dispatched
 * - onTimeRate (按时办结率): repliedOnTime / replied
 * - satisfactionRate (满意率): satisfied (incl. basically satisfied) / calledBack
 * - resolutionRate (解决率): solved / calledBack
 * - repeatRate (重复来电率, watched): repeatCalled / closed — of the cases closed, those the citizen called
 *   again about within the window (reopened on the call, or followed up by a linked case)
 */
export const RATE_DEFINITIONS: { readonly [R in ReportedRateName]: { numerator: CaseFigure; denominator: CaseFigure } } = {
  responseRate: { numerator: 'acceptedOnTime', denominator: 'dispatched' },
  completionRate: { numerator: 'replied', denominator: 'dispatched' },
  onTimeRate: { numerator: 'repliedOnTime', denominator: 'replied' },
  satisfactionRate: { numerator: 'satisfied', denominator: 'calledBack' },
  resolutionRate: { numerator: 'solved', denominator: 'calledBack' },
  repeatRate: { numerator: 'repeatCalled', denominator: 'closed' },
};
