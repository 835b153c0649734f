/**
 * @hotline/stats-tools — the offline statistics tools, run from the command line and never by the API
 * or the worker: the district history generator (`npm run gen`), the verifier that re-derives facts and
 * rollups from the history (`npm run stats:verify`) and the dashboard query benchmark
 * (`npm run bench:stats`). They build on @hotline/stats and on @hotline/devstack (to create, migrate and
 * seed a database), which is why they live apart from the runtime library.
 */
export { generateHistory, secondaryIndexes, type GenerateOptions, type GenerateSummary } from './generator/generate-history';
export {
  verifyStats,
  loadDistrictCalendar,
  type VerifyReport,
  type RollupDifference,
  type FactDifference,
} from './verify/verify-stats';
