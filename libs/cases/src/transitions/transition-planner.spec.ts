import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@hotline/errors';
import { computeStageDeadline, createWorkingCalendar, parseSlaPolicies, selectPolicy } from '@hotline/sla';
import type { CaseContext, CaseStatus } from '../state-machine';
import { assertVersion, planTransition, relationOf } from './transition-planner';
import type { GoverningPolicy, TransitionActor, TransitionInput, TransitionRow } from './transition-plan';

// The seeded policies every environment loads, not a copy of them.
const policies = parseSlaPolicies(JSON.parse(readFileSync(join(__dirname, '../../../../seeds/sla-policies.json'), 'utf8')));
const calendar = createWorkingCalendar();
const policy = selectPolicy(policies, { kind: 'complaint', categoryCode: null, priority: 'normal' });
const governing: GoverningPolicy = { policy, calendar };

const now = new Date('2026-11-24T03:00:00Z'); // a Tuesday, 11:00 in the district
const replyDeadline = new Date('2026-11-27T10:00:00Z');
const row: TransitionRow = {
  id: 'case-1',
  caseNo: 'XG20261122000123',
  status: 'received',
  version: 4,
  kind: 'complaint',
  leadDepartmentId: 'dept-lead',
  assistingDepartmentIds: [],
  dispatchedAt: null,
  priority: 'normal',
  categoryCode: null,
  slaStage: null,
  slaDeadline: null,
  slaWarnAt: null,
  deadlineCaps: null,
  reviewByLead: false,
  reviewByCentre: false,
};
const contextOf = (status: CaseStatus): CaseContext => ({
  status,
  kind: 'complaint',
  withinReturnWindow: true,
  pendingExtension: false,
  extensionCount: 0,
  maxExtensions: 2,
  callbackAttempts: 0,
  maxCallbackAttempts: 3,
});
const inputOf = (changes: Partial<TransitionRow>, options: { governing?: GoverningPolicy } = {}): TransitionInput => {
  const caseRow = { ...row, ...changes };
  return {
    caseId: 'case-1',
    row: caseRow,
    relation: 'lead',
    context: contextOf(caseRow.status),
    governing: options.governing === undefined ? governing : options.governing,
    now,
  };
};
const dispatcher: TransitionActor = { id: 'user-d', name: 'Zhao', role: 'dispatcher', departmentId: null };
const staff: TransitionActor = { id: 'user-s', name: 'Wang', role: 'departmentStaff', departmentId: 'dept-lead' };

