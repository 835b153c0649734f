import { ConflictError, InputInvalid, NotFound } from '@hotline/errors';
import { CaseActorRole, CaseStatus, isDepartmentRole, isOpenStatus } from '../state-machine';
import type { CaseActionRequest } from './case-action-request';
import { suspensionRules } from '@hotline/sla';
import type { ActionPlan, GoverningPolicy, SuspensionEndCause, TransitionActor, TransitionRow } from './transition-plan';

/** The extension request an approval or a rejection names, as stored for this case. */
export interface FoundExtensionRequest {
  status: string;
  days: number;
}

/** The case a merge names, seen from the case being merged. */
export interface FoundMergeTarget {
  caseNo: string;
  status: CaseStatus;
  sameConfidentiality: boolean;
}

/** The case's open suspension (pending or active), as stored. */
export interface FoundSuspension {
  id: string;
  status: 'pending' | 'active';
  stage: string;
  reason: string;
  remainingMs: number | null;
  warnRemainingMs: number | null;
  /** The deadline that stood when the clock stopped (the stage's deadline row ended then); null while pending. */
  pausedDeadline: Date | null;
}

/** The user an assignment names. */
export interface FoundAssignee {
  displayName: string;
  role: string;
  departmentId: string | null;
  active: boolean;
}

/**
 * The rows an action names, read before planning (see action-lookups.ts); null where the action names
 * none or the row does not exist.
 */
export interface ActionLookups {
  extensionRequest: FoundExtensionRequest | null;
  mergeTarget: FoundMergeTarget | null;
  assignee: FoundAssignee | null;
  suspension: FoundSuspension | null;
}

export const NO_LOOKUPS: ActionLookups = { extensionRequest: null, mergeTarget: null, assignee: null, suspension: null };

/** What every planner gets besides its request. `newId` makes the ids of rows the plan creates. */
export interface PlanningContext {
  row: TransitionRow;
  actor: TransitionActor;
  found: ActionLookups;
  newId: () => string;
  /** The business clock's time the transition is planned at. */
  now: Date;
  /** The case's policy, for the rules of a suspension. */
  governing: GoverningPolicy;
}

type RequestOf<A extends CaseActionRequest['action']> = Extract<CaseActionRequest, { action: A }>;
type Planner<A extends CaseActionRequest['action']> = (request: RequestOf<A>, ctx: PlanningContext) => ActionPlan;

const trimmed = (text: string | undefined): string | undefined => (text?.trim() ? text.trim() : undefined);

function planExtensionDecision(
  request: RequestOf<'approveExtension' | 'rejectExtension'>,
  { row, actor, found }: PlanningContext,
): ActionPlan {
  const extension = found.extensionRequest;
  if (!extension) throw new NotFound('ExtensionRequest', request.requestId);
  if (extension.status !== 'pending') {
    throw new ConflictError(
      'ExtensionRequestDecided',
      `${request.action} is not allowed: extension request ${request.requestId} is already ${extension.status}`,
    );
  }
  return {
    command: { action: request.action },
    note: trimmed(request.note),
    data: { extensionRequestId: request.requestId, days: extension.days },
    sideWrites: [
      {
        kind: 'decideExtensionRequest',
        requestId: request.requestId,
        caseId: row.id,
        status: request.action === 'approveExtension' ? 'approved' : 'rejected',
        decidedById: actor.id,
        note: trimmed(request.note) ?? null,
      },
    ],
  };
}

/**
 * The open suspension a decision or a resumption acts on, when it is in the state it must be in. Without
 * one the plan writes nothing and the machine refuses, after the role (NoPendingSuspension, NotSuspended),
 * from the same facts.
 */
function openSuspension(found: ActionLookups, status: FoundSuspension['status']): FoundSuspension | null {
  return found.suspension?.status === status ? found.suspension : null;
}

const endCauseOf = (actor: TransitionActor): SuspensionEndCause =>
  actor.role === 'system' ? 'maximum' : actor.role === 'supervisor' ? 'supervisor' : 'department';

/**
 * One planner per action (pure): the machine's command, the note and data the history records, the
 * columns and rows written besides the status, or the refusal of a request that names a missing or
 * already decided row. Whether the action is allowed at all is the machine's answer (transition-planner).
 */
