import {
  LEAD_REVIEW_DECISIONS,
  REVIEW_DECISIONS,
  SATISFACTION_VERDICTS,
  SUPERVISION_LEVELS,
  SUSPENSION_DECISIONS,
  SUSPENSION_REASONS,
  type CaseAction,
  type CaseCommandOf,
  type SatisfactionVerdict,
  type SupervisionLevel,
} from './case-actions';
import type { CentreRole, DepartmentRole } from './case-actor';
import type { CaseContext } from './case-context';
import { UNREACHABLE_NOTE, type CaseEventType, type CaseTransitionEvent } from './case-events';
import { OPEN_CASE_STATUSES, type CaseStatus } from './case-status';
import type { RuleFailure } from './refusals';

/**
 * The case life, one row per (action, who, from-statuses). Anything not in this table is refused.
 * This is the one place that answers "who may do what, when": see DESIGN.md "The case and its life".
 */

/** Who may act: centre roles act on any case; department roles by their department's place on it. */
export type Seat =
  | { readonly roles: readonly CentreRole[] }
  | { readonly roles: readonly DepartmentRole[]; readonly relation: 'lead' | 'assisting' };

export interface TransitionRow<A extends CaseAction = CaseAction> {
  readonly action: A;
  readonly by: Seat;
  readonly from: readonly CaseStatus[];
  /** Rules on the case's facts. They also decide which buttons the console shows. */
  readonly caseChecks?: ReadonlyArray<(ctx: CaseContext) => RuleFailure | undefined>;
  /** Rules on the request. Checked after the case rules: a conflict says more than a typo. */
  readonly inputChecks?: ReadonlyArray<(command: CaseCommandOf<A>) => RuleFailure | undefined>;
  /** The events, in order; the last one's toStatus is the case's next status. */
  readonly outcome: (from: CaseStatus, command: CaseCommandOf<A>, ctx: CaseContext) => CaseTransitionEvent[];
}

type Checks<A extends CaseAction> = Pick<TransitionRow<A>, 'caseChecks' | 'inputChecks'>;

// Generic per row, so each row's command is typed; the table itself holds rows of every action.
function row<A extends CaseAction>(
  action: A,
  by: Seat,
  from: readonly CaseStatus[],
  outcome: TransitionRow<A>['outcome'],
  checks: Checks<A> = {},
): TransitionRow {
  return { action, by, from, outcome, ...checks } as unknown as TransitionRow;
}

const DEPARTMENT: readonly DepartmentRole[] = ['departmentStaff', 'departmentLead'];
const LEAD_DEPARTMENT: Seat = { roles: DEPARTMENT, relation: 'lead' };
const ASSISTING_DEPARTMENT: Seat = { roles: DEPARTMENT, relation: 'assisting' };
const LEAD_DEPARTMENT_HEAD: Seat = { roles: ['departmentLead'], relation: 'lead' };
const DISPATCHER: Seat = { roles: ['dispatcher'] };
const ROUTING: Seat = { roles: ['system'] };
const OPERATOR: Seat = { roles: ['operator'] };
const SUPERVISOR: Seat = { roles: ['supervisor'] };
const DISPATCHER_OR_SUPERVISOR: Seat = { roles: ['dispatcher', 'supervisor'] };
const SUPERVISOR_OR_SYSTEM: Seat = { roles: ['supervisor', 'system'] };
const SUPERVISOR_OR_OPERATOR: Seat = { roles: ['supervisor', 'operator'] };
/**
 * The upstream platform (the city's 12345) acting through the system: it decides on extensions, calls
 * citizens back itself, urges and recalls its orders (libs/upstream applies its decisions as `system`).
 */
const UPSTREAM: Seat = { roles: ['system'] };
const SUPERVISOR_OR_UPSTREAM: Seat = SUPERVISOR_OR_SYSTEM;
const SUPERVISOR_OPERATOR_OR_UPSTREAM: Seat = { roles: ['supervisor', 'operator', 'system'] };

/** Departments work on a case between dispatch and reply. */
const HANDLING: readonly CaseStatus[] = ['dispatched', 'accepted'];
/** A department owns the case (reopened: it is back with the lead department, awaiting acceptance). */
const WITH_DEPARTMENT: readonly CaseStatus[] = ['dispatched', 'accepted', 'reopened'];