function refusalOf(run: () => unknown): { kind: string; code: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, code: error.code };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('planTransition', () => {
  it('plans a dispatch: the new departments, the accept stage under the case policy, its timers, the new lead told', () => {
    const plan = planTransition(
      inputOf({}),
      { command: { action: 'dispatch', leadDepartmentId: 'dept-new' }, note: 'matched rule R12', data: { ruleCode: 'R12' } },
      dispatcher,
    );
    const accept = computeStageDeadline(policy, 'accept', now, calendar);
    expect(plan).toMatchObject({
      caseId: 'case-1',
      version: 4,
      fromStatus: 'received',
      toStatus: 'dispatched',
      events: ['dispatched'],
    });
    expect(plan.columns).toEqual([
      { column: 'lead_department_id', value: { bind: 'dept-new' } },
      { column: 'assisting_department_ids', value: { bind: [] } },
      { column: 'dispatched_at', value: { bind: now } },
      { column: 'assignee_id', value: { sql: 'NULL' } },
      { column: 'sla_stage', value: { bind: 'accept' } },
      { column: 'sla_deadline', value: { bind: accept.deadline } },
      { column: 'sla_warn_at', value: { bind: accept.warnAt } },
    ]);
    expect(plan.sla?.change).toMatchObject({ kind: 'start', stage: 'accept', policyCode: 'default', startedAt: now });
    const payload = { caseId: 'case-1', stage: 'accept', deadline: accept.deadline.toISOString() };
    expect(plan.sla?.timers).toEqual({
      withdraw: [],
      schedule: [
        { name: 'sla-warning', payload, runAt: accept.warnAt },
        { name: 'sla-breach', payload, runAt: accept.deadline },
      ],
    });
    expect(plan.history).toEqual([
      expect.objectContaining({
        type: 'dispatched',
        fromStatus: 'received',
        toStatus: 'dispatched',
        note: 'matched rule R12',
        data: expect.objectContaining({ ruleCode: 'R12' }) as unknown,
      }),
    ]);
    expect(plan.notifications.map((n) => [n.type, n.recipient])).toEqual([
      ['caseDispatched', { kind: 'department', departmentId: 'dept-new' }],
    ]);
    expect(plan.sideWrites).toEqual([]);
  });

  it('plans a reply by the lead department: its department on the event, the callback stage replacing the reply stage', () => {
    const running = { slaStage: 'reply' as const, slaDeadline: replyDeadline, slaWarnAt: new Date('2026-11-26T10:00:00Z') };
    const plan = planTransition(
      inputOf({ status: 'accepted', dispatchedAt: new Date('2026-11-20T02:00:00Z'), ...running }),
      { command: { action: 'reply' }, note: 'fixed', data: { result: 'fixed' } },
      staff,
    );
    expect(plan.toStatus).toBe('replied');
    expect(plan.history[0]).toMatchObject({
      type: 'replied',
      note: 'fixed',
      data: { departmentId: 'dept-lead', result: 'fixed' },
    });
    expect(plan.sla?.change).toMatchObject({ kind: 'start', stage: 'callback', startedAt: now });
    const old = { caseId: 'case-1', stage: 'reply', deadline: replyDeadline.toISOString() };
    expect(plan.sla?.timers.withdraw).toEqual([
      { name: 'sla-warning', payload: old },
      { name: 'sla-breach', payload: old },
    ]);
  });

  it("plans a return: the machine's note wins over the request's, the stage ends, the counter moves, dispatchers are told", () => {
    const plan = planTransition(
      inputOf({ status: 'dispatched', slaStage: 'accept', slaDeadline: replyDeadline, slaWarnAt: replyDeadline }),
      { command: { action: 'return', reason: ' not ours ' }, note: 'request note', data: { reason: 'not ours' } },
      staff,
    );
    expect(plan.toStatus).toBe('returned');
    expect(plan.history[0]).toMatchObject({
      type: 'returned',
      note: 'not ours',
      data: { departmentId: 'dept-lead', reason: 'not ours' },
    });
    expect(plan.columns).toEqual([
      { column: 'returns_count', value: { sql: 'returns_count + 1' } },
      { column: 'sla_stage', value: { sql: 'NULL' } },
      { column: 'sla_deadline', value: { sql: 'NULL' } },
      { column: 'sla_warn_at', value: { sql: 'NULL' } },
    ]);
    expect(plan.sla?.change).toEqual({ kind: 'end', reason: 'returned' });
    expect(plan.sla?.timers.schedule).toEqual([]);
    expect(plan.notifications.map((n) => [n.type, n.recipient])).toEqual([
      ['caseReturned', { kind: 'role', role: 'dispatcher' }],
    ]);
  });

  it('leaves the SLA stage alone when no policies are loaded', () => {
    const plan = planTransition(
      inputOf({}, { governing: null }),
      { command: { action: 'dispatch', leadDepartmentId: 'd' } },
      dispatcher,
    );
    expect(plan.sla).toBeNull();
    expect(plan.columns.map((c) => c.column)).not.toContain('sla_stage');
  });

  it("keeps the action's columns and rows besides the case in the plan", () => {
    const sideWrite = {
      kind: 'recordMergeOnTarget' as const,
      targetCaseId: 'case-0',
      targetCaseNo: 'XG1',
      mergedCaseId: 'case-1',
      mergedCaseNo: row.caseNo,
      actor: dispatcher,
    };
    const plan = planTransition(
      inputOf({ status: 'dispatched' }),
      {
        command: { action: 'merge', target: { sameCase: false, open: true, sameConfidentiality: true } },
        effects: [{ column: 'merged_into_id', value: { bind: 'case-0' } }],
        sideWrites: [sideWrite],
      },
      { ...dispatcher, role: 'supervisor' },
    );
    expect(plan.toStatus).toBe('merged');
    expect(plan.columns).toContainEqual({ column: 'merged_into_id', value: { bind: 'case-0' } });
    expect(plan.sideWrites).toEqual([sideWrite]);
  });

  it("throws the machine's refusal, by role (403) and by status (409), before anything is planned", () => {
    expect(
      refusalOf(() => planTransition(inputOf({ status: 'dispatched' }), { command: { action: 'accept' } }, dispatcher)),
    ).toEqual({ kind: 'forbidden', code: 'RoleForbidsAction' });
    expect(refusalOf(() => planTransition(inputOf({ status: 'received' }), { command: { action: 'accept' } }, staff))).toEqual({
      kind: 'conflict',
      code: 'StatusForbidsAction',
    });
  });
});

describe('assertVersion', () => {
  it('refuses a case changed since the version the actor saw (409) and passes when none was given', () => {
    expect(refusalOf(() => assertVersion(row, 3))).toEqual({ kind: 'conflict', code: 'CaseVersionChanged' });
    expect(() => assertVersion(row, 4)).not.toThrow();
    expect(() => assertVersion(row, undefined)).not.toThrow();
  });
});

describe('relationOf', () => {
  it('tells the lead department from an assisting one and from any other', () => {
    const caseRow = { ...row, assistingDepartmentIds: ['dept-assist'] };
    expect(relationOf(staff, caseRow)).toBe('lead');
    expect(relationOf({ ...staff, departmentId: 'dept-assist' }, caseRow)).toBe('assisting');
    expect(relationOf({ ...staff, departmentId: 'dept-other' }, caseRow)).toBe('none');
    expect(relationOf(dispatcher, caseRow)).toBe('none');
  });
});
