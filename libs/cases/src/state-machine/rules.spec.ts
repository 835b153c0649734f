import type { CaseCommand } from './case-actions';
import type { CaseActor } from './case-actor';
import { CASE_KINDS, type CaseContext } from './case-context';
import { decide, decideOrThrow, type CaseDecision } from './decide';
import { CaseTransitionRefused, refusalErrorKind } from './refusals';
import { contextOf, happyCommand } from './state-machine.fixtures';

const leadStaff: CaseActor = { role: 'departmentStaff', relation: 'lead' };
const leadHead: CaseActor = { role: 'departmentLead', relation: 'lead' };
const assistingStaff: CaseActor = { role: 'departmentStaff', relation: 'assisting' };
const supervisor: CaseActor = { role: 'supervisor' };
const dispatcher: CaseActor = { role: 'dispatcher' };
const operator: CaseActor = { role: 'operator' };
const system: CaseActor = { role: 'system' };

function refusalOf(decision: CaseDecision) {
  if (decision.ok) throw new Error(`expected a refusal, got ${decision.nextStatus}`);
  return decision.refusal;
}

function allowed(decision: CaseDecision) {
  if (!decision.ok) throw new Error(`expected an allowed transition, got ${decision.refusal.message}`);
  return decision;
}

const eventsOf = (decision: CaseDecision) => allowed(decision).events.map((e) => [e.type, e.fromStatus, e.toStatus]);

describe('dispatch', () => {
  it('refuses a dispatch without a lead department', () => {
    const refusal = refusalOf(decide({ action: 'dispatch', leadDepartmentId: ' ' }, contextOf('received'), dispatcher));
    expect(refusal).toMatchObject({ kind: 'rule', code: 'LeadDepartmentRequired', field: 'leadDepartmentId' });
  });

  it('refuses a lead department that is also listed as assisting, or an assisting one listed twice', () => {
    const ctx = contextOf('received');
    expect(
      refusalOf(decide({ action: 'dispatch', leadDepartmentId: 'a', assistingDepartmentIds: ['b', 'a'] }, ctx, dispatcher)).code,
    ).toBe('LeadAlsoAssisting');
    expect(
      refusalOf(decide({ action: 'dispatch', leadDepartmentId: 'a', assistingDepartmentIds: ['b', 'b'] }, ctx, dispatcher)).code,
    ).toBe('AssistingDepartmentRepeated');
  });

  it('dispatches without assisting departments', () => {
    expect(allowed(decide({ action: 'dispatch', leadDepartmentId: 'a' }, contextOf('received'), system)).nextStatus).toBe(
      'dispatched',
    );
  });

  it('leaves a returned case to a person: automatic routing may not re-dispatch it', () => {
    expect(refusalOf(decide(happyCommand('dispatch'), contextOf('returned'), system))).toMatchObject({
      kind: 'state',
      message: 'dispatch is not allowed while the case is returned',
    });
  });
});

describe('return (退单)', () => {
  it('is always possible before acceptance, whatever the window', () => {
    const decision = decide(
      { action: 'return', reason: 'wrong street' },
      contextOf('dispatched', { withinReturnWindow: false }),
      leadStaff,
    );
    expect(allowed(decision).nextStatus).toBe('returned');
  });

  it('is possible after acceptance only within the return window', () => {
    const command: CaseCommand = { action: 'return', reason: 'wrong street' };
    expect(allowed(decide(command, contextOf('accepted', { withinReturnWindow: true }), leadStaff)).nextStatus).toBe('returned');
    expect(refusalOf(decide(command, contextOf('accepted', { withinReturnWindow: false }), leadStaff))).toEqual({
      kind: 'rule',
      code: 'ReturnWindowPassed',
      action: 'return',
      message: 'return is not allowed while the case is accepted: the return window after acceptance has passed',
    });
  });

  it('requires a reason, and records it trimmed as the event note', () => {
    expect(refusalOf(decide({ action: 'return', reason: '   ' }, contextOf('dispatched'), leadStaff))).toMatchObject({
      kind: 'rule',
      code: 'ReturnReasonRequired',
      field: 'reason',
    });
    const decision = allowed(decide({ action: 'return', reason: ' 不属于本单位职责 ' }, contextOf('dispatched'), leadStaff));
    expect(decision.events[0].note).toBe('不属于本单位职责');
  });

  it('checks the window before the reason: the conflict is the more useful answer', () => {
    const decision = decide({ action: 'return', reason: '' }, contextOf('accepted', { withinReturnWindow: false }), leadStaff);
    expect(refusalOf(decision).code).toBe('ReturnWindowPassed');
  });

  it('is not for an assisting department', () => {
    expect(refusalOf(decide(happyCommand('return'), contextOf('dispatched'), assistingStaff))).toMatchObject({
      kind: 'role',
      code: 'NotLeadDepartment',
      message: 'return is only allowed for the lead department',
    });
  });

  it('is rejected by the dispatcher back to the same department', () => {
    expect(eventsOf(decide({ action: 'rejectReturn' }, contextOf('returned'), dispatcher))).toEqual([
      ['returnRejected', 'returned', 'dispatched'],
    ]);
  });
});

