import { Queue, QueueEvents } from 'bullmq';
import { bullPrefix, QUEUE_NAMES, redisOptionsFromUrl } from '@hotline/queues';
import { AppProcess, heatingComplaint, spawnApp, useStack, waitFor } from '@hotline/testing';
import type { TestStack } from '@hotline/testing';

/**
 * Kind of queued work whose job may be cut off by a crash. Each kind queues `count` units before the
 * worker starts, says how many are done, and proves each was done exactly once.
 * SLA timers (`sla` queue) join as a second entry: cases whose warn/breach timers are due, done when
 * each has its `slaWarned`/`slaBreached` event, exactly once each.
 */
interface CrashableWork {
  name: string;
  queue: (typeof QUEUE_NAMES)[number];
  create(stack: TestStack, count: number): Promise<string[]>;
  doneCount(stack: TestStack, ids: string[]): Promise<number>;
  assertExactlyOnce(stack: TestStack, ids: string[]): Promise<void>;
}

const dispatchWork: CrashableWork = {
  name: 'dispatch',
  queue: 'dispatch',
  async create(stack, count) {
    const ids: string[] = [];
    const token = await stack.client.token('operator');
    // Eight submitters at once: intake is quick, and the cases pile up in the outbox meanwhile.
    await Promise.all(
      Array.from({ length: 8 }, async (_, lane) => {
        for (let i = lane; i < count; i += 8) {
          const r = await stack.client.request('POST', '/api/v1/cases', { token, body: heatingComplaint({ title: `崩溃测试 ${i}` }) });
          if (r.status !== 201) throw new Error(`intake ${i}: ${r.status} ${JSON.stringify(r.body)}`);
          ids.push(r.body.id);
        }
      }),
    );
    return ids;
  },
  async doneCount(stack, ids) {
    const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND status = 'dispatched'`, [ids]);
    return rows[0].n;
  },
  async assertExactlyOnce(stack, ids) {
    const { rows } = await stack.db.query(
      `SELECT c.id, c.status, array_agg(e.type ORDER BY e.id) AS types
         FROM cases c JOIN case_events e ON e.case_id = c.id WHERE c.id = ANY($1) GROUP BY c.id, c.status`,
      [ids],
    );
    expect(rows).toHaveLength(ids.length);
    const wrong = rows.filter((r: { status: string; types: string[] }) => r.status !== 'dispatched' || r.types.join() !== 'received,dispatched');
    expect(wrong).toEqual([]);
  },
};

const WORK: CrashableWork[] = [dispatchWork];

/**
 * A worker killed with SIGKILL (no shutdown hooks, no lock release) in the middle of its jobs: another
 * worker takes the cut-off jobs up again once their locks expire (BullMQ's stalled-job check), and the
 * processors' version checks make a re-run change nothing. Runs the real worker as an OS process.
 */
describe('worker killed with SIGKILL mid-dispatch', () => {
  const prefix = `crash-${process.pid}-${Date.now().toString(36)}`;
  const stack = useStack({ worker: false, overrides: { REDIS_PREFIX: prefix } });
  const workerEnv = () => ({
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL!,
    REDIS_PREFIX: prefix,
    WORKER_HEALTH_PORT: '0',
    OUTBOX_POLL_MS: '200',
    NODE_ENV: 'test',
  });
  const workers: AppProcess[] = [];
  const queues = new Map<string, Queue>();

  beforeAll(() => {
    for (const name of QUEUE_NAMES) queues.set(name, new Queue(name, { connection: redisOptionsFromUrl(process.env.REDIS_URL!), prefix: bullPrefix(prefix) }));
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill('SIGKILL');
    for (const queue of queues.values()) {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
  });

  it.each(WORK.map((w) => [w.name, w] as const))('%s: the jobs cut off are taken up again; none stuck, none done twice', async (_name, work) => {
    const ids = await work.create(stack, 400);

    const first = spawnApp('worker', workerEnv());
    workers.push(first);
    await first.waitForOutput('worker started');
    // Kill once the worker is well into the backlog, but far from its end.
    const doneAtKill = await waitFor(async () => {
      const done = await work.doneCount(stack, ids);
      return done >= 40 ? done : undefined;
    }, 30_000, 'the first worker to get going');
    await first.kill('SIGKILL');
    expect(first.process.signalCode).toBe('SIGKILL');

    const counts = await queues.get(work.queue)!.getJobCounts('active', 'waiting', 'completed');
    const pendingIntents = (await stack.db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL AND payload->>'caseId' = ANY($1)`, [ids])).rows[0].n;
    // The kill really cut work off: jobs held by the dead worker (their locks still alive), and more to do.
    expect(counts.active).toBeGreaterThan(0);
    expect(doneAtKill).toBeLessThan(ids.length);
    expect(counts.active + counts.waiting + pendingIntents).toBeGreaterThan(0);

    const stalled = new Set<string>();
    const events = new QueueEvents(work.queue, { connection: redisOptionsFromUrl(process.env.REDIS_URL!), prefix: bullPrefix(prefix) });
    events.on('stalled', ({ jobId }) => stalled.add(jobId));
    await events.waitUntilReady();
    const second = spawnApp('worker', workerEnv());
    workers.push(second);
    await second.waitForOutput('worker started');
    // Jobs the dead worker held come back once their lock (lockDurationMs) lapses and the stalled check runs.
    await waitFor(async () => ((await work.doneCount(stack, ids)) === ids.length ? true : undefined), 150_000, `every ${work.name} unit done`);
    await waitFor(async () => {
      const c = await queues.get(work.queue)!.getJobCounts('active', 'waiting', 'delayed', 'failed');
      return c.active + c.waiting + c.delayed === 0 ? c : undefined;
    }, 30_000, 'the queue to drain');
    // Give a duplicate delivery time to show itself before counting events.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await work.assertExactlyOnce(stack, ids);
    expect((await queues.get(work.queue)!.getJobCounts('failed')).failed).toBe(0);
    const unpublished = await stack.db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL AND payload->>'caseId' = ANY($1)`, [ids]);
    expect(unpublished.rows[0].n).toBe(0);
    // The jobs the dead worker held went through BullMQ's stalled-job recovery, not lost.
    expect(stalled.size).toBeGreaterThan(0);
    await second.kill('SIGTERM');
    await events.close();
  }, 240_000);
});
