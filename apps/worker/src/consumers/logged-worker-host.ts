import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { WorkerOptions } from 'bullmq';
import { QUEUE_SETTINGS, type QueueName } from '@hotline/queues';

/**
 * What every processor passes to `@Processor`: its queue's concurrency and lock duration, and no autorun.
 * @nestjs/bullmq creates each worker while the module initialises, before WORKER_QUEUES and the handler
 * table are checked; QueueConsumers then runs the consumed queues' workers only.
 */
export function consumerOptions(queue: QueueName): Partial<WorkerOptions> {
  return {
    autorun: false,
    concurrency: QUEUE_SETTINGS[queue].concurrency,
    lockDuration: QUEUE_SETTINGS[queue].lockDurationMs,
  };
}

/**
 * The base of every processor. @nestjs/bullmq's explorer scans the prototype chain for `@OnWorkerEvent`,
 * so each worker gets this listener right when it is created, before it runs.
 */
export abstract class LoggedWorkerHost extends WorkerHost {
  private readonly workerLogger = new Logger(this.constructor.name);

  // Connection losses and lost job locks (Redis restarts, a job's lock taken over after a stall) are
  // reported as 'error' events; an EventEmitter without a listener would throw them and end the process.
  // Logged instead: the connection heals by itself and stalled jobs run again.
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    const queue = this.worker.name;
    this.workerLogger.warn({ err: error, queue }, `${queue} worker error`);
  }
}
