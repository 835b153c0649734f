import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { NotificationDeliveryService, type DeliveryOutcome } from '@hotline/notify';
import { JobPayload, QUEUE_SETTINGS } from '@hotline/queues';

/**
 * Consumes the `notify` queue. A failed webhook throws, so BullMQ retries it with exponential backoff;
 * on the last attempt the delivery service settles for the inbox instead of failing the job.
 */
@Processor('notify', {
  concurrency: QUEUE_SETTINGS.notify.concurrency,
  lockDuration: QUEUE_SETTINGS.notify.lockDurationMs,
})
export class NotifyProcessor extends WorkerHost {
  constructor(private readonly delivery: NotificationDeliveryService) {
    super();
  }

  async process(job: Job): Promise<DeliveryOutcome> {
    if (job.name !== 'deliver-notification') throw new Error(`notify queue: no handler for job "${job.name}"`);
    const { notificationId } = job.data as JobPayload<'deliver-notification'>;
    const attempts = job.opts.attempts ?? 1;
    return this.delivery.deliver(notificationId, { lastAttempt: job.attemptsMade + 1 >= attempts });
  }
}
