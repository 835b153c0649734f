import { DEVELOPMENT_SECRETS } from '@hotline/config';
import { spawnApp } from '@hotline/testing';

/** Exit code of exitOnInvalidConfig (EX_CONFIG). */
const EX_CONFIG = 78;

/**
 * The real entry points (apps/*\/src/main.ts through ts-node) started as a deployment would start them.
 * Without secrets, or with the public development ones, they refuse to start and say how to make them.
 */
describe('start-up without real secrets', () => {
  async function start(app: 'api' | 'worker', env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    const child = spawnApp(app, env);
    const code = await new Promise<number | null>((resolve) => child.process.once('exit', (c) => resolve(c)));
    return { code, output: child.output() };
  }

  // Concurrently: each start transpiles the whole app, which takes a while on a busy machine.
  it.concurrent.each([
    [
      'the API, NODE_ENV=production, no secrets',
      'api',
      { NODE_ENV: 'production', JWT_SECRET: '', PII_KEY: '', PII_HASH_KEY: '' },
      /JWT_SECRET: must be set \(NODE_ENV is production\)/,
    ],
    [
      'the API, no NODE_ENV, no secrets',
      'api',
      { NODE_ENV: '', JWT_SECRET: '', PII_KEY: '', PII_HASH_KEY: '' },
      /JWT_SECRET: must be set \(NODE_ENV is production, the default\)/,
    ],
    [
      'the API, NODE_ENV=production, the development secrets',
      'api',
      { NODE_ENV: 'production', ...DEVELOPMENT_SECRETS },
      /JWT_SECRET: is the public development value/,
    ],
    [
      'the worker, NODE_ENV=production, no secrets and no metrics token',
      'worker',
      { NODE_ENV: 'production', JWT_SECRET: '', PII_KEY: '', PII_HASH_KEY: '', METRICS_TOKEN: '' },
      /PII_KEY: must be set[\s\S]*METRICS_TOKEN: must be set \(NODE_ENV is production\)/,
    ],
  ] as const)(
    'refuses to start %s, saying how to make secrets',
    async (_what, app, env, problem) => {
      const { code, output } = await start(app, { ...env, LOG_LEVEL: 'info' });
      expect(code).toBe(EX_CONFIG);
      expect(output).toMatch(new RegExp(`${app} cannot start\\. Invalid configuration:`));
      expect(output).toMatch(problem);
      expect(output).toContain('openssl rand -hex 32');
      // No stack trace: the message is the whole answer.
      expect(output).not.toMatch(/\n\s+at /);
    },
    180_000,
  );

  it.concurrent(
    'starts the demo with NODE_ENV=development set explicitly and no secrets',
    async () => {
      const port = String(39000 + Math.floor(Math.random() * 900));
      const api = spawnApp('api', { NODE_ENV: 'development', JWT_SECRET: '', PII_KEY: '', PII_HASH_KEY: '', PORT: port });
      try {
        await api.waitForOutput(`API listening on :${port}`, 170_000);
        const health = await fetch(`http://127.0.0.1:${port}/health/live`);
        expect(health.status).toBe(200);
      } finally {
        await api.kill('SIGTERM');
      }
    },
    180_000,
  );
});
