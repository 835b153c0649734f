import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { RunningRedis, startPrivateRedis } from '@hotline/devstack';
import {
  ApiClient,
  dispatchDrained,
  heatingComplaint,
  RunningApi,
  RunningWorker,
  startApi,
  startWorker,
  waitFor,
  type CaseBody,
} from '@hotline/testing';

/**
 * Nothing is lost on a Redis outage: intake commits the case and its routing intent to PostgreSQL
 * (outbox), so the API keeps answering 201; once Redis is back the relay publishes and each case is
 * dispatched exactly once, whether the intakes come one by one or as a steady stream across the stop and
 * the restart. Uses a private redis-server on its own port: the machine's is never touched.
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
    if (redis && (redis.process.exitCode !== null || redis.process.signalCode !== null))
      redis = await startPrivateRedis({ port, dataDir, appendOnly: true, log });
    await worker?.close();
    await api?.close();
    await redis?.stop();
    await db?.end();
  });

  const eventsOf = async (id: string) =>
    (await db.query<{ type: string }>(`SELECT type FROM case_events WHERE case_id = $1 ORDER BY id`, [id])).rows.map(
      (r) => r.type,
    );

  it('takes a stream of intakes straight through a Redis stop and restart; every case dispatched exactly once', async () => {
    const token = await client.token('operator');
    const ids: string[] = [];
    const failures: unknown[] = [];
    let stop = false;
    // Four submitters logging calls back to back, never pausing for the outage.
    const lanes = Array.from({ length: 4 }, async (_, lane) => {
      for (let n = 0; !stop; n++) {
        const r = await client.request<CaseBody>('POST', '/api/v1/cases', {
          token,
          body: heatingComplaint({ title: `来电流 ${lane}-${n}` }),
        });
        if (r.status === 201) ids.push(r.body.id);
        else failures.push({ status: r.status, body: r.body });
      }
    });
    const accepted = (atLeast: number, what: string) => waitFor(() => (ids.length >= atLeast ? true : undefined), 30_000, what);

    await accepted(10, 'intake before the outage');
    await redis.stop();
    await accepted(ids.length + 20, 'intake while Redis is down');
    redis = await startPrivateRedis({ port, dataDir, appendOnly: true, log });
    await accepted(ids.length + 20, 'intake after Redis returned');
    stop = true;
    await Promise.all(lanes);

    expect(failures).toEqual([]);
    // A job whose completion could not be recorded while Redis was away is run again once its lock
    // (lockDurationMs, 30 s) lapses and the stalled check finds it: allow for both.
    await waitFor(
      async () => {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND status = 'dispatched'`,
          [ids],
        );
        return rows[0].n === ids.length ? true : undefined;
      },
      120_000,
      'every accepted case dispatched',
    );
    // A job cut off by the outage stays active until its lock lapses, then runs again: count the events
    // once the queue has nothing waiting, running or retrying, so a second delivery has had its turn.
    await dispatchDrained(db, 120_000, { redisUrl: overrides.REDIS_URL, redisPrefix: overrides.REDIS_PREFIX });
    const { rows } = await db.query<{ case_id: string }>(
      `SELECT case_id FROM case_events WHERE case_id = ANY($1) GROUP BY case_id
        HAVING count(*) FILTER (WHERE type = 'dispatched') <> 1 OR count(*) FILTER (WHERE type = 'received') <> 1 OR count(*) <> 2`,
      [ids],
    );
    expect(rows).toEqual([]);
  }, 180_000);

  it('accepts cases while Redis is down and dispatches each exactly once after it returns', async () => {
    // Warm-up: the path works with Redis up.
    const warm = await client.as<CaseBody>('operator', 'POST', '/api/v1/cases', heatingComplaint({ title: '预热' }));
    await waitFor(
      async () => ((await eventsOf(warm.body.id)).includes('dispatched') ? true : undefined),
      10_000,
      'warm-up dispatch',
    );

    await redis.stop();
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await client.as<CaseBody>(
        'operator',
        'POST',
        '/api/v1/cases',
        heatingComplaint({ title: `停机期间来电 ${i}` }),
      );
      expect(response.status).toBe(201);
      expect(response.body.status).toBe('received');
      ids.push(response.body.id);
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const pending = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'route-case' AND published_at IS NULL AND payload->>'caseId' = ANY($1)`,
      [ids],
    );
    expect(pending.rows[0].n).toBe(ids.length);
    for (const id of ids) expect(await eventsOf(id)).toEqual(['received']);
    const health = await client.request<{ status: string }>('GET', '/health');
    expect({ status: health.status, body: health.body }).toEqual({ status: 503, body: { status: 'error' } });
    // An admin signs in and reads the details during the outage (sign-in's lock-out counts fall back to memory).
    const details = await client.as<{ components: Record<string, { status: string }> }>('admin', 'GET', '/health/details');
    expect(details.status).toBe(503);
    expect(details.body.components.redis.status).toBe('down');

    redis = await startPrivateRedis({ port, dataDir, appendOnly: true, log });
    await waitFor(
      async () => {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND status = 'dispatched'`,
          [ids],
        );
        return rows[0].n === ids.length ? true : undefined;
      },
      30_000,
      'every case dispatched after Redis returned',
    );

    // Publishing the same intents again (as after a relay crash between enqueue and stamping) changes nothing.
    await db.query(`UPDATE outbox SET published_at = NULL WHERE payload->>'caseId' = ANY($1)`, [ids]);
    await waitFor(
      async () => {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'route-case' AND published_at IS NULL AND payload->>'caseId' = ANY($1)`,
          [ids],
        );
        return rows[0].n === 0 ? true : undefined;
      },
      10_000,
      're-publish',
    );
    await dispatchDrained(db, 30_000, { redisUrl: overrides.REDIS_URL, redisPrefix: overrides.REDIS_PREFIX });
    for (const id of ids) expect(await eventsOf(id)).toEqual(['received', 'dispatched']);
  });
});
