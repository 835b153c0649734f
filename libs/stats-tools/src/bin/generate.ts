import { Client } from 'pg';
import { demoEnvironment, loadConfig } from '@hotline/config';
import { dropDatabase, ensureDatabase, migrate, seed } from '@hotline/devstack';
import { generateHistory, secondaryIndexes } from '../generator/generate-history';
import { parseArgs, positiveInt, statsDatabaseUrl } from './cli-args';

const log = (line: string) => process.stdout.write(`[gen] ${line}\n`);

/**
 * `npm run gen -- --cases N --months M --database NAME [--seed S] [--end YYYY-MM-DD] [--force]`
 * Creates (or empties) the named database, migrates and seeds it, then writes a district history of N
 * cases over the M months up to --end (default yesterday) with COPY. See README "Statistics".
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), {
    cases: 'value',
    months: 'value',
    database: 'value',
    seed: 'value',
    end: 'value',
    force: 'flag',
  });
  const { url, name } = statsDatabaseUrl(args, process.env, true);
  const cases = positiveInt(args.cases, 'cases', 10_000);
  const months = positiveInt(args.months, 'months', 12);
  // By default the history ends yesterday: whole days only, so exactly --cases cases are written.
  const end = typeof args.end === 'string' ? new Date(`${args.end}T12:00:00Z`) : new Date(Date.now() - 86_400_000);
  if (Number.isNaN(end.getTime())) throw new Error('--end must be a date YYYY-MM-DD');
  const config = loadConfig({
    ...demoEnvironment(process.env).env,
    DATABASE_URL: url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://unused:1',
  });

  const server = new URL(url);
  server.pathname = '/postgres';
  await ensureDatabase(server.toString(), name);
  await migrate(url);
  await seed(url, { onlyIfEmpty: true, includeDemoUsers: true, demoPassword: config.DEMO_PASSWORD ?? 'hotline365' });
  // The indexes the migrations define, from a scratch database migrated from nothing.
  const scratch = `${name}_schema`.slice(0, 63);
  await ensureDatabase(server.toString(), scratch);
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${scratch}`;
  await migrate(scratchUrl.toString());
  const scratchClient = new Client({ connectionString: scratchUrl.toString() });
  await scratchClient.connect();
  const indexes = await secondaryIndexes(scratchClient);
  await scratchClient.end();
  await dropDatabase(server.toString(), scratch);

  log(`database ${name}: generating ${cases.toLocaleString('en')} cases over ${months} months`);

  const started = Date.now();
  const summary = await generateHistory(
    async () => {
      const client = new Client({ connectionString: url, statement_timeout: 0 });
      await client.connect();
      return client;
    },
    {
      cases,
      months,
      end,
      seed: positiveInt(args.seed, 'seed', 365),
      timeZone: config.DISTRICT_TIMEZONE,
      casePrefix: config.CASE_NO_PREFIX,
      piiKey: config.PII_KEY,
      piiHashKey: config.PII_HASH_KEY,
      log,
      indexes,
    },
  );
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  log(
    `done in ${seconds(Date.now() - started)}: ${summary.cases.toLocaleString('en')} cases, ${summary.events.toLocaleString('en')} events, ` +
      `${summary.deadlines.toLocaleString('en')} deadlines over ${summary.days} days; generate+COPY ${seconds(summary.generateAndCopyMs)}, ` +
      `indexes ${seconds(summary.indexMs)}, rollup+analyze ${seconds(summary.rollupMs)}`,
  );
}

main().catch((error) => {
  process.stderr.write(`[gen] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
