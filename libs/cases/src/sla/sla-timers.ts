import type { JobPayload } from '@hotline/queues';
import type { SlaStageChange } from './sla-stage-change';

export interface RunningStage {
  stage: string | null;
  deadline: Date | null;
}

export interface TimerWithdrawal {
  name: 'sla-warning' | 'sla-breach';
  payload: JobPayload<'sla-warning'>;
}

export interface TimerSchedule extends TimerWithdrawal {
  runAt: Date;
}

export interface TimerPlan {
  withdraw: TimerWithdrawal[];
  schedule: TimerSchedule[];
  /** A suspension's end by the policy's maximum (挂起): the resume timer, beside the stage's timers. */
  resume?: { payload: JobPayload<'sla-resume'>; runAt: Date };
}

const payloadOf = (caseId: string, stage: string, deadline: Date): JobPayload<'sla-breach'> => ({
  caseId,
  stage,
  deadline: deadline.toISOString(),
});

/**
 * The timer jobs a stage change needs (pure): the running stage's warning and breach timers are
 * withdrawn whenever the stage ends, moves, restarts or is suspended (a suspended one gets the timer that
 * resumes it at the policy's maximum), and a started stage gets a warning timer at its
 * warning time (when that comes before the deadline) and a breach timer at its deadline. Timer ids come
 * from case, stage and deadline, so a withdrawal names exactly the timers that were scheduled.
 */
export function timerPlanFor(caseId: string, running: RunningStage, change: SlaStageChange | null): TimerPlan {
  const plan: TimerPlan = { withdraw: [], schedule: [] };
  if (!change) return plan;
  if (running.stage && running.deadline) {
    const old = payloadOf(caseId, running.stage, running.deadline);
    plan.withdraw.push({ name: 'sla-warning', payload: old }, { name: 'sla-breach', payload: old });
  }
  if (change.kind === 'pause') {
    plan.resume = { payload: { caseId, suspensionId: change.suspensionId }, runAt: change.resumeBy };
  }
  if (change.kind === 'start') {
    const next = payloadOf(caseId, change.stage, change.deadline);
    if (change.warnAt.getTime() < change.deadline.getTime())
      plan.schedule.push({ name: 'sla-warning', payload: next, runAt: change.warnAt });
    plan.schedule.push({ name: 'sla-breach', payload: next, runAt: change.deadline });
  }
  return plan;
}
