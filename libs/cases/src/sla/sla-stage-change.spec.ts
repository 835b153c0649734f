import { addWorkingTime, computeStageDeadline, createWorkingCalendar, type SlaPolicy } from '@hotline/sla';
import { slaPolicyFixture } from '../../../../test/support/sla-policy';
import { slaStageChange, type SlaStageInput } from './sla-stage-change';

const calendar = createWorkingCalendar();
const policy: SlaPolicy = slaPolicyFixture();
const dispatchedAt = new Date('2026-09-29T10:00:00+08:00');
const now = new Date('2026-09-30T09:00:00+08:00');
const none = { stage: null, deadline: null, warnAt: null };
const input = (events: SlaStageInput['events'], current: SlaStageInput['current'] = none): SlaStageInput => ({
  events,
  current,
  dispatchedAt,
  now,
  policy,
  calendar,
});

describe('slaStageChange', () => {
  it('starts the accept stage at dispatch', () => {
    expect(slaStageChange(input([{ type: 'dispatched' }]))).toEqual({
      kind: 'start',
      stage: 'accept',
      startedAt: now,
      ...computeStageDeadline(policy, 'accept', now, calendar),
      reason: 'dispatched',
    });
  });

  it('counts the reply stage from the dispatch, not from the acceptance', () => {
    const change = slaStageChange(input([{ type: 'accepted' }], { stage: 'accept', deadline: now, warnAt: now }));
    expect(change).toMatchObject({ kind: 'start', stage: 'reply', startedAt: dispatchedAt });
    expect(change).toMatchObject(computeStageDeadline(policy, 'reply', dispatchedAt, calendar));
  });

  it('keeps the reply stage a reopen started when the case is accepted again', () => {
    const reply = computeStageDeadline(policy, 'reply', now, calendar);
    expect(slaStageChange(input([{ type: 'accepted' }], { stage: 'reply', ...reply }))).toBeNull();
  });

  it('moves the reply deadline and warning by the approved working days across National Day', () => {
    const reply = computeStageDeadline(policy, 'reply', dispatchedAt, calendar);
    const change = slaStageChange(input([{ type: 'extensionApproved', data: { days: 3 } }], { stage: 'reply', ...reply }));
    expect(change).toMatchObject({
      kind: 'start',
      stage: 'reply',
      deadline: addWorkingTime(reply.deadline, 3, 'workingDays', calendar),
      warnAt: addWorkingTime(reply.warnAt, 3, 'workingDays', calendar),
      reason: 'extensionApproved',
      unit: 'workingDays',
      calendar: 'official',
    });
  });

  it('ends the callback stage and starts a new reply stage on an unsatisfied callback', () => {
    expect(slaStageChange(input([{ type: 'calledBack' }, { type: 'reopened' }]))).toMatchObject({
      kind: 'start',
      stage: 'reply',
      startedAt: now,
      reason: 'reopened',
    });
    expect(slaStageChange(input([{ type: 'calledBack' }, { type: 'closed' }]))).toEqual({ kind: 'end', reason: 'closed' });
  });

  it('leaves the stage alone for events that do not touch it', () => {
    expect(slaStageChange(input([{ type: 'progressNoted' }, { type: 'urged' }]))).toBeNull();
  });
});
