import { Processor } from '@nestjs/bullmq';
import { DelayedError, type Job } from 'bullmq';
import { SlaMonitorService, SuspensionResumerService, type ResumeOutcome, type SlaCheckOutcome } from '@hotline/cases';
import { type JobOf, type QueueHandlers, runJob, type SlaTimerPayload } from '@hotline/queues';
import { consumerOptions, LoggedWorkerHost } from '../consumers/logged-worker-host';

/**
 * Consumes the `sla` queue: a warning or breach timer fires and the monitor records it (a suspension's
 * maximum fires and the clock resumes, SuspensionResumerService), unless the
 * stage has ended or moved meanwhile (a timer that escaped withdrawal finds its deadline row ended). A
 * timer that fires before its time (clocks of hosts disagree) is put back until then.
 */
@Processor('sla', consumerOptions('sla'))
export class SlaTimerProcessor extends LoggedWorkerHost {
  readonly handlers: QueueHandlers<'sla'> = {
    'sla-breach': (payload, job, token) =>
      this.fire(job, token, () => this.monitor.recordBreach(payload.caseId, payload.stage, deadlineOf(payload), 'timer')),
    'sla-warning': (payload, job, token) =>
      this.fire(job, token, () => this.monitor.recordWarning(payload.caseId, payload.stage, deadlineOf(payload), 'timer')),
    'sla-resume': (payload, job, token) =>
      this.fire(job, token, () => this.resumer.resumeIfDue(payload.caseId, payload.suspensionId)),
  };

  constructor(
    private readonly monitor: SlaMonitorService,
    private readonly resumer: SuspensionResumerService,
  ) {
    super();
  }

  process(job: Job, token?: string): Promise<unknown> {
    return runJob('sla', this.handlers, job, token);
  }

  private async fire(
    job: JobOf<'sla-breach' | 'sla-warning' | 'sla-resume'>,
    token: string | undefined,
    record: () => Promise<SlaCheckOutcome | ResumeOutcome>,
  ): Promise<SlaCheckOutcome | ResumeOutcome> {
    const result = await record();
    if (result.outcome === 'notDue' && token) {
      await job.moveToDelayed(result.dueAt.getTime(), token);
      throw new DelayedError();
    }
    return result;
  }
}

const deadlineOf = (payload: SlaTimerPayload): Date => new Date(payload.deadline);