const ACTION_PLANNERS: { [A in CaseActionRequest['action']]: Planner<A> } = {
  accept: () => ({ command: { action: 'accept' } }),
  return: (request) => ({ command: { action: 'return', reason: request.reason }, data: { reason: request.reason.trim() } }),
  rejectReturn: (request) => ({ command: { action: 'rejectReturn' }, note: trimmed(request.note) }),
  requestExtension: (request, { row, actor, newId }) => {
    const requestId = newId();
    const reason = request.reason.trim();
    return {
      command: { action: 'requestExtension' },
      note: reason,
      data: { extensionRequestId: requestId, days: request.days, reason },
      sideWrites: [
        { kind: 'openExtensionRequest', requestId, caseId: row.id, days: request.days, reason, requestedById: actor.id },
      ],
    };
  },
  approveExtension: planExtensionDecision,
  rejectExtension: planExtensionDecision,
  progress: (request) => ({ command: { action: 'progress' }, note: request.note.trim() }),
  reply: (request) => ({ command: { action: 'reply' }, note: request.result.trim(), data: { result: request.result.trim() } }),
  leadReview: (request) => ({ command: { action: 'leadReview', decision: request.decision, note: request.note } }),
  review: (request) => ({ command: { action: 'review', decision: request.decision, note: request.note } }),
  directAnswer: (request) => ({
    command: { action: 'directAnswer' },
    note: request.answer.trim(),
    data: { answer: request.answer.trim() },
  }),
  callback: (request) => ({
    command: { action: 'callback', verdict: request.satisfaction },
    note: trimmed(request.note),
    data: { satisfaction: request.satisfaction, solved: request.solved },
  }),
  callbackAttempt: (request) => ({ command: { action: 'callbackAttempt' }, note: trimmed(request.note) }),
  close: (request) => ({ command: { action: 'close', reason: request.reason }, data: { reason: request.reason.trim() } }),
  merge: (request, { row, actor, found }) => {
    const { targetCaseId } = request;
    const target = found.mergeTarget;
    if (!target) throw new InputInvalid([{ field: 'targetCaseId', reason: `case ${targetCaseId} does not exist` }]);
    return {
      command: {
        action: 'merge',
        target: {
          sameCase: targetCaseId === row.id,
          open: isOpenStatus(target.status),
          sameConfidentiality: target.sameConfidentiality,
        },
      },
      note: `merged into ${target.caseNo}`,
      data: { targetCaseId, targetCaseNo: target.caseNo },
      effects: [{ column: 'merged_into_id', value: { bind: targetCaseId } }],
      sideWrites: [
        {
          kind: 'recordMergeOnTarget',
          targetCaseId,
          targetCaseNo: target.caseNo,
          mergedCaseId: row.id,
          mergedCaseNo: row.caseNo,
          actor,
        },
      ],
    };
  },
  supervise: (request) => ({
    command: { action: 'supervise', level: request.level },
    note: trimmed(request.note),
    data: { level: request.level },
  }),
  urge: (request) => ({ command: { action: 'urge' }, note: trimmed(request.note) }),
  reopen: (request) => ({ command: { action: 'reopen', note: request.note } }),
  followUp: (request) => ({
    command: { action: 'followUp' },
    note: `followed up by ${request.followUpCaseNo}`,
    data: { followUpCaseId: request.followUpCaseId, followUpCaseNo: request.followUpCaseNo },
  }),
  suspend: (request, { row, actor, newId, now }) => {
    const suspensionId = newId();
    const note = request.note.trim();
    return {
      command: { action: 'suspend', reason: request.reason },
      note,
      data: { suspensionId, reason: request.reason, stage: row.slaStage },
      // Without a running stage the machine refuses (ClockNotRunning) before this row is written.
      sideWrites: row.slaStage
        ? [
            {
              kind: 'openSuspension',
              suspensionId,
              caseId: row.id,
              stage: row.slaStage,
              reason: request.reason,
              note,
              requestedById: actor.id,
              at: now,
            },
          ]
        : [],
    };
  },
  decideSuspension: (request, { row, actor, found, now }) => {
    const suspension = openSuspension(found, 'pending');
    if (!suspension) return { command: { action: 'decideSuspension', decision: request.decision } };
    return {
      command: { action: 'decideSuspension', decision: request.decision },
      note: trimmed(request.note),
      data: { suspensionId: suspension.id, reason: suspension.reason, stage: suspension.stage },
      sideWrites: [
        {
          kind: 'decideSuspension',
          suspensionId: suspension.id,
          caseId: row.id,
          status: request.decision === 'approve' ? 'active' : 'refused',
          decidedById: actor.id,
          note: trimmed(request.note) ?? null,
          at: now,
        },
      ],
    };
  },
  resume: (request, { row, actor, found, now, governing }) => {
    const suspension = openSuspension(found, 'active');
    if (!suspension) return { command: { action: 'resume' } };
    const cause = endCauseOf(actor);
    return {
      command: { action: 'resume' },
      note: trimmed(request.note) ?? (cause === 'maximum' ? 'maximum suspension reached' : undefined),
      // What the stage change lays out again, and what the rates need to judge the stage (libs/stats).
      data: {
        suspensionId: suspension.id,
        stage: suspension.stage,
        cause,
        remainingMs: suspension.remainingMs,
        warnRemainingMs: suspension.warnRemainingMs,
        pausedDeadline: suspension.pausedDeadline?.toISOString() ?? null,
        inRates: governing ? suspensionRules(governing.policy).inRates : 'excluded',
      },
      sideWrites: [{ kind: 'endSuspension', suspensionId: suspension.id, caseId: row.id, resumedById: actor.id, cause, at: now }],
    };
  },
  assign: (request, { row, found }) => {
    const user = found.assignee;
    const isStaff =
      !!user &&
      user.active &&
      user.departmentId !== null &&
      user.departmentId === row.leadDepartmentId &&
      isDepartmentRole(user.role as CaseActorRole);
    return {
      command: { action: 'assign', assigneeIsDepartmentStaff: isStaff },
      data: { assigneeId: request.userId, assigneeName: user?.displayName ?? null },
      effects: [{ column: 'assignee_id', value: { bind: request.userId } }],
    };
  },
};

/** The plan of one API action on the case as read. */
export function planAction(request: CaseActionRequest, ctx: PlanningContext): ActionPlan {
  // The table is keyed by action, so the planner found takes exactly this request's shape.
  const planner = ACTION_PLANNERS[request.action] as Planner<CaseActionRequest['action']>;
  return planner(request, ctx);
}
