import type { QueueName } from '@hotline/queues';
import { type OutboxIntent, publishInOrder, type PublishQueue } from './outbox-publisher';

/** A queue in memory that dedupes by job id, as BullMQ does, and records every call. */
class FakeQueue implements PublishQueue {
  readonly jobs = new Map<string, { name: string; data: unknown; delay: number; attempts: number }>();
  readonly calls: string[] = [];
  failNext: Error | null = null;

  constructor(private readonly name: QueueName) {}

  addBulk(jobs: Parameters<PublishQueue['addBulk']>[0]): ReturnType<PublishQueue['addBulk']> {
    this.calls.push(`${this.name}.addBulk(${jobs.map((j) => j.opts?.jobId).join(',')})`);
    if (this.failNext) return Promise.reject(this.failNext);
    for (const job of jobs) {
      const id = job.opts!.jobId!;
      if (!this.jobs.has(id))
        this.jobs.set(id, { name: job.name, data: job.data, delay: job.opts!.delay!, attempts: job.opts!.attempts! });
    }
    return Promise.resolve([]);
  }

  remove(jobId: string): Promise<number> {
    this.calls.push(`${this.name}.remove(${jobId})`);
    if (this.failNext) return Promise.reject(this.failNext);
    return Promise.resolve(this.jobs.delete(jobId) ? 1 : 0);
  }
}

let nextId = 1;
const intent = (queue: QueueName, jobId: string, action: 'add' | 'remove' = 'add', runAt: Date | null = null): OutboxIntent => ({
  id: String(nextId++),
  queue,
  jobName: queue === 'dispatch' ? 'route-case' : 'sla-breach',
  jobId,
  payload: { jobId },
  runAt,
  action,
});

function queues() {
  const all = { dispatch: new FakeQueue('dispatch'), sla: new FakeQueue('sla') };
  return {
    all,
    calls: () => [...all.dispatch.calls, ...all.sla.calls],
    queueFor: (name: QueueName) => all[name as 'dispatch' | 'sla'],
  };
}

describe('the outbox relay publishing a batch', () => {
  it('adds a run of intents with one addBulk per queue, each with its queue options, id and delay', async () => {
    const { all, calls, queueFor } = queues();
    const rows = [intent('dispatch', 'd1'), intent('sla', 's1', 'add', new Date(Date.now() + 60_000)), intent('dispatch', 'd2')];
    const result = await publishInOrder(rows, queueFor, 1000);
    expect(result.failure).toBeNull();
    expect(result.done).toEqual([rows[0].id, rows[2].id, rows[1].id]);
    expect(calls()).toEqual(['dispatch.addBulk(d1,d2)', 'sla.addBulk(s1)']);
    expect(all.dispatch.jobs.get('d1')).toMatchObject({ name: 'route-case', delay: 0, attempts: 8 });
    expect(all.sla.jobs.get('s1')!.delay).toBeGreaterThan(55_000);
  });

  it('keeps a withdrawal after the adds before it and before the adds after it', async () => {
    const { all, calls, queueFor } = queues();
    // A timer scheduled, withdrawn, and scheduled again at the same deadline in one batch: it must exist at the end.
    const rows = [intent('sla', 't1'), intent('sla', 't1', 'remove'), intent('sla', 't2'), intent('sla', 't1')];
    const result = await publishInOrder(rows, queueFor, 1000);
    expect(result.failure).toBeNull();
    expect(calls()).toEqual(['sla.addBulk(t1)', 'sla.remove(t1)', 'sla.addBulk(t2,t1)']);
    expect([...all.sla.jobs.keys()].sort()).toEqual(['t1', 't2']);
  });

  it('publishes an intent twice as one job: the id dedupes', async () => {
    const { all, queueFor } = queues();
    await publishInOrder([intent('dispatch', 'd1')], queueFor, 1000);
    await publishInOrder([intent('dispatch', 'd1'), intent('dispatch', 'd1')], queueFor, 1000);
    expect(all.dispatch.jobs.size).toBe(1);
  });

  it('stops at the first failure and leaves that and every later intent for the next pass', async () => {
    const { all, queueFor } = queues();
    const rows = [intent('dispatch', 'd1'), intent('sla', 's1'), intent('sla', 's1', 'remove'), intent('dispatch', 'd2')];
    all.sla.failNext = new Error('Connection is closed.');
    const result = await publishInOrder(rows, queueFor, 1000);
    // The dispatch run went through; the sla add failed, so the withdrawal and the later add wait.
    expect(result.done).toEqual([rows[0].id]);
    expect(result.failure).toEqual({
      ids: [rows[1].id, rows[2].id, rows[3].id],
      firstId: rows[1].id,
      message: 'Connection is closed.',
    });
    expect(all.sla.calls).toEqual(['sla.addBulk(s1)']);
  });

  it('counts a Redis that does not answer in time as a failure', async () => {
    const rows = [intent('dispatch', 'd1')];
    const silent: PublishQueue = { addBulk: () => new Promise(() => undefined), remove: () => new Promise(() => undefined) };
    const result = await publishInOrder(rows, () => silent, 50);
    expect(result.done).toEqual([]);
    expect(result.failure?.ids).toEqual([rows[0].id]);
  });

  it('leaves an intent for an unknown queue pending with the reason', async () => {
    const rows = [{ ...intent('dispatch', 'x1'), queue: 'mail' as QueueName }];
    const result = await publishInOrder(rows, () => undefined, 1000);
    expect(result.failure).toMatchObject({ firstId: rows[0].id, message: 'unknown queue mail' });
  });
});
