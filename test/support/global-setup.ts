// Global setup runs outside jest's module mapper: resolve the @hotline/* paths from tsconfig.json.
import 'tsconfig-paths/register';
import { randomBytes } from 'node:crypto';
import { ensureDatabase, migrate, seed, withDatabase } from '@hotline/devstack';
import { provideTestServices, TestServices } from './test-services';

declare global {
  var __hotlineTestServices: TestServices | undefined;
}

/**
 * Once per `npm test`: a database of the run's own (created, migrated, seeded) and a Redis key prefix
 * of its own, so concurrent runs never see each other's data. Tests read them from process.env.
 */
export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stdout.write(`[test-setup] ${line}\n`);
  const services = await provideTestServices(log);
  globalThis.__hotlineTestServices = services;

  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const database = `hotline_test_${runId}`;
  await ensureDatabase(services.postgresServerUrl, database);
  const databaseUrl = withDatabase(services.postgresServerUrl, database);
  await migrate(databaseUrl);
  const piiKey = randomBytes(32).toString('hex');
  const piiHashKey = randomBytes(32).toString('hex');
  await seed(databaseUrl, {
    onlyIfEmpty: false,
    includeDemoUsers: true,
    demoPassword: 'hotline365',
    sealingKeys: { key: piiKey, hashKey: piiHashKey },
  });

  Object.assign(process.env, {
    // Test mode requires real secrets like production does: the run makes its own.
    NODE_ENV: 'test',
    JWT_SECRET: randomBytes(32).toString('hex'),
    PII_KEY: piiKey,
    PII_HASH_KEY: piiHashKey,
    // Outside production the demo token would do; a run's own lets production-mode starts in tests boot too.
    METRICS_TOKEN: randomBytes(16).toString('hex'),
    DATABASE_URL: databaseUrl,
    REDIS_URL: services.redisUrl,
    REDIS_PREFIX: `test-${runId}`,
    TEST_DATABASE_NAME: database,
    TEST_POSTGRES_SERVER_URL: services.postgresServerUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    OUTBOX_POLL_MS: '200',
    WORKER_HEALTH_PORT: '0',
  });
  log(`database ${database}, Redis prefix test-${runId}`);
}
