import { join } from 'node:path';
import { startEmbeddedPostgres, ensureDatabase, withDatabase, RunningPostgres } from '../embedded-postgres';
import { startPrivateRedis, RunningRedis } from '../redis-server';

export interface LocalServices {
  databaseUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

/**
 * The services `npm start` needs. A DATABASE_URL or REDIS_URL in the environment is used as given;
 * without one, a private server runs with its data under `.data/` (git-ignored), so a restart keeps
 * the cases and the queued jobs.
 */
export async function provideLocalServices(
  root: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<LocalServices> {
  let postgres: RunningPostgres | null = null;
  let redis: RunningRedis | null = null;
  let databaseUrl = env.DATABASE_URL;
  let redisUrl = env.REDIS_URL;
  try {
    if (!databaseUrl) {
      const port = Number(env.EMBEDDED_PG_PORT ?? 54329);
      log(`no DATABASE_URL: starting embedded PostgreSQL on 127.0.0.1:${port} (data in .data/postgres)`);
      postgres = await startEmbeddedPostgres(join(root, '.data', 'postgres'), port, log);
      await ensureDatabase(postgres.serverUrl, 'hotline365');
      databaseUrl = withDatabase(postgres.serverUrl, 'hotline365');
    }
    if (!redisUrl) {
      const port = Number(env.PRIVATE_REDIS_PORT ?? 63799);
      log(`no REDIS_URL: starting a private redis-server on 127.0.0.1:${port} (AOF on, noeviction; data in .data/redis)`);
      redis = await startPrivateRedis({ port, dataDir: join(root, '.data', 'redis'), log });
      redisUrl = redis.url;
    }
  } catch (error) {
    await redis?.stop();
    await postgres?.stop();
    throw error;
  }
  return {
    databaseUrl,
    redisUrl,
    stop: async () => {
      await redis?.stop();
      await postgres?.stop();
    },
  };
}
