import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Worker } from 'bullmq';
import { AppConfig } from '@hotline/config';
import { assertEveryJobHandled, QUEUE_NAMES, type QueueName, queuesToConsume, type WorkerHandlers } from '@hotline/queues';
import { WORKER_HANDLERS, WORKER_HOSTS, type WorkerHosts } from './worker-handlers.provider';

/**
 * Runs the BullMQ worker of each queue this process consumes (WORKER_QUEUES, default all). The workers
 * are made by @nestjs/bullmq from the `@Processor` classes, all of them and without autorun, because the
 * processors are discovered once while WORKER_QUEUES is read from the configuration at run time. Refuses
 * to start, before any worker runs, when a consumed queue carries a job without a handler, or
 * WORKER_QUEUES names no queue.
 */
@Injectable()
export class QueueConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueConsumers.name);
  private consumed: QueueName[] = [];

  constructor(
    private readonly config: AppConfig,
    @Inject(WORKER_HANDLERS) private readonly handlers: WorkerHandlers,
    @Inject(WORKER_HOSTS) private readonly hosts: WorkerHosts,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const queues = queuesToConsume(this.config.WORKER_QUEUES);
    assertEveryJobHandled(queues, this.handlers);
    // A worker that will not run still holds Redis connections, named so that its queue counts it as a worker.
    // It never took a job, so nothing is lost by closing it at once.
    await Promise.all(QUEUE_NAMES.filter((queue) => !queues.includes(queue)).map((queue) => this.workerOf(queue).close(true)));
    for (const queue of queues) this.run(queue);
    this.consumed = queues;
    this.logger.log({ queues }, 'consuming queues');
  }

  /** The queues this process consumes (the WORKER_QUEUES end-to-end test reads it). */
  consumedQueues(): QueueName[] {
    return [...this.consumed];
  }

  private run(queue: QueueName): void {
    // run() settles only when the worker closes; a rejection (it could not start) is logged, not thrown.
    this.workerOf(queue)
      .run()
      .catch((error: unknown) => this.logger.error({ err: error, queue }, `${queue} worker stopped`));
  }

  private workerOf(queue: QueueName): Worker {
    return this.hosts[queue].worker;
  }

  /**
   * Before the database and the relay close (their onApplicationShutdown; @nestjs/bullmq would close its
   * workers only then too): active jobs finish (or are released) while both are still there.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(QUEUE_NAMES.map((queue) => this.workerOf(queue).close()));
  }
}
