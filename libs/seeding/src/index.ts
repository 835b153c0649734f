export { readSeedData, projectRoot } from './seed-files';
export type {
  SeedData,
  GridFeature,
  DistrictFeature,
  CategorySeed,
  DepartmentSeed,
  EnterpriseSeed,
  RoutingRuleSeed,
  KnowledgeSeed,
} from './seed-files';
export { seedDatabase, isDatabaseEmpty } from './seed-database';
export type { SeedOptions, SeedSummary } from './seed-database';
export { knowledgeSearchTerms, loadKnowledgeBase } from './seed-knowledge';
