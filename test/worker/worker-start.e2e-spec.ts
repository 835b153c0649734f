import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parsePrometheusText, spawnApp, waitFor } from '@hotline/testing';

/**
 * `HOTLINE_START_BUILT=1` starts the output of `npm run build` (run it first) instead of the TypeScript:
 * byte for byte what `npm start` and the container run. npm test runs the TypeScript, which needs no
 * build (a build of the API and the worker takes about 35 s more on 2 busy cores).
 */
const BUILT = process.env.HOTLINE_START_BUILT === '1';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The worker's real entry point started as its own process, as a deployment starts it (production mode,
 * the run's secrets, its database and Redis prefix), until its health probe says ok: a worker whose
 * module no longer wires up (a provider's dependency gone, as once happened with DiscoveryModule) fails
 * here, while the in-process harness of the other suites may still build it. Then its /metrics answers,
 * and SIGTERM stops it.
 */
describe(`the worker started as a deployment starts it (${BUILT ? 'node dist/apps/worker/src/main.js' : 'apps/worker/src/main.ts'})`, () => {
  it('serves /health ok and /metrics on its health port, and stops on SIGTERM', async () => {
    if (BUILT && !existsSync(join(__dirname, '..', '..', 'dist/apps/worker/src/main.js')))
      throw new Error('HOTLINE_START_BUILT=1 needs `npm run build` first');
    const port = await freePort();
    const worker = spawnApp(
      'worker',
      { NODE_ENV: 'production', WORKER_HEALTH_PORT: String(port), SLA_SWEEP_MS: '0', LOG_LEVEL: 'info' },
      { built: BUILT },
    );
    try {
      await worker.waitForOutput('worker started', 170_000);
      const base = `http://127.0.0.1:${port}`;
      const health = await waitFor(
        async () => {
          const r = await fetch(`${base}/health`);
          return r.status === 200 ? await r.json() : undefined;
        },
        30_000,
        "the worker's /health to answer 200",
      );
      expect(health).toEqual({ status: 'ok' });

      const metrics = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${process.env.METRICS_TOKEN!}` } });
      expect(metrics.status).toBe(200);
      const scrape = parsePrometheusText(await metrics.text());
      expect(scrape.value('hotline_component_up', { component: 'database' })).toBe(1);
      expect(scrape.value('hotline_component_up', { component: 'redis' })).toBe(1);
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
    } finally {
      await worker.kill('SIGTERM');
    }
    expect(worker.output()).toContain('consuming queues');
    expect(worker.output()).not.toMatch(/"level":(50|60)/);
  }, 240_000);
});
