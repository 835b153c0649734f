/**
 * `npm run bench:sessions`: what the session check adds to every authenticated request (intake included),
 * measured in-process so that the machine's load hits both sides alike. Per call, interleaved in rounds:
 *   - the signature check alone (what the guard did before sessions could end),
 *   - the whole check with the user's state cached (the usual case: no I/O),
 *   - the whole check with the cache just dropped (after a NOTIFY: one PostgreSQL read and one Redis read).
 * Uses its own database and Redis prefix, removed at the end.
 */
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import Redis from 'ioredis';
import { SessionStates, SessionVerifier, TOKEN_ALGORITHM, TOKEN_ISSUER } from '@hotline/auth';
import { dropDatabase, ensureDatabase, migrate, seed, withDatabase } from '@hotline/devstack';
import { startApi } from '../test/support/harness';
import { provideTestServices } from '../test/support/test-services';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const HITS = 2000;
const MISSES = 200;
const log = (line: string) => process.stdout.write(`[bench:sessions] ${line}\n`);

async function timePerCall(times: number, call: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < times; i++) await call();
  return Number(process.hrtime.bigint() - started) / 1000 / times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10;
}

async function main(): Promise<void> {
  const services = await provideTestServices(log);
  const runId = Date.now().toString(36);
  const database = `hotline_bench_sessions_${runId}`;
  const databaseUrl = withDatabase(services.postgresServerUrl, database);
  const prefix = `bench-sessions-${runId}`;
  await ensureDatabase(services.postgresServerUrl, database);
  try {
    await migrate(databaseUrl);
    await seed(databaseUrl, { onlyIfEmpty: false, includeDemoUsers: true, demoPassword: 'hotline365' });
    Object.assign(process.env, {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: services.redisUrl,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: 'silent',
      WORKER_HEALTH_PORT: '0',
      JWT_SECRET: randomBytes(32).toString('hex'),
      PII_KEY: randomBytes(32).toString('hex'),
      PII_HASH_KEY: randomBytes(32).toString('hex'),
    });
    const api = await startApi();
    try {
      const login = await fetch(`${api.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'operator', password: 'hotline365' }),
      });
      const { accessToken, user } = (await login.json()) as { accessToken: string; user: { id: string } };
      const jwt = api.app.get(JwtService);
      const verifier = api.app.get(SessionVerifier);
      const states = api.app.get(SessionStates);
      const signatureOnly = () => jwt.verifyAsync(accessToken, { algorithms: [TOKEN_ALGORITHM], issuer: TOKEN_ISSUER });
      await verifier.verify(accessToken);

      const loadAtStart = loadavg()[0];
      const figures = { signatureOnlyUs: [] as number[], cachedUs: [] as number[], afterNotifyUs: [] as number[] };
      for (let round = 0; round < ROUNDS; round++) {
        figures.signatureOnlyUs.push(await timePerCall(HITS, signatureOnly));
        figures.cachedUs.push(await timePerCall(HITS, () => verifier.verify(accessToken)));
        figures.afterNotifyUs.push(
          await timePerCall(MISSES, () => {
            states.invalidate(user.id);
            return verifier.verify(accessToken);
          }),
        );
      }
      const [signature, cached, miss] = [
        median(figures.signatureOnlyUs),
        median(figures.cachedUs),
        median(figures.afterNotifyUs),
      ];
      const rows: Array<[string, string]> = [
        ['load average (1 min) at start → end', `${loadAtStart.toFixed(2)} → ${loadavg()[0].toFixed(2)}`],
        ['signature check alone', `${signature} µs per request`],
        [
          'whole check, state cached',
          `${cached} µs per request (the session check adds ${Math.round((cached - signature) * 10) / 10} µs)`,
        ],
        ['whole check, just after a NOTIFY', `${miss} µs per request (once per user and process after each change)`],
      ];
      process.stdout.write(
        `\n${rows.map(([k, v]) => `${k.padEnd(38)}  ${v}`).join('\n')}\n(median of ${ROUNDS} rounds of ${HITS} / ${MISSES} calls)\n\n`,
      );
    } finally {
      await api.close();
    }
  } finally {
    await dropDatabase(services.postgresServerUrl, database).catch((error) => log(`could not drop ${database}: ${error}`));
    const redis = new Redis(services.redisUrl, { maxRetriesPerRequest: 1 });
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `{${prefix}}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
    await services.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