describe('extension requests (延期)', () => {
  const request: CaseCommand = { action: 'requestExtension' };

  it('allows a request while below the maximum and none is pending', () => {
    const ctx = contextOf('accepted', { extensionCount: 1, maxExtensions: 2 });
    expect(eventsOf(decide(request, ctx, leadStaff))).toEqual([['extensionRequested', 'accepted', 'accepted']]);
  });

  it('refuses a second request while one is pending', () => {
    const ctx = contextOf('accepted', { pendingExtension: true, extensionCount: 1, maxExtensions: 3 });
    expect(refusalOf(decide(request, ctx, leadStaff))).toMatchObject({ kind: 'rule', code: 'ExtensionPending' });
  });

  it('refuses a request once the maximum has been reached, and when none are allowed at all', () => {
    expect(refusalOf(decide(request, contextOf('accepted', { extensionCount: 2, maxExtensions: 2 }), leadHead))).toMatchObject({
      kind: 'rule',
      code: 'ExtensionLimitReached',
      message: 'requestExtension is not allowed while the case is accepted: the maximum of 2 extension requests has been reached',
    });
    expect(refusalOf(decide(request, contextOf('accepted', { maxExtensions: 0 }), leadHead)).code).toBe('ExtensionLimitReached');
  });

  it('reports a pending request before the limit', () => {
    const ctx = contextOf('accepted', { pendingExtension: true, extensionCount: 2, maxExtensions: 2 });
    expect(refusalOf(decide(request, ctx, leadStaff)).code).toBe('ExtensionPending');
  });

  it.each(['approveExtension', 'rejectExtension'] as const)('%s needs a pending request and leaves the status', (action) => {
    expect(refusalOf(decide({ action }, contextOf('accepted', { pendingExtension: false }), supervisor))).toMatchObject({
      kind: 'rule',
      code: 'NoPendingExtension',
    });
    const decision = allowed(decide({ action }, contextOf('accepted', { pendingExtension: true }), supervisor));
    expect(decision.nextStatus).toBe('accepted');
  });
});

describe('assisting departments (协办)', () => {
  it('accept their part once, without moving the case', () => {
    const notYet = contextOf('accepted', { assistingPart: { accepted: false, replied: false } });
    expect(eventsOf(decide({ action: 'accept' }, notYet, assistingStaff))).toEqual([['assistAccepted', 'accepted', 'accepted']]);
    const already = contextOf('accepted', { assistingPart: { accepted: true, replied: false } });
    expect(refusalOf(decide({ action: 'accept' }, already, assistingStaff)).code).toBe('AssistAlreadyAccepted');
  });

  it('reply to the lead only after accepting their part, and only once', () => {
    const reply: CaseCommand = { action: 'reply' };
    const notAccepted = contextOf('dispatched', { assistingPart: { accepted: false, replied: false } });
    expect(refusalOf(decide(reply, notAccepted, assistingStaff)).code).toBe('AssistNotAccepted');
    const unknown = contextOf('dispatched');
    expect(refusalOf(decide(reply, unknown, assistingStaff)).code).toBe('AssistNotAccepted');
    const accepted = contextOf('dispatched', { assistingPart: { accepted: true, replied: false } });
    expect(eventsOf(decide(reply, accepted, assistingStaff))).toEqual([['assistReplied', 'dispatched', 'dispatched']]);
    const replied = contextOf('accepted', { assistingPart: { accepted: true, replied: true } });
    expect(refusalOf(decide(reply, replied, assistingStaff)).code).toBe('AssistAlreadyReplied');
  });

  it('do not need an assisting part to be accepted for the lead department to reply', () => {
    const ctx = contextOf('accepted', { assistingPart: { accepted: false, replied: false } });
    expect(allowed(decide({ action: 'reply' }, ctx, leadStaff)).nextStatus).toBe('replied');
  });
});

describe('direct answer (直接答复)', () => {
  it('answers a consultation on the call', () => {
    expect(eventsOf(decide({ action: 'directAnswer' }, contextOf('received', { kind: 'consultation' }), operator))).toEqual([
      ['directAnswered', 'received', 'replied'],
    ]);
  });

  it.each(CASE_KINDS.filter((kind) => kind !== 'consultation'))('is refused for a %s', (kind) => {
    expect(refusalOf(decide({ action: 'directAnswer' }, contextOf('received', { kind }), operator))).toEqual({
      kind: 'rule',
      code: 'NotConsultation',
      action: 'directAnswer',
      message: `directAnswer is not allowed while the case is received: only consultations can be answered directly, this case is a ${kind}`,
    });
  });
});

