import { Injectable, Logger } from '@nestjs/common';
import { CaseRoutingService, RoutingOutcome } from '@hotline/routing';
import type { JobPayload, QueueHandlers } from '@hotline/queues';

/** Handles the `dispatch` queue: applies the routing rules to received cases. */
@Injectable()
export class DispatchProcessor {
  private readonly logger = new Logger(DispatchProcessor.name);

  readonly handlers: QueueHandlers<'dispatch'> = {
    'route-case': (payload) => this.routeCase(payload),
  };

  constructor(private readonly routing: CaseRoutingService) {}

  private async routeCase(payload: JobPayload<'route-case'>): Promise<RoutingOutcome> {
    const outcome = await this.routing.routeCase(payload.caseId, payload.version);
    if (outcome.outcome === 'awaitingDispatcher') {
      this.logger.log({ caseId: payload.caseId }, 'no routing rule matched; the case waits for a dispatcher');
    }
    return outcome;
  }
}
