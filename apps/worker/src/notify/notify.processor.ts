import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { NotificationDeliveryService, type DeliveryOutcome } from '@hotline/notify';
import { type JobOf, type JobPayload, type QueueHandlers, runJob } from '@hotline/queues';
import { consumerOptions, LoggedWorkerHost } from '../consumers/logged-worker-host';

/**
 * Consumes the `notify` queue. A failed webhook throws, so BullMQ retries it with exponential backoff;
 * on the last attempt the delivery service settles for the inbox instead of failing the job.
 */
@Processor('notify', consumerOptions('notify'))
export class NotifyProcessor extends LoggedWorkerHost {
  readonly handlers: QueueHandlers<'notify'> = {
    'deliver-notification': (payload, job) => this.deliver(payload, job),
  };

  constructor(private readonly delivery: NotificationDeliveryService) {
    super();
  }

  process(job: Job, token?: string): Promise<unknown> {
    return runJob('notify', this.handlers, job, token);
  }

  private deliver(
    { notificationId }: JobPayload<'deliver-notification'>,
    job: JobOf<'deliver-notification'>,
  ): Promise<DeliveryOutcome> {
    const attempts = job.opts.attempts ?? 1;
    return this.delivery.deliver(notificationId, { lastAttempt: job.attemptsMade + 1 >= attempts });
  }
}
