import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, type Job } from 'bullmq';
import { SlaMonitorService, type SlaCheckOutcome } from '@hotline/cases';
import { JobPayload, QUEUE_SETTINGS } from '@hotline/queues';

/**
 * Consumes the `sla` queue: a warning or breach timer fires and the monitor records it, unless the
 * stage has ended or moved meanwhile (a timer that escaped withdrawal finds its deadline row ended). A
 * timer that fires before its time (clocks of hosts disagree) is put back until then.
 */
@Processor('sla', {
  concurrency: QUEUE_SETTINGS.sla.concurrency,
  lockDuration: QUEUE_SETTINGS.sla.lockDurationMs,
})
export class SlaTimerProcessor extends WorkerHost {
  constructor(private readonly monitor: SlaMonitorService) {
    super();
  }

  async process(job: Job, token?: string): Promise<SlaCheckOutcome> {
    const payload = job.data as JobPayload<'sla-breach'>;
    const deadline = new Date(payload.deadline);
    let result: SlaCheckOutcome;
    switch (job.name) {
      case 'sla-breach':
        result = await this.monitor.recordBreach(payload.caseId, payload.stage, deadline, 'timer');
        break;
      case 'sla-warning':
        result = await this.monitor.recordWarning(payload.caseId, payload.stage, deadline, 'timer');
        break;
      default:
        throw new Error(`sla queue: no handler for job "${job.name}"`);
    }
    if (result.outcome === 'notDue' && token) {
      await job.moveToDelayed(result.dueAt.getTime(), token);
      throw new DelayedError();
    }
    return result;
  }
}