const moveTo =
  (toStatus: CaseStatus, type: CaseEventType) =>
  (fromStatus: CaseStatus): CaseTransitionEvent[] => [{ type, fromStatus, toStatus }];

/** An event that leaves the status where it is. */
const record =
  (type: CaseEventType) =>
  (status: CaseStatus): CaseTransitionEvent[] => [{ type, fromStatus: status, toStatus: status }];

const isBlank = (text: unknown): boolean => typeof text !== 'string' || text.trim() === '';
const trimmedNote = (text: string | undefined): { note?: string } => (isBlank(text) ? {} : { note: text!.trim() });

// Case rules

const withinReturnWindow = (ctx: CaseContext): RuleFailure | undefined =>
  ctx.withinReturnWindow ? undefined : { code: 'ReturnWindowPassed', reason: 'the return window after acceptance has passed' };

const noPendingExtension = (ctx: CaseContext): RuleFailure | undefined =>
  ctx.pendingExtension ? { code: 'ExtensionPending', reason: 'an extension request is already pending' } : undefined;

const extensionsLeft = (ctx: CaseContext): RuleFailure | undefined =>
  ctx.extensionCount < ctx.maxExtensions
    ? undefined
    : { code: 'ExtensionLimitReached', reason: `the maximum of ${ctx.maxExtensions} extension requests has been reached` };

const extensionPending = (ctx: CaseContext): RuleFailure | undefined =>
  ctx.pendingExtension ? undefined : { code: 'NoPendingExtension', reason: 'there is no pending extension request' };

const noOpenSuspension = (ctx: CaseContext): RuleFailure | undefined =>
  ctx.suspension === 'pending'
    ? { code: 'SuspensionOpen', reason: 'a suspension request is already pending' }
    : ctx.suspension === 'active'
      ? { code: 'SuspensionOpen', reason: 'the clock is already suspended' }
      : undefined;

const clockRunning = (ctx: CaseContext): RuleFailure | undefined =>
  ctx.clockRunning
    ? undefined
    : { code: 'ClockNotRunning', reason: 'no stage clock is running to suspend (none, or past its deadline)' };

const suspensionPending = (ctx: CaseContext): RuleFailure | undefined =>
  ctx.suspension === 'pending' ? undefined : { code: 'NoPendingSuspension', reason: 'there is no pending suspension request' };

const isSuspended = (ctx: CaseContext): RuleFailure | undefined =>
  ctx.suspension === 'active' ? undefined : { code: 'NotSuspended', reason: 'the clock is not suspended' };

/** An extension moves a running deadline; a suspended stage has none until it resumes. */
const notSuspended = (ctx: CaseContext): RuleFailure | undefined =>
  ctx.suspension === 'active' ? { code: 'CaseSuspended', reason: 'the clock is suspended; resume it first' } : undefined;

const isConsultation = (ctx: CaseContext): RuleFailure | undefined =>
  ctx.kind === 'consultation'
    ? undefined
    : { code: 'NotConsultation', reason: `only consultations can be answered directly, this case is a ${ctx.kind}` };

const assistNotYetAccepted = (ctx: CaseContext): RuleFailure | undefined =>
  ctx.assistingPart?.accepted
    ? { code: 'AssistAlreadyAccepted', reason: 'this assisting department has already accepted its part' }
    : undefined;

const assistAccepted = (ctx: CaseContext): RuleFailure | undefined =>
  ctx.assistingPart?.accepted
    ? undefined
    : { code: 'AssistNotAccepted', reason: 'this assisting department must accept its part before replying' };

const assistNotYetReplied = (ctx: CaseContext): RuleFailure | undefined =>
  ctx.assistingPart?.replied
    ? { code: 'AssistAlreadyReplied', reason: 'this assisting department has already replied' }
    : undefined;

const closedWithinRepeatWindow = (ctx: CaseContext): RuleFailure | undefined =>
  ctx.withinRepeatWindow
    ? undefined
    : {
        code: 'RepeatWindowPassed',
        reason: 'the case was closed longer ago than the repeat-call window; take a new case',
      };

