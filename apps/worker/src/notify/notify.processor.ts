import { Injectable } from '@nestjs/common';
import { NotificationDeliveryService, type DeliveryOutcome } from '@hotline/notify';
import type { JobOf, JobPayload, QueueHandlers } from '@hotline/queues';

/**
 * Handles the `notify` queue. A failed webhook throws, so BullMQ retries it with exponential backoff;
 * on the last attempt the delivery service settles for the inbox instead of failing the job.
 */
@Injectable()
export class NotifyProcessor {
  readonly handlers: QueueHandlers<'notify'> = {
    'deliver-notification': (payload, job) => this.deliver(payload, job),
  };

  constructor(private readonly delivery: NotificationDeliveryService) {}

  private deliver(
    { notificationId }: JobPayload<'deliver-notification'>,
    job: JobOf<'deliver-notification'>,
  ): Promise<DeliveryOutcome> {
    const attempts = job.opts.attempts ?? 1;
    return this.delivery.deliver(notificationId, { lastAttempt: job.attemptsMade + 1 >= attempts });
  }
}
