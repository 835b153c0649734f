import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobPayload, QUEUE_SETTINGS } from '@hotline/queues';
import { StatsProjectorService } from '@hotline/stats';

/** Consumes the `stats` queue: re-derives a case's figures and its rollup cells after each committed change. */
@Processor('stats', {
  concurrency: QUEUE_SETTINGS.stats.concurrency,
  lockDuration: QUEUE_SETTINGS.stats.lockDurationMs,
})
export class StatsProcessor extends WorkerHost {
  constructor(private readonly projector: StatsProjectorService) {
    super();
  }

  async process(job: Job): Promise<string> {
    switch (job.name) {
      case 'project-case-stats': {
        const payload = job.data as JobPayload<'project-case-stats'>;
        return this.projector.project(payload.caseId);
      }
      default:
        throw new Error(`stats queue: no handler for job "${job.name}"`);
    }
  }
}
