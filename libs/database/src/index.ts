export * from './entities';
export { createDataSource, dataSourceOptions } from './data-source';
export { DatabaseModule } from './database.module';
export { MIGRATIONS } from './migrations';
export { returnedRows } from './returned-rows';
export { listenForever } from './pg-listener';
export type { PgListener } from './pg-listener';
