import { Queue, QueueEvents } from 'bullmq';
import { replay } from '@hotline/cases';
import { bullPrefix, jobIdFor, QUEUE_NAMES, redisOptionsFromUrl } from '@hotline/queues';
import { AppProcess, heatingComplaint, spawnApp, useStack, waitFor, type CaseBody } from '@hotline/testing';
import type { TestStack } from '@hotline/testing';

/**
 * Kind of queued work whose job may be cut off by a crash. Each kind queues `count` units before the
 * worker starts, says how many are done, and proves each was done exactly once.
 * Two kinds: dispatches, and SLA breach timers that are due (done when each case has its one
 * `slaBreached` event).
 */
interface CrashableWork {
  name: string;
  queue: (typeof QUEUE_NAMES)[number];
  /** Enough units that the kill lands mid-backlog (SLA jobs are far quicker than dispatches). */
  count: number;
  create(stack: TestStack, count: number): Promise<string[]>;
  doneCount(stack: TestStack, ids: string[]): Promise<number>;
  assertExactlyOnce(stack: TestStack, ids: string[]): Promise<void>;
}

const dispatchWork: CrashableWork = {
  name: 'dispatch',
  queue: 'dispatch',
  count: 400,
  async create(stack, count) {
    const ids: string[] = [];
    const token = await stack.client.token('operator');
    // Eight submitters at once: intake is quick, and the cases pile up in the outbox meanwhile.
    await Promise.all(
      Array.from({ length: 8 }, async (_, lane) => {
        for (let i = lane; i < count; i += 8) {
          const r = await stack.client.request<CaseBody>('POST', '/api/v1/cases', {
            token,
            body: heatingComplaint({ title: `崩溃测试 ${i}` }),
          });
          if (r.status !== 201) throw new Error(`intake ${i}: ${r.status} ${JSON.stringify(r.body)}`);
          ids.push(r.body.id);
        }
      }),
    );
    return ids;
  },
  async doneCount(stack, ids) {
    const { rows } = await stack.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND status = 'dispatched'`,
      [ids],
    );
    return rows[0].n;
  },
  async assertExactlyOnce(stack, ids) {
    const { rows } = await stack.db.query<{ id: string; status: string; types: string[] }>(
      `SELECT c.id, c.status, array_agg(e.type ORDER BY e.id) AS types
         FROM cases c JOIN case_events e ON e.case_id = c.id WHERE c.id = ANY($1) GROUP BY c.id, c.status`,
      [ids],
    );
    expect(rows).toHaveLength(ids.length);
    const wrong = rows.filter(
      (r: { status: string; types: string[] }) => r.status !== 'dispatched' || r.types.join() !== 'received,dispatched',
    );
    expect(wrong).toEqual([]);
  },
};

/**
 * SLA breach timers that are due: cases written straight into the accept stage with a deadline a
 * minute ago and their breach timers queued through the outbox (as a dispatch would), so the worker,
 * on the real clock, records each breach when it takes the timer. The periodic sweep is off in these
 * workers, so only the timers (and their recovery after the kill) can record them.
 */
const slaBreachWork: CrashableWork = {
  name: 'SLA breach timers',
  queue: 'sla',
  count: 2000,
  async create(stack, count) {
    const { rows } = await stack.db.query<{ id: string; deadline: Date; warnAt: Date; dispatchedAt: Date }>(
      `WITH made AS (
         INSERT INTO cases (case_no, status, kind, category_id, channel, priority, title, description, address,
                            caller_name_sealed, caller_phone_sealed, caller_phone_hash, lead_department_id,
                            received_at, dispatched_at, sla_stage, sla_deadline, sla_warn_at)
         SELECT 'CRASH' || lpad(g::text, 8, '0') || substr(md5(random()::text), 1, 6), 'dispatched', 'complaint',
                (SELECT id FROM categories WHERE code = 'heating.no-heat'), 'phone', 'normal', '崩溃测试', '崩溃测试', '白云街道',
                'v1:x:x:x', 'v1:x:x:x', lpad(to_hex(g), 64, '0'), (SELECT id FROM departments WHERE code = 'heating'),
                now() - interval '1 hour', now() - interval '1 hour', 'accept',
                date_trunc('milliseconds', now() - interval '1 minute'), date_trunc('milliseconds', now() - interval '10 minutes')
           FROM generate_series(1, $1) g
         RETURNING id, sla_deadline, sla_warn_at, dispatched_at)
       SELECT id, sla_deadline AS deadline, sla_warn_at AS "warnAt", dispatched_at AS "dispatchedAt" FROM made`,
      [count],
    );
    const ids = rows.map((r: { id: string }) => r.id);
    await stack.db.query(
      `INSERT INTO case_events (case_id, type, actor_name, actor_role, from_status, to_status, data, at)
       SELECT id, t.type, 'system', 'system', t.from_status, t.to_status, '{}', dispatched_at
         FROM cases, (VALUES (1, 'received', NULL, 'received'), (2, 'dispatched', 'received', 'dispatched')) AS t(n, type, from_status, to_status)
        WHERE id = ANY($1) ORDER BY id, t.n`,
      [ids],
    );
    await stack.db.query(
      `INSERT INTO case_deadlines (case_id, stage, policy_code, started_at, deadline, warn_at, reason, warned_at)
       SELECT id, 'accept', 'default', dispatched_at, sla_deadline, sla_warn_at, 'dispatched', sla_warn_at FROM cases WHERE id = ANY($1)`,
      [ids],
    );
    for (const r of rows) {
      const payload = { caseId: r.id, stage: 'accept', deadline: new Date(r.deadline).toISOString() };
      await stack.db.query(`INSERT INTO outbox (queue, job_name, job_id, payload) VALUES ('sla', 'sla-breach', $1, $2)`, [
        jobIdFor('sla-breach', payload),
        payload,
      ]);
    }
    return ids;
  },
  async doneCount(stack, ids) {
    const { rows } = await stack.db.query<{ n: number }>(
      `SELECT count(DISTINCT case_id)::int AS n FROM case_events WHERE case_id = ANY($1) AND type = 'slaBreached'`,
      [ids],
    );
    return rows[0].n;
  },
  async assertExactlyOnce(stack, ids) {
    const { rows } = await stack.db.query<{ case_id: string; n: number }>(
      `SELECT case_id, count(*)::int AS n FROM case_events WHERE case_id = ANY($1) AND type = 'slaBreached' GROUP BY case_id`,
      [ids],
    );
    expect(rows).toHaveLength(ids.length);
    expect(rows.filter((r: { n: number }) => r.n !== 1)).toEqual([]);
    const marked = await stack.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM case_deadlines WHERE case_id = ANY($1) AND breached_at IS NOT NULL`,
      [ids],
    );
    expect(marked.rows[0].n).toBe(ids.length);
    const sample = await stack.db.query<{ type: string; fromStatus: string | null; toStatus: string }>(
      `SELECT type, from_status AS "fromStatus", to_status AS "toStatus" FROM case_events WHERE case_id = $1 ORDER BY id`,
      [ids[0]],
    );
    expect(replay(sample.rows)).toBe('dispatched');
  },
};

