import type { Job } from 'bullmq';
import type { SlaCheckOutcome } from '@hotline/cases';
import type { HotlineMetrics } from '@hotline/metrics';
import type { DeliveryOutcome } from '@hotline/notify';
import type { QueueName } from '@hotline/queues';
import type { RoutingOutcome } from '@hotline/routing';

/**
 * Counts one completed job by what its handler returned; answers the case id whose dispatch lag is to
 * be measured (a case just dispatched by the rules), else null.
 * - dispatch: one count per outcome (dispatched, awaitingDispatcher, skipped);
 * - sla: a warning or breach the timer recorded (a timer that found it already recorded, or the stage
 *   over, counts nothing: the sweep or an earlier delivery did);
 * - notify: `ok` by channel; `fallback` when the inbox took it after the last webhook attempt (the
 *   job's attempts are used up: `attemptsMade` counts this one by the time it completes).
 */
export function countJobFinished(
  metrics: HotlineMetrics,
  queue: QueueName,
  job: Pick<Job, 'name' | 'data' | 'attemptsMade' | 'opts'>,
  result: RoutingOutcome | SlaCheckOutcome | DeliveryOutcome | undefined,
): string | null {
  if (queue === 'dispatch' && result && typeof result === 'object' && 'outcome' in result) {
    metrics.dispatchJobs.inc({ outcome: result.outcome });
    return result.outcome === 'dispatched' ? (job.data as { caseId: string }).caseId : null;
  }
  if (queue === 'sla' && result && typeof result === 'object' && result.outcome === 'recorded') {
    (job.name === 'sla-breach' ? metrics.slaBreaches : metrics.slaWarnings).inc({ detected_by: 'timer' });
    return null;
  }
  if (queue === 'notify' && (result === 'webhook' || result === 'inbox')) {
    const attempts = job.opts.attempts ?? 1;
    const fellBack = result === 'inbox' && attempts > 1 && job.attemptsMade >= attempts;
    metrics.notificationDeliveries.inc({ outcome: fellBack ? 'fallback' : 'ok', channel: result });
  }
  return null;
}

/** Counts one failed job attempt: per queue, and for the notify queue a failed webhook delivery (retried later). */
export function countJobFailed(metrics: HotlineMetrics, queue: QueueName): void {
  metrics.jobFailures.inc({ queue });
  if (queue === 'notify') metrics.notificationDeliveries.inc({ outcome: 'failed', channel: 'webhook' });
}
