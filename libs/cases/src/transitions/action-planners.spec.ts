import { DomainError } from '@hotline/errors';
import type { CaseActionRequest } from './case-action-request';
import { NO_LOOKUPS, planAction, type ActionLookups, type PlanningContext } from './action-planners';
import type { TransitionActor, TransitionRow } from './transition-plan';

const row: TransitionRow = {
  id: 'case-1',
  caseNo: 'XG20261122000123',
  status: 'accepted',
  version: 4,
  kind: 'complaint',
  leadDepartmentId: 'dept-lead',
  assistingDepartmentIds: ['dept-assist'],
  dispatchedAt: new Date('2026-11-20T02:00:00Z'),
  priority: 'normal',
  categoryCode: null,
  slaStage: 'reply',
  slaDeadline: new Date('2026-11-27T10:00:00Z'),
  slaWarnAt: new Date('2026-11-26T10:00:00Z'),
  deadlineCaps: null,
  reviewByLead: false,
  reviewByCentre: false,
};
const actor: TransitionActor = { id: 'user-9', name: 'Li', role: 'supervisor', departmentId: null };
const ctx = (found: Partial<ActionLookups> = {}): PlanningContext => ({
  row,
  actor,
  found: { ...NO_LOOKUPS, ...found },
  newId: () => 'new-id',
  now: new Date('2026-11-24T02:00:00Z'),
  governing: null,
});
const plan = (request: CaseActionRequest, found: Partial<ActionLookups> = {}) => planAction(request, ctx(found));