const WORK: CrashableWork[] = [dispatchWork, slaBreachWork];

/**
 * A worker killed with SIGKILL (no shutdown hooks, no lock release) in the middle of its jobs: another
 * worker takes the cut-off jobs up again once their locks expire (BullMQ's stalled-job check), and the
 * processors' version checks make a re-run change nothing. Runs the real worker as an OS process.
 */
describe('worker killed with SIGKILL mid-dispatch and mid-SLA timers', () => {
  const prefix = `crash-${process.pid}-${Date.now().toString(36)}`;
  const stack = useStack({ worker: false, overrides: { REDIS_PREFIX: prefix } });
  const workerEnv = () => ({
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL!,
    REDIS_PREFIX: prefix,
    WORKER_HEALTH_PORT: '0',
    OUTBOX_POLL_MS: '200',
    // Only timers (and their recovery after the kill) may record SLA breaches here, not the sweep.
    SLA_SWEEP_MS: '0',
    NODE_ENV: 'test',
  });
  const workers: AppProcess[] = [];
  const queues = new Map<string, Queue>();
  // Closed in afterAll too, so a test that fails half-way leaves no Redis connection behind (Jest exits by itself).
  const eventStreams: QueueEvents[] = [];

  beforeAll(() => {
    for (const name of QUEUE_NAMES)
      queues.set(name, new Queue(name, { connection: redisOptionsFromUrl(process.env.REDIS_URL!), prefix: bullPrefix(prefix) }));
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill('SIGKILL');
    for (const events of eventStreams) await events.close();
    for (const queue of queues.values()) {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
  });

  it.each(WORK.map((w) => [w.name, w] as const))(
    '%s: the jobs cut off are taken up again; none stuck, none done twice',
    async (_name, work) => {
      // Timers other kinds scheduled for later (a dispatch's accept-stage timers) wait in the same queue.
      const delayedBefore = (await queues.get(work.queue)!.getJobCounts('delayed')).delayed;
      const ids = await work.create(stack, work.count);

      const first = spawnApp('worker', workerEnv());
      workers.push(first);
      await first.waitForOutput('worker started');
      // Kill once the worker is well into the backlog, but far from its end.
      const doneAtKill = await waitFor(
        async () => {
          const done = await work.doneCount(stack, ids);
          return done >= 40 ? done : undefined;
        },
        30_000,
        'the first worker to get going',
      );
      await first.kill('SIGKILL');
      expect(first.process.signalCode).toBe('SIGKILL');

      const counts = await queues.get(work.queue)!.getJobCounts('active', 'waiting', 'completed');
      const pendingIntents = (
        await stack.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL AND payload->>'caseId' = ANY($1)`,
          [ids],
        )
      ).rows[0].n;
      // The kill really cut work off: jobs held by the dead worker (their locks still alive), and more to do.
      expect(counts.active).toBeGreaterThan(0);
      expect(doneAtKill).toBeLessThan(ids.length);
      expect(counts.active + counts.waiting + pendingIntents).toBeGreaterThan(0);

      const stalled = new Set<string>();
      const events = new QueueEvents(work.queue, {
        connection: redisOptionsFromUrl(process.env.REDIS_URL!),
        prefix: bullPrefix(prefix),
      });
      eventStreams.push(events);
      events.on('stalled', ({ jobId }) => stalled.add(jobId));
      await events.waitUntilReady();
      const second = spawnApp('worker', workerEnv());
      workers.push(second);
      await second.waitForOutput('worker started');
      // Jobs the dead worker held come back once their lock (lockDurationMs) lapses and the stalled check runs.
      await waitFor(
        async () => ((await work.doneCount(stack, ids)) === ids.length ? true : undefined),
        150_000,
        `every ${work.name} unit done`,
      );
      await waitFor(
        async () => {
          const c = await queues.get(work.queue)!.getJobCounts('active', 'waiting', 'delayed', 'failed');
          return c.active + c.waiting === 0 && c.delayed <= delayedBefore ? c : undefined;
        },
        30_000,
        'the queue to drain',
      );
      // Drained (nothing active or waiting): no delivery, first or repeated, is still to come.
      await work.assertExactlyOnce(stack, ids);
      expect((await queues.get(work.queue)!.getJobCounts('failed')).failed).toBe(0);
      // A unit's last step can write an outbox row (a breach's notification) just before the queue
      // drains; the relay publishes it a moment later. Wait for that fact rather than assume it.
      await waitFor(
        async () => {
          const unpublished = await stack.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL AND payload->>'caseId' = ANY($1)`,
            [ids],
          );
          return unpublished.rows[0].n === 0 ? true : undefined;
        },
        30_000,
        'every outbox row of these cases published',
      );
      // The jobs the dead worker held went through BullMQ's stalled-job recovery, not lost.
      expect(stalled.size).toBeGreaterThan(0);
      await second.kill('SIGTERM');
    },
    240_000,
  );
});