describe('callback (回访)', () => {
  it.each(['satisfied', 'basicallySatisfied'] as const)('closes a case the citizen is %s with', (verdict) => {
    const decision = allowed(decide({ action: 'callback', verdict }, contextOf('replied'), supervisor));
    expect(decision.nextStatus).toBe('closed');
    expect(decision.events).toEqual([
      { type: 'calledBack', fromStatus: 'replied', toStatus: 'replied', data: { verdict } },
      { type: 'closed', fromStatus: 'replied', toStatus: 'closed', data: { verdict, closure: 'callback' } },
    ]);
  });

  it('reopens (重办) a case the citizen is unsatisfied with', () => {
    const decision = allowed(decide({ action: 'callback', verdict: 'unsatisfied' }, contextOf('replied'), supervisor));
    expect(decision.nextStatus).toBe('reopened');
    expect(decision.events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['calledBack', 'replied', 'replied'],
      ['reopened', 'replied', 'reopened'],
    ]);
  });

  it('refuses an unknown verdict', () => {
    const decision = decide({ action: 'callback', verdict: 'delighted' as never }, contextOf('replied'), supervisor);
    expect(refusalOf(decision)).toMatchObject({ kind: 'rule', code: 'CallbackVerdictInvalid', field: 'verdict' });
  });

  it('records an unanswered attempt without moving the case while attempts remain', () => {
    const ctx = contextOf('replied', { callbackAttempts: 1, maxCallbackAttempts: 3 });
    const decision = allowed(decide({ action: 'callbackAttempt' }, ctx, supervisor));
    expect(decision.nextStatus).toBe('replied');
    expect(decision.events).toEqual([{ type: 'callbackAttempted', fromStatus: 'replied', toStatus: 'replied' }]);
  });

  it('closes the case as unreachable when the attempt reaches the maximum', () => {
    const ctx = contextOf('replied', { callbackAttempts: 2, maxCallbackAttempts: 3 });
    const decision = allowed(decide({ action: 'callbackAttempt' }, ctx, supervisor));
    expect(decision.nextStatus).toBe('closed');
    expect(decision.events).toEqual([
      { type: 'callbackAttempted', fromStatus: 'replied', toStatus: 'replied' },
      { type: 'closed', fromStatus: 'replied', toStatus: 'closed', note: 'unreachable', data: { closure: 'unreachable' } },
    ]);
  });

  it('closes on the first attempt when only one is allowed', () => {
    const ctx = contextOf('replied', { callbackAttempts: 0, maxCallbackAttempts: 1 });
    expect(allowed(decide({ action: 'callbackAttempt' }, ctx, supervisor)).nextStatus).toBe('closed');
  });
});

describe('close', () => {
  it.each(['replied', 'reopened'] as const)('closes a %s case with the supervisor reason as note', (status) => {
    const decision = allowed(decide({ action: 'close', reason: ' 市民撤回诉求 ' }, contextOf(status), supervisor));
    expect(decision.events).toEqual([
      { type: 'closed', fromStatus: status, toStatus: 'closed', note: '市民撤回诉求', data: { closure: 'supervisor' } },
    ]);
  });

  it('requires a reason', () => {
    expect(refusalOf(decide({ action: 'close', reason: '' }, contextOf('replied'), supervisor))).toMatchObject({
      kind: 'rule',
      code: 'CloseReasonRequired',
    });
  });
});

describe('merge (重复件)', () => {
  it('refuses merging a case into itself', () => {
    const decision = decide(
      { action: 'merge', target: { sameCase: true, open: true, sameConfidentiality: true } },
      contextOf('received'),
      dispatcher,
    );
    expect(refusalOf(decision)).toMatchObject({ kind: 'rule', code: 'MergeIntoSelf' });
  });

  it('refuses a target that is closed or merged', () => {
    const decision = decide(
      { action: 'merge', target: { sameCase: false, open: false, sameConfidentiality: true } },
      contextOf('accepted'),
      supervisor,
    );
    expect(refusalOf(decision)).toMatchObject({ kind: 'rule', code: 'MergeTargetNotOpen' });
  });

  it('refuses merging a confidential case with an ordinary one, either way', () => {
    const decision = decide(
      { action: 'merge', target: { sameCase: false, open: true, sameConfidentiality: false } },
      contextOf('dispatched'),
      dispatcher,
    );
    expect(refusalOf(decision)).toMatchObject({ kind: 'rule', code: 'MergeAcrossConfidentiality' });
  });

  it.each(['closed', 'merged'] as const)('refuses merging a %s case: it is not open', (status) => {
    expect(refusalOf(decide(happyCommand('merge'), contextOf(status), dispatcher)).kind).toBe('state');
  });
});

