import { jobIdFor } from '@hotline/queues';
import { timerPlanFor } from './sla-timers';

const caseId = '6f1c1c7e-8c7d-4a51-9d7e-5d3c2b1a0f9e';
const at = (iso: string) => new Date(iso);

describe('timerPlanFor', () => {
  it('schedules a warning and a breach timer for a stage that starts on a case without one', () => {
    const plan = timerPlanFor(
      caseId,
      { stage: null, deadline: null },
      {
        kind: 'start',
        stage: 'accept',
        startedAt: at('2026-11-23T01:00:00Z'),
        deadline: at('2026-11-24T01:00:00Z'),
        warnAt: at('2026-11-23T19:00:00Z'),
        reason: 'dispatched',
        unit: 'workingDays',
        calendar: 'official',
      },
    );
    expect(plan.withdraw).toEqual([]);
    expect(plan.schedule).toEqual([
      {
        name: 'sla-warning',
        payload: { caseId, stage: 'accept', deadline: '2026-11-24T01:00:00.000Z' },
        runAt: at('2026-11-23T19:00:00Z'),
      },
      {
        name: 'sla-breach',
        payload: { caseId, stage: 'accept', deadline: '2026-11-24T01:00:00.000Z' },
        runAt: at('2026-11-24T01:00:00Z'),
      },
    ]);
  });

  it('withdraws the running timers by the same ids it scheduled them under when the deadline moves', () => {
    const running = { stage: 'reply', deadline: at('2026-11-30T09:00:00Z') };
    const plan = timerPlanFor(caseId, running, {
      kind: 'start',
      stage: 'reply',
      startedAt: at('2026-11-25T01:00:00Z'),
      deadline: at('2026-12-04T09:00:00Z'),
      warnAt: at('2026-12-03T09:00:00Z'),
      reason: 'extensionApproved',
      unit: 'workingDays',
      calendar: 'official',
    });
    const scheduledBefore = timerPlanFor(
      caseId,
      { stage: null, deadline: null },
      {
        kind: 'start',
        stage: 'reply',
        startedAt: at('2026-11-23T01:00:00Z'),
        deadline: running.deadline,
        warnAt: at('2026-11-29T09:00:00Z'),
        reason: 'accepted',
        unit: 'workingDays',
        calendar: 'official',
      },
    );
    expect(plan.withdraw.map((t) => jobIdFor(t.name, t.payload))).toEqual(
      scheduledBefore.schedule.map((t) => jobIdFor(t.name, t.payload)),
    );
    expect(plan.schedule.map((t) => jobIdFor(t.name, t.payload))).toEqual([
      `sla-warning.${caseId}.reply.${Date.parse('2026-12-04T09:00:00Z')}`,
      `sla-breach.${caseId}.reply.${Date.parse('2026-12-04T09:00:00Z')}`,
    ]);
  });

  it('only withdraws when the stage ends, and has nothing to do without a change', () => {
    const running = { stage: 'callback', deadline: at('2026-11-24T09:30:00Z') };
    expect(timerPlanFor(caseId, running, { kind: 'end', reason: 'calledBack' })).toEqual({
      withdraw: [
        { name: 'sla-warning', payload: { caseId, stage: 'callback', deadline: '2026-11-24T09:30:00.000Z' } },
        { name: 'sla-breach', payload: { caseId, stage: 'callback', deadline: '2026-11-24T09:30:00.000Z' } },
      ],
      schedule: [],
    });
    expect(timerPlanFor(caseId, running, null)).toEqual({ withdraw: [], schedule: [] });
  });

  it('schedules no warning when the warning time is not before the deadline (calendar-clock emergencies with no warning share)', () => {
    const deadline = at('2026-11-23T01:15:00Z');
    const plan = timerPlanFor(
      caseId,
      { stage: null, deadline: null },
      {
        kind: 'start',
        stage: 'accept',
        startedAt: at('2026-11-23T01:00:00Z'),
        deadline,
        warnAt: deadline,
        reason: 'dispatched',
        unit: 'minutes',
        calendar: 'official',
      },
    );
    expect(plan.schedule.map((t) => t.name)).toEqual(['sla-breach']);
  });
});
