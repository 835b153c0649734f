import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Worker } from 'bullmq';
import { AppConfig } from '@hotline/config';
import {
  assertEveryJobHandled,
  bullPrefix,
  QUEUE_SETTINGS,
  type QueueName,
  queuesToConsume,
  redisOptionsFromUrl,
  runJob,
  type WorkerHandlers,
} from '@hotline/queues';
import { WORKER_HANDLERS } from './worker-handlers.provider';

/**
 * Starts one BullMQ worker for each queue this process consumes (WORKER_QUEUES, default all), each
 * running its jobs through the handler table. Refuses to start, before any connection, when a consumed
 * queue carries a job without a handler, or WORKER_QUEUES names no queue.
 */
@Injectable()
export class QueueConsumers implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueConsumers.name);
  private readonly workers: Worker[] = [];

  constructor(
    private readonly config: AppConfig,
    @Inject(WORKER_HANDLERS) private readonly handlers: WorkerHandlers,
  ) {}

  onModuleInit(): void {
    const queues = queuesToConsume(this.config.WORKER_QUEUES);
    assertEveryJobHandled(queues, this.handlers);
    for (const queue of queues) this.workers.push(this.consume(queue));
    this.logger.log({ queues }, 'consuming queues');
  }

  /** The queues this process consumes (tests read it). */
  consumedQueues(): QueueName[] {
    return this.workers.map((worker) => worker.name as QueueName);
  }

  private consume<Q extends QueueName>(queue: Q): Worker {
    const handlers = this.handlers[queue];
    const worker = new Worker(queue, (job, token) => runJob(queue, handlers, job, token), {
      connection: redisOptionsFromUrl(this.config.REDIS_URL),
      prefix: bullPrefix(this.config.REDIS_PREFIX),
      concurrency: QUEUE_SETTINGS[queue].concurrency,
      lockDuration: QUEUE_SETTINGS[queue].lockDurationMs,
    });
    // Connection losses and lost job locks (Redis restarts, a job's lock taken over after a stall) are
    // reported as 'error' events; an EventEmitter without a listener would throw them and end the process.
    // Logged instead: the connection heals by itself and stalled jobs run again.
    worker.on('error', (error) => this.logger.warn({ err: error, queue }, `${queue} worker error`));
    return worker;
  }

  /** Before the database and the relay close: active jobs finish (or are released) while both are still there. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}