describe('supervise and urge', () => {
  it('records the supervision level', () => {
    const decision = allowed(decide({ action: 'supervise', level: 'red' }, contextOf('accepted'), system));
    expect(decision.events).toEqual([
      { type: 'supervised', fromStatus: 'accepted', toStatus: 'accepted', data: { level: 'red' } },
    ]);
  });

  it('refuses an unknown level', () => {
    const decision = decide({ action: 'supervise', level: 'purple' as never }, contextOf('accepted'), supervisor);
    expect(refusalOf(decision)).toMatchObject({ kind: 'rule', code: 'SupervisionLevelInvalid' });
  });

  it.each(['received', 'returned', 'replied'] as const)('does not urge a %s case: no department holds it', (status) => {
    expect(refusalOf(decide({ action: 'urge' }, contextOf(status), operator)).kind).toBe('state');
  });
});

describe('assign', () => {
  it('assigns to staff of the lead department only', () => {
    const ctx = contextOf('accepted');
    expect(allowed(decide({ action: 'assign', assigneeIsDepartmentStaff: true }, ctx, leadHead)).nextStatus).toBe('accepted');
    expect(refusalOf(decide({ action: 'assign', assigneeIsDepartmentStaff: false }, ctx, leadHead))).toMatchObject({
      kind: 'rule',
      code: 'AssigneeNotDepartmentStaff',
      field: 'assigneeId',
    });
  });

  it('is for the department lead, not its staff', () => {
    expect(refusalOf(decide(happyCommand('assign'), contextOf('accepted'), leadStaff))).toMatchObject({
      kind: 'role',
      code: 'RoleForbidsAction',
      message: 'assign is not allowed for role departmentStaff',
    });
  });
});

describe('order of checks', () => {
  it('answers a department that is not on the case with 403 whatever the status', () => {
    const stranger: CaseActor = { role: 'departmentStaff', relation: 'none' };
    for (const status of ['dispatched', 'closed'] as const) {
      expect(refusalOf(decide({ action: 'accept' }, contextOf(status), stranger))).toEqual({
        kind: 'role',
        code: 'DepartmentNotOnCase',
        action: 'accept',
        message: "accept is not allowed: the actor's department is not on this case",
      });
    }
  });

  it('treats a department actor without a relation as not on the case', () => {
    expect(refusalOf(decide({ action: 'accept' }, contextOf('dispatched'), { role: 'departmentLead' })).code).toBe(
      'DepartmentNotOnCase',
    );
  });

  it('checks the status before the request: a bad request on a closed case is a conflict', () => {
    expect(refusalOf(decide({ action: 'close', reason: '' }, contextOf('closed'), supervisor))).toEqual({
      kind: 'state',
      code: 'StatusForbidsAction',
      action: 'close',
      message: 'close is not allowed while the case is closed',
    });
  });

  it('names the action and the status', () => {
    expect(refusalOf(decide({ action: 'accept' }, contextOf('replied'), leadStaff)).message).toBe(
      'accept is not allowed while the case is replied',
    );
  });
});

describe('refusals as errors', () => {
  const ctx: CaseContext = contextOf('accepted', { pendingExtension: true });
  const cases: Array<[string, CaseCommand, CaseContext, CaseActor, string]> = [
    ['a role refusal', { action: 'accept' }, ctx, { role: 'gridWorker' }, 'forbidden'],
    ['a state refusal', { action: 'dispatch', leadDepartmentId: 'a' }, ctx, dispatcher, 'conflict'],
    ['a case rule refusal', { action: 'requestExtension' }, ctx, leadStaff, 'conflict'],
    ['a request rule refusal', { action: 'assign', assigneeIsDepartmentStaff: false }, ctx, leadHead, 'invalid'],
  ];

  it.each(cases)('maps %s to the %s error kind', (_label, command, context, actor, kind) => {
    expect(refusalErrorKind(refusalOf(decide(command, context, actor)))).toBe(kind);
  });

  it('throws CaseTransitionRefused from decideOrThrow, naming the field of a bad request', () => {
    let thrown: unknown;
    try {
      decideOrThrow({ action: 'return', reason: '' }, contextOf('dispatched'), leadStaff);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CaseTransitionRefused);
    expect(thrown).toMatchObject({
      kind: 'invalid',
      code: 'ReturnReasonRequired',
      message: 'return is not allowed while the case is dispatched: a reason is required',
      details: [{ field: 'reason', reason: 'return is not allowed while the case is dispatched: a reason is required' }],
    });
  });

  it('returns the allowed transition from decideOrThrow', () => {
    expect(decideOrThrow({ action: 'accept' }, contextOf('dispatched'), leadStaff).nextStatus).toBe('accepted');
  });
});
