export * from './entities';
export { createDataSource, dataSourceOptions } from './data-source';
export { DatabaseModule } from './database.module';
export { MIGRATIONS } from './migrations';
export { sqlRows, sqlRow, sqlAffected, sqlExec, pgRows, pgExec, sqlOfManager, sqlOfClient } from './sql/typed-sql';
export type { SqlRunner, SqlParam, PgRunner, Sql } from './sql/typed-sql';
export { SqlConditions } from './sql/sql-conditions';
export { listenForever } from './pg-listener';
export type { PgListener } from './pg-listener';
export {
  announceSettingsChange,
  CachedSettings,
  currentSettingsVersion,
  SETTINGS_CHANNEL,
  SettingsCache,
} from './settings-cache';
