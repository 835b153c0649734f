import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { bullPrefix, jobIdFor, jobOptionsFor, QUEUE_NAMES, type QueueName, redisOptionsFromUrl } from '@hotline/queues';
import { dropDatabase, ensureDatabase, migrate, seed, withDatabase } from '@hotline/devstack';
import { RunningWorker, spawnApp, startWorker, waitFor } from '@hotline/testing';
import { QueueConsumers } from '../../apps/worker/src/consumers/queue-consumers.service';

/**
 * WORKER_QUEUES chooses the queues a worker process consumes: a worker told `dispatch` runs dispatch jobs
 * and leaves every other queue to the workers that consume it. Runs under its own Redis prefix, so the
 * queues hold only this suite's jobs and workers, and on its own database: a worker's outbox relay
 * publishes every pending intent of its database into its own prefix, so on the run's database it would
 * take other suites' jobs away from their workers (seen as a statistics rollup that never caught up).
 */
describe('a worker started with WORKER_QUEUES=dispatch', () => {
  const prefix = `queues-${process.pid}-${Date.now().toString(36)}`;
  const queues = new Map<QueueName, Queue>();
  let worker: RunningWorker | null = null;
  const serverUrl = process.env.TEST_POSTGRES_SERVER_URL!;
  const database = `${process.env.TEST_DATABASE_NAME!}_queues`;
  const databaseUrl = withDatabase(serverUrl, database);

  beforeAll(async () => {
    await ensureDatabase(serverUrl, database);
    await migrate(databaseUrl);
    await seed(databaseUrl, { onlyIfEmpty: false, includeDemoUsers: false, demoPassword: 'hotline365' });
    for (const name of QUEUE_NAMES)
      queues.set(name, new Queue(name, { connection: redisOptionsFromUrl(process.env.REDIS_URL!), prefix: bullPrefix(prefix) }));
  });
  afterAll(async () => {
    await worker?.close();
    for (const queue of queues.values()) {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
    await dropDatabase(serverUrl, database);
  });

  it('consumes the dispatch queue and no other', async () => {
    // Queued before the worker starts: a stats job, and a dispatch job for a case that does not exist (routing skips it).
    const statsPayload = { caseId: randomUUID(), eventId: '1' };
    const statsJobId = jobIdFor('project-case-stats', statsPayload);
    await queues.get('stats')!.add('project-case-stats', statsPayload, { ...jobOptionsFor('stats'), jobId: statsJobId });
    const routePayload = { caseId: randomUUID(), version: 1 };
    const routeJobId = jobIdFor('route-case', routePayload);
    await queues.get('dispatch')!.add('route-case', routePayload, { ...jobOptionsFor('dispatch'), jobId: routeJobId });

    worker = await startWorker({
      overrides: { DATABASE_URL: databaseUrl, REDIS_PREFIX: prefix, WORKER_QUEUES: 'dispatch', SLA_SWEEP_MS: '0' },
    });
    expect(worker.get(QueueConsumers).consumedQueues()).toEqual(['dispatch']);

    await waitFor(
      async () => ((await queues.get('dispatch')!.getJobState(routeJobId)) === 'completed' ? true : undefined),
      30_000,
      'the dispatch job to complete',
    );
    expect(await queues.get('dispatch')!.getWorkersCount()).toBeGreaterThan(0);
    for (const name of QUEUE_NAMES.filter((queue) => queue !== 'dispatch'))
      expect({ name, workers: await queues.get(name)!.getWorkersCount() }).toEqual({ name, workers: 0 });
    // The stats job, queued before the dispatch job that already ran, is still waiting for a stats worker.
    expect(await queues.get('stats')!.getJobState(statsJobId)).toBe('waiting');
  });

  it('refuses to start, naming it, when WORKER_QUEUES names a queue that does not exist', async () => {
    const refused = spawnApp('worker', {
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      REDIS_PREFIX: prefix,
      WORKER_QUEUES: 'dispatch,dispatcher',
    });
    const exitCode =
      refused.process.exitCode ??
      (await new Promise<number | null>((resolve) => refused.process.once('exit', (code) => resolve(code))));
    expect(exitCode).toBe(78);
    expect(refused.output()).toContain('worker cannot start');
    expect(refused.output()).toContain(
      'WORKER_QUEUES: unknown queue "dispatcher" (the queues are dispatch, sla, notify, stats, upstream)',
    );
  });
});
