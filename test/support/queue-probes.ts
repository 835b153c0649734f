import { Queue } from 'bullmq';
import type { Client } from 'pg';
import { bullPrefix, jobIdFor, type QueueName, redisOptionsFromUrl } from '@hotline/queues';
import { waitFor } from './harness';

/** Where the queues are: the run's Redis and prefix unless a test runs its own (a private redis-server). */
export interface QueueLocation {
  redisUrl: string;
  redisPrefix: string;
}

const runQueues = (): QueueLocation => ({ redisUrl: process.env.REDIS_URL!, redisPrefix: process.env.REDIS_PREFIX! });

/** One queue, opened for one probe and closed after it. */
async function withQueue<T>(name: QueueName, use: (queue: Queue) => Promise<T>, at: QueueLocation = runQueues()): Promise<T> {
  const queue = new Queue(name, { connection: redisOptionsFromUrl(at.redisUrl), prefix: bullPrefix(at.redisPrefix) });
  try {
    return await use(queue);
  } finally {
    await queue.close();
  }
}

/**
 * Waits until the job `jobId` has run to completion in a worker: the observable fact that a job has
 * acted. Tests then read what it did from the database, not from the job's return value.
 */
export async function completedJob(name: QueueName, jobId: string, timeoutMs = 30_000): Promise<void> {
  await withQueue(name, (queue) =>
    waitFor(
      async () => {
        const job = await queue.getJob(jobId);
        return job && (await job.getState()) === 'completed' ? true : undefined;
      },
      timeoutMs,
      `job ${jobId} on ${name} to complete`,
    ),
  );
}

/** The router has run for a freshly taken-in case (version 1): its job completed, whatever it decided. */
export function routingDone(caseId: string, timeoutMs = 30_000): Promise<void> {
  return completedJob('dispatch', jobIdFor('route-case', { caseId, version: 1 }), timeoutMs);
}

/**
 * Waits until nothing is left to route: every outbox intent due now is published and the dispatch queue
 * has no job waiting, running or retrying. Proves a negative ("the router never touched it") by a fact.
 */
export async function dispatchDrained(db: Client, timeoutMs = 30_000, at: QueueLocation = runQueues()): Promise<void> {
  await withQueue(
    'dispatch',
    (queue) =>
      waitFor(
        async () => {
          const { rows } = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL AND queue = 'dispatch'`,
          );
          if (rows[0].n > 0) return undefined;
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
          return Object.values(counts).every((n) => n === 0) ? true : undefined;
        },
        timeoutMs,
        'the outbox and the dispatch queue to drain',
      ),
    at,
  );
}
