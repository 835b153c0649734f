import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { dispatchLagSeconds, type SlaCheckOutcome } from '@hotline/cases';
import { HotlineMetrics } from '@hotline/metrics';
import type { DeliveryOutcome } from '@hotline/notify';
import { QUEUE_NAMES, type QueueName } from '@hotline/queues';
import type { RoutingOutcome } from '@hotline/routing';
import { WORKER_HOSTS, type WorkerHosts } from '../consumers/worker-handlers.provider';
import { countJobFailed, countJobFinished } from './job-outcomes';

/**
 * Counts what the worker's jobs did by listening to each BullMQ worker's `completed` and `failed` events:
 * the processors and services stay as they are, and a listener's failure never fails a job. What each
 * job's result means for the metrics is `countJobFinished` (pure); the dispatch lag needs the case's
 * receipt time, one primary-key read after the job has finished.
 */
@Injectable()
export class JobMetricsObserver implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobMetricsObserver.name);

  constructor(
    @Inject(WORKER_HOSTS) private readonly hosts: WorkerHosts,
    private readonly metrics: HotlineMetrics,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    for (const queue of QUEUE_NAMES) {
      const worker = this.hosts[queue].worker;
      worker.on('completed', (job: Job, result: unknown) => this.completed(queue, job, result));
      worker.on('failed', () => countJobFailed(this.metrics, queue));
    }
  }

  private completed(queue: QueueName, job: Job, result: unknown): void {
    const lagOf = countJobFinished(this.metrics, queue, job, result as RoutingOutcome | SlaCheckOutcome | DeliveryOutcome);
    if (!lagOf) return;
    dispatchLagSeconds(this.dataSource, lagOf)
      .then((seconds) => {
        if (seconds !== undefined) this.metrics.dispatchLag.observe(Math.max(0, seconds));
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'dispatch lag not measured'));
  }
}
