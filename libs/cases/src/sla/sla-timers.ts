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
}

const payloadOf = (caseId: string, stage: string, deadline: Date): JobPayload<'sla-breach'> => ({
  caseId,
  stage,
  deadline: deadline.toISOString(),
});

/**
 * The timer jobs a stage change needs (pure): the running stage's warning and breach timers are
 * withdrawn whenever the stage ends, moves or restarts, and a started stage gets a warning timer at its
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
  if (change.kind === 'start') {
    const next = payloadOf(caseId, change.stage, change.deadline);
    if (change.warnAt.getTime() < change.deadline.getTime())
      plan.schedule.push({ name: 'sla-warning', payload: next, runAt: change.warnAt });
    plan.schedule.push({ name: 'sla-breach', payload: next, runAt: change.deadline });
  }
  return plan;
}
