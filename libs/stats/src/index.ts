/**
 * @hotline/stats — the figures supervisors audit (DESIGN.md "Rates supervisors audit"): their one pure
 * definition (figures/), the projector that keeps per-case facts and daily rollups in step with the
 * history (projection/), and the queries behind /api/v1/stats (query/).
 * The offline tools (generator, verifier, benchmark) are @hotline/stats-tools, which runtime code never imports.
 */
export * from './figures/case-figures';
export * from './figures/rates';
export * from './figures/case-facts-row';
export { FIGURE_COLUMNS, factsPredicate, sqlOfClient, sqlOfManager, type Sql } from './projection/sql';
export { readCaseHistories, type CaseHistory } from './projection/case-history-reader';
export {
  factsOf,
  projectCase,
  storedRow,
  FACTS_COLUMNS,
  factsValues,
  type ProjectionOutcome,
  type StoredFactsRow,
} from './projection/facts-store';
export { StatsProjectorService } from './projection/stats-projector.service';
export { StatsModule } from './stats.module';
export {
  StatsQueryService,
  NO_KEY,
  TREND_INTERVALS,
  type TrendInterval,
  type RatesReport,
  type RateRow,
} from './query/stats-query.service';
export { StatsSettingsService } from './query/stats-settings.service';
export { FILTER_DIMENSIONS, type StatsFilters, type GroupKey } from './query/stats-filters';
