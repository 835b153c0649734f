import { Injectable } from '@nestjs/common';
import type { QueueHandlers } from '@hotline/queues';
import { StatsProjectorService } from '@hotline/stats';

/** Handles the `stats` queue: re-derives a case's figures and its rollup cells after each committed change. */
@Injectable()
export class StatsProcessor {
  readonly handlers: QueueHandlers<'stats'> = {
    'project-case-stats': (payload) => this.projector.project(payload.caseId),
  };

  constructor(private readonly projector: StatsProjectorService) {}
}
