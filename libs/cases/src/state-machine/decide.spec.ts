import { CASE_ACTIONS, type CaseAction } from './case-actions';
import type { CaseEventType } from './case-events';
import { CASE_STATUSES, type CaseStatus } from './case-status';
import { decide } from './decide';
import type { CaseRefusal } from './refusals';
import {
  ACTOR_LABELS,
  actorOf,
  badCommand,
  contextOf,
  happyCommand,
  happyContext,
  HOSTILE_CONTEXT_FACTS,
  type ActorLabel,
} from './state-machine.fixtures';

const LEAD_DEPT: ActorLabel[] = ['departmentStaff@lead', 'departmentLead@lead'];
const ASSISTING_DEPT: ActorLabel[] = ['departmentStaff@assisting', 'departmentLead@assisting'];
const DEPT_ON_CASE: ActorLabel[] = [...LEAD_DEPT, ...ASSISTING_DEPT];

interface AllowedTransition {
  action: CaseAction;
  from: CaseStatus;
  by: ActorLabel[];
  next: CaseStatus;
  events: CaseEventType[];
}
const t = (action: CaseAction, from: CaseStatus, by: ActorLabel[], next: CaseStatus, events: CaseEventType[]) =>
  ({ action, from, by, next, events }) satisfies AllowedTransition;

/**
 * The whole case life, written out independently of the implementation's table: one row per allowed
 * (action, from-status) and department relation. Every (status, action, actor) not listed is refused.
 * Case and request facts are the "happy" ones (see fixtures); rules.spec.ts covers the others.
 */
const ALLOWED: AllowedTransition[] = [
  //  action              from          by                           next          events
  t('dispatch', 'received', ['dispatcher', 'system'], 'dispatched', ['dispatched']),
  t('dispatch', 'returned', ['dispatcher'], 'dispatched', ['dispatched']),
  t('accept', 'dispatched', LEAD_DEPT, 'accepted', ['accepted']),
  t('accept', 'reopened', LEAD_DEPT, 'accepted', ['accepted']),
  t('accept', 'dispatched', ASSISTING_DEPT, 'dispatched', ['assistAccepted']),
  t('accept', 'accepted', ASSISTING_DEPT, 'accepted', ['assistAccepted']),
  t('return', 'dispatched', LEAD_DEPT, 'returned', ['returned']),
  t('return', 'accepted', LEAD_DEPT, 'returned', ['returned']),
  t('rejectReturn', 'returned', ['dispatcher'], 'dispatched', ['returnRejected']),
  t('requestExtension', 'accepted', LEAD_DEPT, 'accepted', ['extensionRequested']),
  t('approveExtension', 'accepted', ['supervisor', 'system'], 'accepted', ['extensionApproved']),
  t('rejectExtension', 'accepted', ['supervisor', 'system'], 'accepted', ['extensionRejected']),
  t('suspend', 'dispatched', LEAD_DEPT, 'dispatched', ['suspensionRequested']),
  t('suspend', 'accepted', LEAD_DEPT, 'accepted', ['suspensionRequested']),
  t('decideSuspension', 'dispatched', ['supervisor'], 'dispatched', ['suspended']),
  t('decideSuspension', 'accepted', ['supervisor'], 'accepted', ['suspended']),
  t('resume', 'dispatched', [...LEAD_DEPT, 'supervisor', 'system'], 'dispatched', ['resumed']),
  t('resume', 'accepted', [...LEAD_DEPT, 'supervisor', 'system'], 'accepted', ['resumed']),
  t('progress', 'dispatched', DEPT_ON_CASE, 'dispatched', ['progressNoted']),
  t('progress', 'accepted', DEPT_ON_CASE, 'accepted', ['progressNoted']),
  t('reply', 'accepted', LEAD_DEPT, 'replied', ['replied']),
  t('reply', 'dispatched', ASSISTING_DEPT, 'dispatched', ['assistReplied']),
  t('reply', 'accepted', ASSISTING_DEPT, 'accepted', ['assistReplied']),
  t('leadReview', 'awaitingLeadApproval', ['departmentLead@lead'], 'replied', ['replyApproved']),
  t('review', 'awaitingCentreReview', ['supervisor'], 'replied', ['reviewPassed']),
  t('directAnswer', 'received', ['operator'], 'replied', ['directAnswered']),
  t('callback', 'replied', ['supervisor', 'system'], 'closed', ['calledBack', 'closed']),
  t('callbackAttempt', 'replied', ['supervisor'], 'replied', ['callbackAttempted']),
  t('close', 'replied', ['supervisor', 'system'], 'closed', ['closed']),
  t('close', 'reopened', ['supervisor', 'system'], 'closed', ['closed']),
  // 撤单: the upstream platform (as the system) recalls its order at any open stage.
  t('close', 'received', ['system'], 'closed', ['closed']),
  t('close', 'dispatched', ['system'], 'closed', ['closed']),
  t('close', 'returned', ['system'], 'closed', ['closed']),
  t('close', 'accepted', ['system'], 'closed', ['closed']),
  t('close', 'awaitingLeadApproval', ['system'], 'closed', ['closed']),
  t('close', 'awaitingCentreReview', ['system'], 'closed', ['closed']),
  t('merge', 'received', ['dispatcher', 'supervisor'], 'merged', ['merged']),
  t('merge', 'dispatched', ['dispatcher', 'supervisor'], 'merged', ['merged']),
  t('merge', 'returned', ['dispatcher', 'supervisor'], 'merged', ['merged']),
  t('merge', 'accepted', ['dispatcher', 'supervisor'], 'merged', ['merged']),
  t('merge', 'awaitingLeadApproval', ['dispatcher', 'supervisor'], 'merged', ['merged']),
  t('merge', 'awaitingCentreReview', ['dispatcher', 'supervisor'], 'merged', ['merged']),
  t('merge', 'replied', ['dispatcher', 'supervisor'], 'merged', ['merged']),
  t('merge', 'reopened', ['dispatcher', 'supervisor'], 'merged', ['merged']),
  t('supervise', 'received', ['supervisor', 'system'], 'received', ['supervised']),
  t('supervise', 'dispatched', ['supervisor', 'system'], 'dispatched', ['supervised']),
  t('supervise', 'returned', ['supervisor', 'system'], 'returned', ['supervised']),
  t('supervise', 'accepted', ['supervisor', 'system'], 'accepted', ['supervised']),
  t('supervise', 'awaitingLeadApproval', ['supervisor', 'system'], 'awaitingLeadApproval', ['supervised']),
  t('supervise', 'awaitingCentreReview', ['supervisor', 'system'], 'awaitingCentreReview', ['supervised']),
  t('supervise', 'replied', ['supervisor', 'system'], 'replied', ['supervised']),
  t('supervise', 'reopened', ['supervisor', 'system'], 'reopened', ['supervised']),
  t('urge', 'dispatched', ['supervisor', 'operator', 'system'], 'dispatched', ['urged']),
  t('urge', 'accepted', ['supervisor', 'operator', 'system'], 'accepted', ['urged']),
  t('urge', 'reopened', ['supervisor', 'operator', 'system'], 'reopened', ['urged']),
  t('assign', 'dispatched', ['departmentLead@lead'], 'dispatched', ['assigned']),
  t('assign', 'accepted', ['departmentLead@lead'], 'accepted', ['assigned']),
  t('assign', 'reopened', ['departmentLead@lead'], 'reopened', ['assigned']),
  t('reopen', 'closed', ['supervisor', 'operator'], 'reopened', ['reopened']),
  t('followUp', 'closed', ['supervisor', 'operator'], 'closed', ['followedUp']),
];

