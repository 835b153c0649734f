import { Injectable } from '@nestjs/common';
import { DelayedError } from 'bullmq';
import { SlaMonitorService, type SlaCheckOutcome } from '@hotline/cases';
import type { JobOf, QueueHandlers, SlaTimerPayload } from '@hotline/queues';

/**
 * Handles the `sla` queue: a warning or breach timer fires and the monitor records it, unless the
 * stage has ended or moved meanwhile (a timer that escaped withdrawal finds its deadline row ended). A
 * timer that fires before its time (clocks of hosts disagree) is put back until then.
 */
@Injectable()
export class SlaTimerProcessor {
  readonly handlers: QueueHandlers<'sla'> = {
    'sla-breach': (payload, job, token) =>
      this.fire(job, token, () => this.monitor.recordBreach(payload.caseId, payload.stage, deadlineOf(payload), 'timer')),
    'sla-warning': (payload, job, token) =>
      this.fire(job, token, () => this.monitor.recordWarning(payload.caseId, payload.stage, deadlineOf(payload), 'timer')),
  };

  constructor(private readonly monitor: SlaMonitorService) {}

  private async fire(
    job: JobOf<'sla-breach' | 'sla-warning'>,
    token: string | undefined,
    record: () => Promise<SlaCheckOutcome>,
  ): Promise<SlaCheckOutcome> {
    const result = await record();
    if (result.outcome === 'notDue' && token) {
      await job.moveToDelayed(result.dueAt.getTime(), token);
      throw new DelayedError();
    }
    return result;
  }
}

const deadlineOf = (payload: SlaTimerPayload): Date => new Date(payload.deadline);
