import type { Job } from 'bullmq';
import { type JobName, type JobNameOf, jobNamesOf, type JobPayload, type QueueName } from './queue-catalog';

/** A job as its handler sees it: the BullMQ job with its payload typed by its name. */
export type JobOf<N extends JobName> = Job<JobPayload<N>, unknown, N>;

/**
 * Runs one job. `token` is the worker's lock token, for a handler that moves its job (a timer that fired
 * early goes back to delayed). What it returns becomes the job's return value.
 */
export type JobHandler<N extends JobName> = (
  payload: JobPayload<N>,
  job: JobOf<N>,
  token: string | undefined,
) => Promise<unknown>;

/** Exactly one handler for each job of queue Q: a missing or an unknown name does not compile. */
export type QueueHandlers<Q extends QueueName> = { readonly [N in JobNameOf<Q>]: JobHandler<N> };

/** The worker's whole handler table, queue by queue. */
export type WorkerHandlers = { readonly [Q in QueueName]: QueueHandlers<Q> };

/** A queue this worker consumes carries a job that has no handler: the worker must not start. */
export class JobsWithoutHandler extends Error {
  constructor(readonly missing: ReadonlyArray<{ queue: QueueName; job: JobName }>) {
    super(`no handler for ${missing.map((m) => `job "${m.job}" of queue "${m.queue}"`).join(', ')}`);
    this.name = 'JobsWithoutHandler';
  }
}

/**
 * The start-up check (the compiler already demands the table, but a table assembled at run time can
 * still lose an entry): every job that the consumed queues carry has a handler, or JobsWithoutHandler
 * names each one that does not.
 */
export function assertEveryJobHandled(queues: readonly QueueName[], handlers: WorkerHandlers): void {
  const missing = queues.flatMap((queue) =>
    jobNamesOf(queue)
      .filter((job) => typeof handlerOf(handlers[queue], job) !== 'function')
      .map((job) => ({ queue, job })),
  );
  if (missing.length > 0) throw new JobsWithoutHandler(missing);
}

/**
 * Runs a job taken from queue Q through its handler. A job name the table does not know (work queued
 * by another version) fails, so that it shows as failed instead of vanishing.
 */
export function runJob<Q extends QueueName>(queue: Q, handlers: QueueHandlers<Q>, job: Job, token?: string): Promise<unknown> {
  const handler = handlerOf(handlers, job.name);
  if (typeof handler !== 'function') return Promise.reject(new Error(`${queue} queue: no handler for job "${job.name}"`));
  // The one place a job from Redis meets its type: its name chose the handler, and the name fixes the payload.
  return (handler as JobHandler<JobName>)(job.data as JobPayload<JobName>, job as JobOf<JobName>, token);
}

/** The table's own entry only: a name such as "constructor" or "__proto__" never finds an inherited member. */
function handlerOf(handlers: object, name: string): unknown {
  return Object.hasOwn(handlers, name) ? (handlers as Record<string, unknown>)[name] : undefined;
}