const hasLeadDepartment = (ctx: CaseContext): RuleFailure | undefined =>
  ctx.hasLeadDepartment
    ? undefined
    : {
        code: 'NoLeadDepartment',
        reason: 'no department handled this case (it was answered directly); take a follow-up case instead',
      };

// Request rules

const dispatchChecks: TransitionRow<'dispatch'>['inputChecks'] = [
  (c) =>
    isBlank(c.leadDepartmentId)
      ? { code: 'LeadDepartmentRequired', reason: 'a lead department is required', field: 'leadDepartmentId' }
      : undefined,
  (c) =>
    (c.assistingDepartmentIds ?? []).includes(c.leadDepartmentId)
      ? { code: 'LeadAlsoAssisting', reason: 'the lead department cannot also assist', field: 'assistingDepartmentIds' }
      : undefined,
  (c) => {
    const ids = c.assistingDepartmentIds ?? [];
    return new Set(ids).size === ids.length
      ? undefined
      : {
          code: 'AssistingDepartmentRepeated',
          reason: 'an assisting department is listed twice',
          field: 'assistingDepartmentIds',
        };
  },
];

const returnReasonGiven = (c: CaseCommandOf<'return'>): RuleFailure | undefined =>
  isBlank(c.reason) ? { code: 'ReturnReasonRequired', reason: 'a reason is required', field: 'reason' } : undefined;

const closeReasonGiven = (c: CaseCommandOf<'close'>): RuleFailure | undefined =>
  isBlank(c.reason) ? { code: 'CloseReasonRequired', reason: 'a reason is required', field: 'reason' } : undefined;

const verdictKnown = (c: CaseCommandOf<'callback'>): RuleFailure | undefined =>
  (SATISFACTION_VERDICTS as readonly string[]).includes(c.verdict)
    ? undefined
    : { code: 'CallbackVerdictInvalid', reason: `verdict must be one of ${SATISFACTION_VERDICTS.join(', ')}`, field: 'verdict' };

const levelKnown = (c: CaseCommandOf<'supervise'>): RuleFailure | undefined =>
  (SUPERVISION_LEVELS as readonly string[]).includes(c.level)
    ? undefined
    : { code: 'SupervisionLevelInvalid', reason: `level must be one of ${SUPERVISION_LEVELS.join(', ')}`, field: 'level' };

const mergeChecks: TransitionRow<'merge'>['inputChecks'] = [
  (c) =>
    c.target.sameCase
      ? { code: 'MergeIntoSelf', reason: 'a case cannot be merged into itself', field: 'targetCaseId' }
      : undefined,
  (c) =>
    c.target.open ? undefined : { code: 'MergeTargetNotOpen', reason: 'the target case is not open', field: 'targetCaseId' },
  (c) =>
    c.target.sameConfidentiality
      ? undefined
      : {
          code: 'MergeAcrossConfidentiality',
          reason: 'a confidential case can only be merged with another confidential case',
          field: 'targetCaseId',
        },
];

const leadDecisionKnown = (c: CaseCommandOf<'leadReview'>): RuleFailure | undefined =>
  (LEAD_REVIEW_DECISIONS as readonly string[]).includes(c.decision)
    ? undefined
    : {
        code: 'ReviewDecisionInvalid',
        reason: `decision must be one of ${LEAD_REVIEW_DECISIONS.join(', ')}`,
        field: 'decision',
      };

const reviewDecisionKnown = (c: CaseCommandOf<'review'>): RuleFailure | undefined =>
  (REVIEW_DECISIONS as readonly string[]).includes(c.decision)
    ? undefined
    : { code: 'ReviewDecisionInvalid', reason: `decision must be one of ${REVIEW_DECISIONS.join(', ')}`, field: 'decision' };

/** A reply sent back says why, so the department knows what to redo. */
const reasonForReturn = (c: CaseCommandOf<'leadReview' | 'review'>): RuleFailure | undefined =>
  c.decision === 'return' && isBlank(c.note)
    ? { code: 'ReviewNoteRequired', reason: 'a reply sent back needs a note saying why', field: 'note' }
    : undefined;

