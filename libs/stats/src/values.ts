/**
 * @hotline/stats/values — the lib's second public entry: plain constants and types with no Nest, SQL
 * or Node import, so that the browser console shows and drills into the same rates the API computes.
 * The one definition of the rates lives in figures/ (rate-definitions.ts); @hotline/stats exports the
 * same bindings.
 */
export {
  RATE_NAMES,
  RATE_DEFINITIONS,
  REPORTED_RATE_NAMES,
  WATCHED_RATE_NAMES,
  type RateName,
  type Rates,
  type ReportedRateName,
  type WatchedRateName,
} from './figures/rate-definitions';
export {
  CASE_FIGURES,
  LIVE_FIGURES,
  DRILLABLE_FIGURES,
  type CaseFigure,
  type LiveFigure,
  type DrillableFigure,
} from './figures/figure-names';
