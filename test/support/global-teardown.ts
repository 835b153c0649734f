// Global setup runs outside jest's module mapper: resolve the @hotline/* paths from tsconfig.json.
import 'tsconfig-paths/register';
import Redis from 'ioredis';
import { dropDatabase } from '@hotline/devstack';

/** Removes the run's database and only the run's Redis keys (SCAN by prefix; never FLUSH), then stops private servers. */
export default async function globalTeardown(): Promise<void> {
  const { TEST_DATABASE_NAME, TEST_POSTGRES_SERVER_URL, REDIS_URL, REDIS_PREFIX } = process.env;
  if (REDIS_URL && REDIS_PREFIX) {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      for (const pattern of [`{${REDIS_PREFIX}}*`, `${REDIS_PREFIX}*`]) {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
          if (keys.length) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      }
    } finally {
      redis.disconnect();
    }
  }
  if (TEST_DATABASE_NAME && TEST_POSTGRES_SERVER_URL && !process.env.TEST_KEEP_DATABASE) {
    await dropDatabase(TEST_POSTGRES_SERVER_URL, TEST_DATABASE_NAME);
  }
  await globalThis.__hotlineTestServices?.stop();
}