const repeatCallNoted = (c: CaseCommandOf<'reopen'>): RuleFailure | undefined =>
  isBlank(c.note) ? { code: 'ReopenNoteRequired', reason: "the new call's content is required", field: 'note' } : undefined;

const suspensionReasonKnown = (c: CaseCommandOf<'suspend'>): RuleFailure | undefined =>
  (SUSPENSION_REASONS as readonly string[]).includes(c.reason)
    ? undefined
    : { code: 'SuspensionReasonInvalid', reason: `reason must be one of ${SUSPENSION_REASONS.join(', ')}`, field: 'reason' };

const suspensionDecisionKnown = (c: CaseCommandOf<'decideSuspension'>): RuleFailure | undefined =>
  (SUSPENSION_DECISIONS as readonly string[]).includes(c.decision)
    ? undefined
    : {
        code: 'SuspensionDecisionInvalid',
        reason: `decision must be one of ${SUSPENSION_DECISIONS.join(', ')}`,
        field: 'decision',
      };

const assigneeIsStaff = (c: CaseCommandOf<'assign'>): RuleFailure | undefined =>
  c.assigneeIsDepartmentStaff
    ? undefined
    : { code: 'AssigneeNotDepartmentStaff', reason: 'the assignee is not staff of the lead department', field: 'assigneeId' };

// Outcomes with more than one event

function callbackOutcome(from: CaseStatus, command: CaseCommandOf<'callback'>): CaseTransitionEvent[] {
  const verdict: SatisfactionVerdict = command.verdict;
  const calledBack: CaseTransitionEvent = { type: 'calledBack', fromStatus: from, toStatus: from, data: { verdict } };
  return verdict === 'unsatisfied'
    ? [calledBack, { type: 'reopened', fromStatus: from, toStatus: 'reopened', data: { verdict, cause: 'callback' } }]
    : [calledBack, { type: 'closed', fromStatus: from, toStatus: 'closed', data: { verdict, closure: 'callback' } }];
}

function callbackAttemptOutcome(from: CaseStatus, _command: unknown, ctx: CaseContext): CaseTransitionEvent[] {
  const attempted: CaseTransitionEvent = { type: 'callbackAttempted', fromStatus: from, toStatus: from };
  return ctx.callbackAttempts + 1 >= ctx.maxCallbackAttempts
    ? [
        attempted,
        { type: 'closed', fromStatus: from, toStatus: 'closed', note: UNREACHABLE_NOTE, data: { closure: 'unreachable' } },
      ]
    : [attempted];
}

/** The step a reply (or a lead's approval) goes on to: the review steps the department has, else the callback. */
function afterReply(ctx: CaseContext, leadApproved: boolean): CaseStatus {
  if (!leadApproved && ctx.replyReview?.lead) return 'awaitingLeadApproval';
  return ctx.replyReview?.centre ? 'awaitingCentreReview' : 'replied';
}

function replyOutcome(from: CaseStatus, _command: unknown, ctx: CaseContext): CaseTransitionEvent[] {
  return [{ type: 'replied', fromStatus: from, toStatus: afterReply(ctx, false) }];
}

function leadReviewed(from: CaseStatus, command: CaseCommandOf<'leadReview'>, ctx: CaseContext): CaseTransitionEvent[] {
  const data = { decision: command.decision };
  return command.decision === 'approve'
    ? [{ type: 'replyApproved', fromStatus: from, toStatus: afterReply(ctx, true), data, ...trimmedNote(command.note) }]
    : [{ type: 'replySentBack', fromStatus: from, toStatus: 'accepted', data, ...trimmedNote(command.note) }];
}

function centreReviewed(from: CaseStatus, command: CaseCommandOf<'review'>): CaseTransitionEvent[] {
  const data = { decision: command.decision };
  return command.decision === 'pass'
    ? [{ type: 'reviewPassed', fromStatus: from, toStatus: 'replied', data, ...trimmedNote(command.note) }]
    : [{ type: 'reviewReturned', fromStatus: from, toStatus: 'accepted', data, ...trimmedNote(command.note) }];
}

