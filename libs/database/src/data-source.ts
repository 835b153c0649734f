import type { ClientBase } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

function keepErrorListener(client: ClientBase): void {
  client.on('error', () => undefined);
}

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
    //
    // Every pooled connection keeps an 'error' listener of its own for its whole life. pg emits a
    // server's "terminating connection" (a restart) on the client, and pg-pool and TypeORM each listen
    // only while they hold it; an error that lands between their hand-overs would otherwise be an
    // unhandled 'error' event and end the process (seen in test/reliability/postgres-restart). The
    // broken client is still marked unusable and dropped by the pool on release, as before.
    extra: { max: 20, connectionTimeoutMillis: 5000, statement_timeout: 30000, onConnect: keepErrorListener },
    ...overrides,
  } as DataSourceOptions;
}

export function createDataSource(url: string, overrides: Partial<DataSourceOptions> = {}): DataSource {
  return new DataSource(dataSourceOptions(url, overrides));
}
