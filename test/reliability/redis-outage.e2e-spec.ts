import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { RunningRedis, startPrivateRedis } from '@hotline/devstack';
import { ApiClient, heatingComplaint, RunningApi, RunningWorker, startApi, startWorker, waitFor } from '@hotline/testing';

/**
 * Nothing is lost on a Redis outage: intake commits the case and its routing intent to PostgreSQL
 * (outbox), so the API keeps answering 201; once Redis is back the relay publishes and each case is
 * dispatched exactly once. Uses a private redis-server on its own port: the machine's is never touched.
 */
describe('Redis stopped at intake time', () => {
  const port = 57000 + Math.floor(Math.random() * 900);
  const dataDir = mkdtempSync(join(tmpdir(), 'hotline-redis-outage-'));
  const log = () => undefined;
  const overrides = { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_PREFIX: `outage-${port}` };
  let redis: RunningRedis;
  let api: RunningApi;
  let worker: RunningWorker;
  let client: ApiClient;
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    redis = await startPrivateRedis({ port, dataDir, appendOnly: true, log });
    api = await startApi({ overrides });
    worker = await startWorker({ overrides });
    client = new ApiClient(api.url);
    await client.token('operator');
  });

  afterAll(async () => {
    // Should the test fail mid-outage, bring Redis back first: BullMQ closes cleanly only when it can reach it.
    if (redis && (redis.process.exitCode !== null || redis.process.signalCode !== null)) redis = await startPrivateRedis({ port, dataDir, appendOnly: true, log });
    await worker?.close();
    await api?.close();
    await redis?.stop();
    await db?.end();
  });

  const eventsOf = async (id: string) =>
    (await db.query(`SELECT type FROM case_events WHERE case_id = $1 ORDER BY id`, [id])).rows.map((r) => r.type);

  it('accepts cases while Redis is down and dispatches each exactly once after it returns', async () => {
    // Warm-up: the path works with Redis up.
    const warm = await client.as('operator', 'POST', '/api/v1/cases', heatingComplaint({ title: '预热' }));
    await waitFor(async () => ((await eventsOf(warm.body.id)).includes('dispatched') ? true : undefined), 10_000, 'warm-up dispatch');

    await redis.stop();
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await client.as('operator', 'POST', '/api/v1/cases', heatingComplaint({ title: `停机期间来电 ${i}` }));
      expect(response.status).toBe(201);
      expect(response.body.status).toBe('received');
      ids.push(response.body.id);
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const pending = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE job_name = 'route-case' AND published_at IS NULL AND payload->>'caseId' = ANY($1)`, [ids]);
    expect(pending.rows[0].n).toBe(ids.length);
    for (const id of ids) expect(await eventsOf(id)).toEqual(['received']);
    const health = await client.request('GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body.details.redis.status).toBe('down');

    redis = await startPrivateRedis({ port, dataDir, appendOnly: true, log });
    await waitFor(async () => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND status = 'dispatched'`, [ids]);
      return rows[0].n === ids.length ? true : undefined;
    }, 30_000, 'every case dispatched after Redis returned');

    // Publishing the same intents again (as after a relay crash between enqueue and stamping) changes nothing.
    await db.query(`UPDATE outbox SET published_at = NULL WHERE payload->>'caseId' = ANY($1)`, [ids]);
    await waitFor(async () => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE job_name = 'route-case' AND published_at IS NULL AND payload->>'caseId' = ANY($1)`, [ids]);
      return rows[0].n === 0 ? true : undefined;
    }, 10_000, 're-publish');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const id of ids) expect(await eventsOf(id)).toEqual(['received', 'dispatched']);
  });
});
