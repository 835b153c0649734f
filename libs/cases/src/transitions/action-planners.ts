import { ConflictError, InputInvalid, NotFound } from '@hotline/errors';
import { CaseActorRole, CaseStatus, isDepartmentRole, isOpenStatus } from '../state-machine';
import type { CaseActionRequest } from './case-action-request';
import type { ActionPlan, TransitionActor, TransitionRow } from './transition-plan';

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
}

export const NO_LOOKUPS: ActionLookups = { extensionRequest: null, mergeTarget: null, assignee: null };

/** What every planner gets besides its request. `newId` makes the ids of rows the plan creates. */
export interface PlanningContext {
  row: TransitionRow;
  actor: TransitionActor;
  found: ActionLookups;
  newId: () => string;
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
