import type { JobsOptions } from 'bullmq';
import { QUEUE_SETTINGS, QueueName } from './queue-catalog';

/**
 * The retry and retention options every job of a queue gets, from QUEUE_SETTINGS. Whoever adds jobs
 * (the outbox relay) and whoever registers the queue must use the same: a job added without them gets
 * BullMQ's default of one attempt, so a single database blip would fail it for good.
 */
export function jobOptionsFor(name: QueueName): JobsOptions {
  const settings = QUEUE_SETTINGS[name];
  return {
    attempts: settings.attempts,
    backoff: { type: 'exponential', delay: settings.backoffMs },
    removeOnComplete: { age: settings.keepCompletedSeconds },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}
