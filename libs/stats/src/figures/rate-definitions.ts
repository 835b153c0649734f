// Plain values and types: the console compiles this file too (through @hotline/stats/values), so it
// imports nothing but the figure names.
import type { CaseFigure } from './figure-names';

export const RATE_NAMES = ['responseRate', 'completionRate', 'onTimeRate', 'satisfactionRate', 'resolutionRate'] as const;
export type RateName = (typeof RATE_NAMES)[number];
export type Rates = { [R in RateName]: number | null };

/**
 * The five rates, as fractions 0–1; null where the denominator is 0 (no case to judge, which is not 0%).
 * - responseRate (响应率): acceptedOnTime / dispatched
 * - completionRate (办结率): replied / dispatched
 * - onTimeRate (按时办结率): repliedOnTime / replied
 * - satisfactionRate (满意率): satisfied (incl. basically satisfied) / calledBack
 * - resolutionRate (解决率): solved / calledBack
 */
export const RATE_DEFINITIONS: { readonly [R in RateName]: { numerator: CaseFigure; denominator: CaseFigure } } = {
  responseRate: { numerator: 'acceptedOnTime', denominator: 'dispatched' },
  completionRate: { numerator: 'replied', denominator: 'dispatched' },
  onTimeRate: { numerator: 'repliedOnTime', denominator: 'replied' },
  satisfactionRate: { numerator: 'satisfied', denominator: 'calledBack' },
  resolutionRate: { numerator: 'solved', denominator: 'calledBack' },
};
