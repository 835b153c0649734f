import { demoEnvironment, loadConfig } from '@hotline/config';
import { migrate, seed } from '../schema';
import { cliLog, failAndExit } from './cli-log';

const log = cliLog('migrate');

/**
 * Applies pending migrations to DATABASE_URL (`npm run migrate`; containers run the compiled file before
 * the API starts). With SEED_IF_EMPTY=1 it also loads seeds/ into an empty database.
 */
async function main(): Promise<void> {
  const config = loadConfig(demoEnvironment(process.env).env);
  const applied = await migrate(config.DATABASE_URL);
  log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
  if (process.env.SEED_IF_EMPTY === '1') {
    const summary = await seed(config.DATABASE_URL, {
      onlyIfEmpty: true,
      includeDemoUsers: !config.isProduction,
      demoPassword: config.DEMO_PASSWORD ?? 'hotline365',
      sealingKeys: { key: config.PII_KEY, hashKey: config.PII_HASH_KEY },
    });
    if (summary) log(`seeded an empty database: ${JSON.stringify(summary)}`);
  }
}

main().catch((error) => failAndExit('migrate', error));
