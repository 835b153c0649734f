import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { type JobOf, type JobPayload, type QueueHandlers, runJob } from '@hotline/queues';
import { type DeliveryOutcome, UpstreamDeliveryService } from '@hotline/upstream';
import { consumerOptions, LoggedWorkerHost } from '../consumers/logged-worker-host';

/**
 * Consumes the `upstream` queue: delivers an order's reports to its platform in seq order. A failed
 * delivery throws, so BullMQ retries it with exponential backoff; on the last attempt the order goes to
 * the dead-letter list instead of failing the job.
 */
@Processor('upstream', consumerOptions('upstream'))
export class UpstreamProcessor extends LoggedWorkerHost {
  readonly handlers: QueueHandlers<'upstream'> = {
    'deliver-upstream-report': (payload, job) => this.deliver(payload, job),
  };

  constructor(private readonly delivery: UpstreamDeliveryService) {
    super();
  }

  process(job: Job, token?: string): Promise<unknown> {
    return runJob('upstream', this.handlers, job, token);
  }

  private deliver(
    { orderId, seq }: JobPayload<'deliver-upstream-report'>,
    job: JobOf<'deliver-upstream-report'>,
  ): Promise<DeliveryOutcome> {
    const attempts = job.opts.attempts ?? 1;
    return this.delivery.deliver(orderId, seq, { lastAttempt: job.attemptsMade + 1 >= attempts });
  }
}
