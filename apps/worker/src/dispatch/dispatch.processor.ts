import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CaseRoutingService, RoutingOutcome } from '@hotline/routing';
import { JobPayload, QUEUE_SETTINGS } from '@hotline/queues';

/** Consumes the `dispatch` queue: applies the routing rules to received cases. */
@Processor('dispatch', {
  concurrency: QUEUE_SETTINGS.dispatch.concurrency,
  lockDuration: QUEUE_SETTINGS.dispatch.lockDurationMs,
})
export class DispatchProcessor extends WorkerHost {
  private readonly logger = new Logger(DispatchProcessor.name);

  constructor(private readonly routing: CaseRoutingService) {
    super();
  }

  async process(job: Job): Promise<RoutingOutcome> {
    switch (job.name) {
      case 'route-case': {
        const payload = job.data as JobPayload<'route-case'>;
        const outcome = await this.routing.routeCase(payload.caseId, payload.version);
        if (outcome.outcome === 'awaitingDispatcher') {
          this.logger.log({ caseId: payload.caseId }, 'no routing rule matched; the case waits for a dispatcher');
        }
        return outcome;
      }
      default:
        // A job name this worker does not know would otherwise sit in the queue unnoticed.
        throw new Error(`dispatch queue: no handler for job "${job.name}"`);
    }
  }

  /** Connection losses and lost job locks (Redis restarts): logged, not thrown; stalled jobs run again. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn({ err: error }, 'dispatch worker error');
  }
}
