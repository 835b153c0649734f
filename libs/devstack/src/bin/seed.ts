import { demoEnvironment, loadConfig } from '@hotline/config';
import { projectRoot } from '@hotline/seeding';
import { migrate, seed } from '../schema';
import { cliLog, failAndExit } from './cli-log';
import { provideLocalServices } from './local-services';

const log = cliLog('seed');

/**
 * `npm run seed`: loads seeds/ (updating rows that exist, adding the rest). Without DATABASE_URL it
 * seeds the same embedded PostgreSQL that `npm start` uses (stop `npm start` first).
 */
async function main(): Promise<void> {
  const services = await provideLocalServices(
    projectRoot(),
    { ...process.env, REDIS_URL: process.env.REDIS_URL ?? 'redis://unused:1' },
    log,
  );
  try {
    const config = loadConfig({ ...demoEnvironment(process.env).env, DATABASE_URL: services.databaseUrl });
    await migrate(services.databaseUrl);
    const summary = await seed(services.databaseUrl, {
      onlyIfEmpty: false,
      includeDemoUsers: !config.isProduction,
      demoPassword: config.DEMO_PASSWORD ?? 'hotline365',
      sealingKeys: { key: config.PII_KEY, hashKey: config.PII_HASH_KEY },
    });
    log(`seeded: ${JSON.stringify(summary)}`);
  } finally {
    await services.stop();
  }
}

main().catch((error) => failAndExit('seed', error));
