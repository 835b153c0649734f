import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { type QueueHandlers, runJob } from '@hotline/queues';
import { StatsProjectorService } from '@hotline/stats';
import { consumerOptions, LoggedWorkerHost } from '../consumers/logged-worker-host';

/** Consumes the `stats` queue: re-derives a case's figures and its rollup cells after each committed change. */
@Processor('stats', consumerOptions('stats'))
export class StatsProcessor extends LoggedWorkerHost {
  readonly handlers: QueueHandlers<'stats'> = {
    'project-case-stats': (payload) => this.projector.project(payload.caseId),
  };

  constructor(private readonly projector: StatsProjectorService) {
    super();
  }

  process(job: Job, token?: string): Promise<unknown> {
    return runJob('stats', this.handlers, job, token);
  }
}