function reopenedOnRepeatCall(from: CaseStatus, command: CaseCommandOf<'reopen'>): CaseTransitionEvent[] {
  return [{ type: 'reopened', fromStatus: from, toStatus: 'reopened', note: command.note.trim(), data: { cause: 'repeatCall' } }];
}

function returned(from: CaseStatus, command: CaseCommandOf<'return'>): CaseTransitionEvent[] {
  return [{ type: 'returned', fromStatus: from, toStatus: 'returned', note: command.reason.trim() }];
}

function closedBySupervisor(from: CaseStatus, command: CaseCommandOf<'close'>): CaseTransitionEvent[] {
  const note = command.reason.trim();
  return [{ type: 'closed', fromStatus: from, toStatus: 'closed', note, data: { closure: 'supervisor' } }];
}

/** 撤单: the upstream platform withdrew its order; the case closes as withdrawn, whatever stage it was in. */
function withdrawnUpstream(from: CaseStatus, command: CaseCommandOf<'close'>): CaseTransitionEvent[] {
  const note = command.reason.trim();
  return [{ type: 'closed', fromStatus: from, toStatus: 'closed', note, data: { closure: 'withdrawn' } }];
}

function supervised(status: CaseStatus, command: CaseCommandOf<'supervise'>): CaseTransitionEvent[] {
  const level: SupervisionLevel = command.level;
  return [{ type: 'supervised', fromStatus: status, toStatus: status, data: { level } }];
}

function suspensionDecided(from: CaseStatus, command: CaseCommandOf<'decideSuspension'>): CaseTransitionEvent[] {
  const data = { decision: command.decision };
  return [{ type: command.decision === 'approve' ? 'suspended' : 'suspensionRefused', fromStatus: from, toStatus: from, data }];
}

