import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '@hotline/auth';
import { ApiClient, auditedSql, RunningApi, RunningWorker, startApi, startWorker, useStack } from '@hotline/testing';

const HEALTH_TOKEN = randomBytes(24).toString('hex');
const CORE_COMPONENTS = ['calendar', 'database', 'outbox', 'queues', 'redis', 'settings'];

/** /health/details: the overall status and each component's report (the fields these tests read). */
interface HealthDetailsBody {
  status: string;
  components: Record<string, { status: string } & Record<string, unknown>>;
}

/** The details' own status: `degraded` exactly when a component is (the calendar is, in November and December). */
const expectedDetailsStatus = (components: Record<string, { status: string }>) =>
  Object.values(components).some((c) => c.status === 'degraded') ? 'degraded' : 'ok';

/** A port the OS says is free now (for the worker's health server, which the harness turns off). */
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
 * One health contract for the API and the worker: /health/live, /health ({status} only, public) and
 * /health/details (every component; admins or the HEALTH_TOKEN).
 */
describe('health contract: the API', () => {
  const stack = useStack({ worker: false, overrides: { HEALTH_TOKEN } });

  it('answers /health/live and /health with the status only, without signing in', async () => {
    const live = await stack.client.request<{ status: string }>('GET', '/health/live');
    expect({ status: live.status, body: live.body }).toEqual({ status: 200, body: { status: 'ok' } });
    const health = await stack.client.request<{ status: string }>('GET', '/health');
    expect({ status: health.status, body: health.body }).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('shows every component to a signed-in admin and to the HEALTH_TOKEN', async () => {
    for (const token of [await stack.client.token('admin'), HEALTH_TOKEN]) {
      const details = await stack.client.request<HealthDetailsBody>('GET', '/health/details', { token });
      expect(details.status).toBe(200);
      expect(Object.keys(details.body.components).sort()).toEqual(CORE_COMPONENTS);
      expect(details.body.status).toBe(expectedDetailsStatus(details.body.components));
      expect(details.body.components.settings).toEqual({
        status: 'up',
        loadedVersion: expect.any(Number) as unknown,
        databaseVersion: expect.any(Number) as unknown,
        current: true,
      });
      expect(details.body.components.outbox).toEqual({
        status: 'up',
        pending: expect.any(Number) as unknown,
        oldestPendingSeconds: expect.any(Number) as unknown,
      });
      expect(details.body.components.queues.dispatch).toEqual(
        expect.objectContaining({ waiting: expect.any(Number) as unknown, failed: expect.any(Number) as unknown }),
      );
    }
  });

  it('refuses the details without a token (401), with a wrong token (401), to other roles (403) and to an admin whose session ended (401)', async () => {
    const status = async (token?: string) => (await stack.client.request('GET', '/health/details', { token })).status;
    expect(await status()).toBe(401);
    expect(await status(`${HEALTH_TOKEN}x`)).toBe(401);
    expect(await status(await stack.client.token('operator'))).toBe(403);
    expect(await status(await stack.client.token('supervisor'))).toBe(403);

    const username = `health-admin-${randomBytes(4).toString('hex')}`;
    await auditedSql(
      stack.db,
      'user',
      `INSERT INTO users (username, password_hash, display_name, role) VALUES ($1, $2, '健康检查', 'admin') RETURNING id::text AS key`,
      [username, await hashPassword('an-admin-password')],
    );
    const token = await stack.client.token(username, 'an-admin-password');
    expect(await status(token)).toBe(200);
    await auditedSql(stack.db, 'user', `UPDATE users SET active = false WHERE username = $1 RETURNING id::text AS key`, [
      username,
    ]);
    const deadline = Date.now() + 10_000;
    let last = 200;
    while (Date.now() < deadline && (last = await status(token)) !== 401)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(last).toBe(401);
  });
});

describe('health contract: a dependency down', () => {
  let api: RunningApi;
  // Redis on a port where nothing listens: the API still starts and answers, and says it is not ready.
  const overrides = {
    HEALTH_TOKEN,
    REDIS_URL: 'redis://127.0.0.1:1',
    REDIS_PREFIX: `health-down-${randomBytes(3).toString('hex')}`,
  };

  beforeAll(async () => {
    api = await startApi({ overrides });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers 503 {status: "error"} on /health, and names the component in the details; /health/live stays 200', async () => {
    const client = new ApiClient(api.url);
    const health = await client.request<{ status: string }>('GET', '/health');
    expect({ status: health.status, body: health.body }).toEqual({ status: 503, body: { status: 'error' } });
    const details = await client.request<HealthDetailsBody>('GET', '/health/details', { token: HEALTH_TOKEN });
    expect(details.status).toBe(503);
    expect(details.body.components).toMatchObject({
      database: { status: 'up' },
      redis: { status: 'down', message: expect.any(String) as unknown },
      queues: { status: 'down' },
    });
    expect((await client.request('GET', '/health/live')).status).toBe(200);
  });
});

describe('health contract: the worker', () => {
  let worker: RunningWorker;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    worker = await startWorker({ overrides: { HEALTH_TOKEN, WORKER_HEALTH_PORT: String(port) } });
  });
  afterAll(async () => {
    await worker?.close();
  });

  it('serves the same three paths on its health port', async () => {
    const client = new ApiClient(base);
    const live = await client.request<{ status: string }>('GET', '/health/live');
    expect({ status: live.status, body: live.body }).toEqual({ status: 200, body: { status: 'ok' } });
    const health = await client.request<{ status: string }>('GET', '/health');
    expect({ status: health.status, body: health.body }).toEqual({ status: 200, body: { status: 'ok' } });
    expect((await client.request('GET', '/health/details')).status).toBe(401);
    expect((await client.request('GET', '/health/details', { token: 'not-the-token-not-the-token' })).status).toBe(401);
    const details = await client.request<HealthDetailsBody>('GET', '/health/details', { token: HEALTH_TOKEN });
    expect(details.status).toBe(200);
    expect(Object.keys(details.body.components).sort()).toEqual(CORE_COMPONENTS);
  });
});
