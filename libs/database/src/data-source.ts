import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * One definition of how every process (API, worker, CLI, tests) talks to PostgreSQL.
 * Schema changes happen through MIGRATIONS only; `synchronize` is never on.
 */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension needs installing.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    logging: ['error', 'warn'],
    // A bounded pool, a bounded wait for a connection and a statement timeout: when PostgreSQL is slow
    // or gone, requests fail fast (503) instead of queueing without end.
    extra: { max: 20, connectionTimeoutMillis: 5000, statement_timeout: 30000 },
    ...overrides,
  } as DataSourceOptions;
}

export function createDataSource(url: string, overrides: Partial<DataSourceOptions> = {}): DataSource {
  return new DataSource(dataSourceOptions(url, overrides));
}