export const TRANSITION_TABLE: readonly TransitionRow[] = [
  // 派单: the dispatcher handles both new and returned cases.
  row('dispatch', DISPATCHER, ['received', 'returned'], moveTo('dispatched', 'dispatched'), { inputChecks: dispatchChecks }),
  // Automatic routing only for new cases: a returned case just proved the rule wrong, a person decides.
  row('dispatch', ROUTING, ['received'], moveTo('dispatched', 'dispatched'), { inputChecks: dispatchChecks }),

  // 签收: the lead department accepts the case (again, after a reopen); an assisting one accepts its part.
  row('accept', LEAD_DEPARTMENT, ['dispatched', 'reopened'], moveTo('accepted', 'accepted')),
  row('accept', ASSISTING_DEPARTMENT, HANDLING, record('assistAccepted'), { caseChecks: [assistNotYetAccepted] }),

  // 退单: freely before acceptance, after it only within the window; always with a reason.
  row('return', LEAD_DEPARTMENT, ['dispatched'], returned, { inputChecks: [returnReasonGiven] }),
  row('return', LEAD_DEPARTMENT, ['accepted'], returned, {
    caseChecks: [withinReturnWindow],
    inputChecks: [returnReasonGiven],
  }),
  // The dispatcher disagrees: the case goes back to the department that returned it.
  row('rejectReturn', DISPATCHER, ['returned'], moveTo('dispatched', 'returnRejected')),

  // 延期: one request at a time, up to the policy's maximum; a supervisor decides.
  row('requestExtension', LEAD_DEPARTMENT, ['accepted'], record('extensionRequested'), {
    caseChecks: [noPendingExtension, extensionsLeft, notSuspended],
  }),
  row('approveExtension', SUPERVISOR_OR_UPSTREAM, ['accepted'], record('extensionApproved'), {
    caseChecks: [extensionPending, notSuspended],
  }),
  row('rejectExtension', SUPERVISOR_OR_UPSTREAM, ['accepted'], record('extensionRejected'), { caseChecks: [extensionPending] }),

  // 挂起: the lead department asks to stop the running stage's clock, with a reason; a supervisor
  // approves (the clock stops) or refuses; the department or a supervisor resumes it, or the system
  // once the policy's maximum suspension has passed.
  row('suspend', LEAD_DEPARTMENT, HANDLING, record('suspensionRequested'), {
    caseChecks: [noOpenSuspension, clockRunning],
    inputChecks: [suspensionReasonKnown],
  }),
  row('decideSuspension', SUPERVISOR, HANDLING, suspensionDecided, {
    caseChecks: [suspensionPending],
    inputChecks: [suspensionDecisionKnown],
  }),
  row('resume', LEAD_DEPARTMENT, HANDLING, record('resumed'), { caseChecks: [isSuspended] }),
  row('resume', SUPERVISOR_OR_SYSTEM, HANDLING, record('resumed'), { caseChecks: [isSuspended] }),

  // 办理
  row('progress', LEAD_DEPARTMENT, HANDLING, record('progressNoted')),
  row('progress', ASSISTING_DEPARTMENT, HANDLING, record('progressNoted')),

  // 办结: the lead department replies to the centre (through the review steps its department has); an
  // assisting one replies once to the lead.
  row('reply', LEAD_DEPARTMENT, ['accepted'], replyOutcome),
  row('reply', ASSISTING_DEPARTMENT, HANDLING, record('assistReplied'), {
    caseChecks: [assistAccepted, assistNotYetReplied],
  }),

  // 办结审核: the department lead approves the reply or sends it back to the staff; then the centre
  // (supervisors) passes it to the callback or returns it to the department. A return always says why.
  row('leadReview', LEAD_DEPARTMENT_HEAD, ['awaitingLeadApproval'], leadReviewed, {
    inputChecks: [leadDecisionKnown, reasonForReturn],
  }),
  row('review', SUPERVISOR, ['awaitingCentreReview'], centreReviewed, { inputChecks: [reviewDecisionKnown, reasonForReturn] }),

  // 直接答复: the operator answers a consultation on the call.
  row('directAnswer', OPERATOR, ['received'], moveTo('replied', 'directAnswered'), { caseChecks: [isConsultation] }),

  // 回访
  row('callback', SUPERVISOR_OR_UPSTREAM, ['replied'], callbackOutcome, { inputChecks: [verdictKnown] }),
  row('callbackAttempt', SUPERVISOR, ['replied'], callbackAttemptOutcome),
  // Closing without (another) callback: e.g. the citizen withdrew, or a reopen is not warranted.
  row('close', SUPERVISOR, ['replied', 'reopened'], closedBySupervisor, { inputChecks: [closeReasonGiven] }),
  // 撤单: the upstream platform recalls its order at any open stage.
  row('close', UPSTREAM, OPEN_CASE_STATUSES, withdrawnUpstream, { inputChecks: [closeReasonGiven] }),

  // 重办 on a repeat call: the citizen calls again about a closed case within the window; the case goes
  // back to its lead department with the new call as the note. Or the operator takes a new case that
  // follows this one up (intake's followUpOf), recorded on this case as `followedUp`.
  row('reopen', SUPERVISOR_OR_OPERATOR, ['closed'], reopenedOnRepeatCall, {
    caseChecks: [hasLeadDepartment, closedWithinRepeatWindow],
    inputChecks: [repeatCallNoted],
  }),
  row('followUp', SUPERVISOR_OR_OPERATOR, ['closed'], record('followedUp'), { caseChecks: [closedWithinRepeatWindow] }),

  // 重复件
  row('merge', DISPATCHER_OR_SUPERVISOR, OPEN_CASE_STATUSES, moveTo('merged', 'merged'), { inputChecks: mergeChecks }),
  // 督办: the system escalates on an SLA breach (DESIGN.md "Deadlines").
  row('supervise', SUPERVISOR_OR_SYSTEM, OPEN_CASE_STATUSES, supervised, { inputChecks: [levelKnown] }),
  // 催办 reminds a department, so only while one owns the case: not received or returned (the centre
  // holds it) nor replied (the department is done; the centre owes the callback).
  row('urge', SUPERVISOR_OPERATOR_OR_UPSTREAM, WITH_DEPARTMENT, record('urged')),
  // The department lead hands the case to one of the department's staff.
  row('assign', LEAD_DEPARTMENT_HEAD, WITH_DEPARTMENT, record('assigned'), { inputChecks: [assigneeIsStaff] }),
];
