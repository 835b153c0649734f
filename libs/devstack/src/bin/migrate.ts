import { loadConfig } from '@hotline/config';
import { migrate } from '../schema';
import { cliLog, failAndExit } from './cli-log';

/** `npm run migrate`: applies pending migrations to DATABASE_URL. */
async function main(): Promise<void> {
  const config = loadConfig();
  const applied = await migrate(config.DATABASE_URL);
  cliLog('migrate')(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
}

main().catch((error) => failAndExit('migrate', error));