function allowedRow(action: CaseAction, status: CaseStatus, actor: ActorLabel): AllowedTransition | undefined {
  return ALLOWED.find((r) => r.action === action && r.from === status && r.by.includes(actor));
}

/** What a refused actor must hear, derived from the table above: role first, then state. */
function expectedRefusal(action: CaseAction, actor: ActorLabel): Pick<CaseRefusal, 'kind' | 'code'> {
  const seats = ALLOWED.filter((r) => r.action === action).flatMap((r) => r.by);
  if (seats.includes(actor)) return { kind: 'state', code: 'StatusForbidsAction' };
  const [role, relation] = actor.split('@');
  if (!seats.some((seat) => seat.split('@')[0] === role)) return { kind: 'role', code: 'RoleForbidsAction' };
  return { kind: 'role', code: relation === 'none' ? 'DepartmentNotOnCase' : 'NotLeadDepartment' };
}

describe('the transition table', () => {
  it('has at most one row per action, from-status and actor', () => {
    const keys = ALLOWED.flatMap((r) => r.by.map((actor) => `${r.action} ${r.from} ${actor}`));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every action at least one allowed transition', () => {
    expect(CASE_ACTIONS.filter((a) => !ALLOWED.some((r) => r.action === a))).toEqual([]);
  });

  it('allows on a closed case only what a repeat call does (重办, follow-up), and nothing on a merged one', () => {
    expect(ALLOWED.filter((r) => r.from === 'merged')).toEqual([]);
    expect(ALLOWED.filter((r) => r.from === 'closed').map((r) => r.action)).toEqual(['reopen', 'followUp']);
  });

  it('lets admins and grid workers take no case action', () => {
    expect(ALLOWED.filter((r) => r.by.includes('admin') || r.by.includes('gridWorker'))).toEqual([]);
  });
});

describe.each(CASE_STATUSES)('while the case is %s', (status) => {
  describe.each(CASE_ACTIONS)('%s', (action) => {
    const allowedActors = ACTOR_LABELS.filter((actor) => allowedRow(action, status, actor));
    const refusedActors = ACTOR_LABELS.filter((actor) => !allowedRow(action, status, actor));

    if (allowedActors.length > 0) {
      it.each(allowedActors)('is allowed for %s with the listed next status and events', (actor) => {
        const expected = allowedRow(action, status, actor)!;
        const decision = decide(happyCommand(action), happyContext(action, status), actorOf(actor));
        expect(decision.ok).toBe(true);
        if (!decision.ok) return;
        expect(decision.nextStatus).toBe(expected.next);
        // Every event starts at the current status; only the last one may move it.
        expect(decision.events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual(
          expected.events.map((type, i) => [type, status, i === expected.events.length - 1 ? expected.next : status]),
        );
      });
    }

    if (refusedActors.length > 0) {
      it.each(refusedActors)('is refused for %s before any case or request rule is looked at', (actor) => {
        const expected = expectedRefusal(action, actor);
        const attempts = [
          decide(happyCommand(action), happyContext(action, status), actorOf(actor)),
          ...HOSTILE_CONTEXT_FACTS.map((facts) => decide(badCommand(action), contextOf(status, facts), actorOf(actor))),
        ];
        for (const decision of attempts) {
          expect(decision.ok).toBe(false);
          if (decision.ok) return;
          expect({ kind: decision.refusal.kind, code: decision.refusal.code }).toEqual(expected);
          expect(decision.refusal.action).toBe(action);
          if (expected.kind === 'state') {
            expect(decision.refusal.message).toBe(`${action} is not allowed while the case is ${status}`);
          } else {
            // A refused role learns nothing about the case's status.
            expect(decision.refusal.message).toMatch(new RegExp(`^${action} is `));
            expect(decision.refusal.message).not.toContain(status);
          }
        }
      });
    }
  });
});
