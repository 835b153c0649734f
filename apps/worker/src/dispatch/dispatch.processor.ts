import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CaseRoutingService, RoutingOutcome } from '@hotline/routing';
import { type JobPayload, type QueueHandlers, runJob } from '@hotline/queues';
import { consumerOptions, LoggedWorkerHost } from '../consumers/logged-worker-host';

/** Consumes the `dispatch` queue: applies the routing rules to received cases. */
@Processor('dispatch', consumerOptions('dispatch'))
export class DispatchProcessor extends LoggedWorkerHost {
  private readonly logger = new Logger(DispatchProcessor.name);

  readonly handlers: QueueHandlers<'dispatch'> = {
    'route-case': (payload) => this.routeCase(payload),
  };

  constructor(private readonly routing: CaseRoutingService) {
    super();
  }

  process(job: Job, token?: string): Promise<unknown> {
    return runJob('dispatch', this.handlers, job, token);
  }

  private async routeCase(payload: JobPayload<'route-case'>): Promise<RoutingOutcome> {
    const outcome = await this.routing.routeCase(payload.caseId, payload.version);
    if (outcome.outcome === 'awaitingDispatcher') {
      this.logger.log({ caseId: payload.caseId }, 'no routing rule matched; the case waits for a dispatcher');
    }
    return outcome;
  }
}