/** The code of the domain error `run` throws (NotFound, ConflictError, InputInvalid all carry one). */
function refusalOf(run: () => unknown): { kind: string; code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('action planners', () => {
  it('trims the texts the history records and leaves out blank optional notes', () => {
    expect(plan({ action: 'reply', result: '  fixed the lamp \n' })).toEqual({
      command: { action: 'reply' },
      note: 'fixed the lamp',
      data: { result: 'fixed the lamp' },
    });
    expect(plan({ action: 'urge', note: '   ' })).toEqual({ command: { action: 'urge' }, note: undefined });
    expect(plan({ action: 'progress', note: ' called the owner ' })).toEqual({
      command: { action: 'progress' },
      note: 'called the owner',
    });
  });

  it('gives the machine the untrimmed reason of a return or a closure and records it trimmed', () => {
    expect(plan({ action: 'return', reason: ' not ours ' })).toEqual({
      command: { action: 'return', reason: ' not ours ' },
      data: { reason: 'not ours' },
    });
    expect(plan({ action: 'close', reason: ' done ' })).toEqual({
      command: { action: 'close', reason: ' done ' },
      data: { reason: 'done' },
    });
  });

  it('records a callback verdict, whether it was solved, and a supervision level', () => {
    expect(plan({ action: 'callback', satisfaction: 'unsatisfied', solved: false, note: ' rude ' })).toEqual({
      command: { action: 'callback', verdict: 'unsatisfied' },
      note: 'rude',
      data: { satisfaction: 'unsatisfied', solved: false },
    });
    expect(plan({ action: 'supervise', level: 'red' })).toEqual({
      command: { action: 'supervise', level: 'red' },
      note: undefined,
      data: { level: 'red' },
    });
  });

  it('opens an extension request with a new id, written beside the case', () => {
    expect(plan({ action: 'requestExtension', days: 3, reason: ' waiting for parts ' })).toEqual({
      command: { action: 'requestExtension' },
      note: 'waiting for parts',
      data: { extensionRequestId: 'new-id', days: 3, reason: 'waiting for parts' },
      sideWrites: [
        {
          kind: 'openExtensionRequest',
          requestId: 'new-id',
          caseId: 'case-1',
          days: 3,
          reason: 'waiting for parts',
          requestedById: 'user-9',
        },
      ],
    });
  });

  it('decides a pending extension request with the days it asked for', () => {
    const found = { extensionRequest: { status: 'pending', days: 5 } };
    expect(plan({ action: 'approveExtension', requestId: 'ext-1', note: ' ok ' }, found)).toEqual({
      command: { action: 'approveExtension' },
      note: 'ok',
      data: { extensionRequestId: 'ext-1', days: 5 },
      sideWrites: [
        {
          kind: 'decideExtensionRequest',
          requestId: 'ext-1',
          caseId: 'case-1',
          status: 'approved',
          decidedById: 'user-9',
          note: 'ok',
        },
      ],
    });
    expect(plan({ action: 'rejectExtension', requestId: 'ext-1' }, found).sideWrites).toEqual([
      {
        kind: 'decideExtensionRequest',
        requestId: 'ext-1',
        caseId: 'case-1',
        status: 'rejected',
        decidedById: 'user-9',
        note: null,
      },
    ]);
  });

  it('refuses to decide an extension request that does not exist (404) or is already decided (409)', () => {
    expect(refusalOf(() => plan({ action: 'approveExtension', requestId: 'ext-x' }))).toEqual({
      kind: 'notFound',
      code: 'ExtensionRequestNotFound',
      message: 'ExtensionRequest ext-x was not found',
    });
    expect(
      refusalOf(() =>
        plan({ action: 'rejectExtension', requestId: 'ext-1' }, { extensionRequest: { status: 'approved', days: 2 } }),
      ),
    ).toEqual({
      kind: 'conflict',
      code: 'ExtensionRequestDecided',
      message: 'rejectExtension is not allowed: extension request ext-1 is already approved',
    });
  });

  it('merges into an existing case: the facts for the machine, the link column, the note on the target', () => {
    const found = { mergeTarget: { caseNo: 'XG20261122000001', status: 'accepted' as const, sameConfidentiality: true } };
    expect(plan({ action: 'merge', targetCaseId: 'case-0' }, found)).toEqual({
      command: { action: 'merge', target: { sameCase: false, open: true, sameConfidentiality: true } },
      note: 'merged into XG20261122000001',
      data: { targetCaseId: 'case-0', targetCaseNo: 'XG20261122000001' },
      effects: [{ column: 'merged_into_id', value: { bind: 'case-0' } }],
      sideWrites: [
        {
          kind: 'recordMergeOnTarget',
          targetCaseId: 'case-0',
          targetCaseNo: 'XG20261122000001',
          mergedCaseId: 'case-1',
          mergedCaseNo: 'XG20261122000123',
          actor,
        },
      ],
    });
  });

  it('tells the machine when a merge names the case itself or a closed one, and refuses a missing target (400)', () => {
    const closed = { mergeTarget: { caseNo: 'XG1', status: 'closed' as const, sameConfidentiality: false } };
    expect(plan({ action: 'merge', targetCaseId: 'case-1' }, closed).command).toEqual({
      action: 'merge',
      target: { sameCase: true, open: false, sameConfidentiality: false },
    });
    expect(refusalOf(() => plan({ action: 'merge', targetCaseId: 'case-404' }))).toMatchObject({
      kind: 'invalid',
      code: 'InputInvalid',
    });
  });

  it('assigns to active staff of the lead department only, and tells the machine which it is', () => {
    const staff = { displayName: 'Wang', role: 'departmentStaff', departmentId: 'dept-lead', active: true };
    expect(plan({ action: 'assign', userId: 'user-2' }, { assignee: staff })).toEqual({
      command: { action: 'assign', assigneeIsDepartmentStaff: true },
      data: { assigneeId: 'user-2', assigneeName: 'Wang' },
      effects: [{ column: 'assignee_id', value: { bind: 'user-2' } }],
    });
    const notStaff = [
      { ...staff, active: false },
      { ...staff, departmentId: 'dept-assist' },
      { ...staff, role: 'operator' },
    ];
    for (const assignee of notStaff)
      expect(plan({ action: 'assign', userId: 'user-2' }, { assignee }).command).toEqual({
        action: 'assign',
        assigneeIsDepartmentStaff: false,
      });
    expect(plan({ action: 'assign', userId: 'user-404' })).toMatchObject({
      command: { action: 'assign', assigneeIsDepartmentStaff: false },
      data: { assigneeId: 'user-404', assigneeName: null },
    });
  });

  it('plans a suspension: the request opens a row, the decision and the resumption act on the open one', () => {
    expect(plan({ action: 'suspend', reason: 'beforeCourt', note: ' 已诉至法院 ' })).toMatchObject({
      command: { action: 'suspend', reason: 'beforeCourt' },
      note: '已诉至法院',
      data: { suspensionId: 'new-id', reason: 'beforeCourt', stage: 'reply' },
      sideWrites: [{ kind: 'openSuspension', suspensionId: 'new-id', stage: 'reply', reason: 'beforeCourt', note: '已诉至法院' }],
    });
    const pending = {
      id: 's-1',
      status: 'pending' as const,
      stage: 'reply',
      reason: 'beforeCourt',
      remainingMs: null,
      warnRemainingMs: null,
      pausedDeadline: null,
    };
    expect(plan({ action: 'decideSuspension', decision: 'refuse', note: '请继续联系' }, { suspension: pending })).toMatchObject({
      data: { suspensionId: 's-1' },
      sideWrites: [{ kind: 'decideSuspension', suspensionId: 's-1', status: 'refused', note: '请继续联系' }],
    });
    const active = {
      ...pending,
      status: 'active' as const,
      remainingMs: 3_600_000,
      pausedDeadline: new Date('2026-11-27T10:00:00Z'),
    };
    const system = { id: null, name: 'system', role: 'system' as const, departmentId: null };
    expect(planAction({ action: 'resume' }, { ...ctx({ suspension: active }), actor: system })).toMatchObject({
      note: 'maximum suspension reached',
      data: {
        stage: 'reply',
        cause: 'maximum',
        remainingMs: 3_600_000,
        pausedDeadline: '2026-11-27T10:00:00.000Z',
        inRates: 'excluded',
      },
      sideWrites: [{ kind: 'endSuspension', suspensionId: 's-1', cause: 'maximum' }],
    });
    // Nothing open in the state named: nothing is written, and the machine refuses from the same facts.
    expect(plan({ action: 'resume' }, { suspension: pending })).toEqual({ command: { action: 'resume' } });
  });
});
