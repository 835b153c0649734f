/**
 * Every way a case can move. REST endpoints (POST /api/v1/cases/:id/<name>) map one to one:
 * dispatch, accept, return, reject-return (rejectReturn), extension-requests (requestExtension),
 * progress, reply, direct-answer (directAnswer), callback, callback-attempt (callbackAttempt), close,
 * merge, supervise, urge, assign, lead-review (leadReview), review, reopen; approveExtension and
 * rejectExtension act on the pending request. 挂起: suspend, suspension-decision (decideSuspension),
 * resume. followUp has no endpoint of its own: an intake with
 * `followUpOf` takes it on the closed case it follows up (in the intake's transaction).
 */
export const CASE_ACTIONS = [
  'dispatch',
  'accept',
  'return',
  'rejectReturn',
  'requestExtension',
  'approveExtension',
  'rejectExtension',
  'progress',
  'reply',
  'leadReview',
  'review',
  'directAnswer',
  'callback',
  'callbackAttempt',
  'close',
  'merge',
  'supervise',
  'urge',
  'assign',
  'reopen',
  'followUp',
  'suspend',
  'decideSuspension',
  'resume',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** 满意 / 基本满意 / 不满意. */
export const SATISFACTION_VERDICTS = ['satisfied', 'basicallySatisfied', 'unsatisfied'] as const;
export type SatisfactionVerdict = (typeof SATISFACTION_VERDICTS)[number];

/** 办结审核 decisions: the department lead approves or sends back; the centre passes or returns. */
export const LEAD_REVIEW_DECISIONS = ['approve', 'return'] as const;
export type LeadReviewDecision = (typeof LEAD_REVIEW_DECISIONS)[number];
export const REVIEW_DECISIONS = ['pass', 'return'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Why a department asks to stop the clock (挂起): the citizen cannot be reached, a third party must act first, a court must rule. */
export const SUSPENSION_REASONS = ['citizenUnreachable', 'awaitingThirdParty', 'beforeCourt'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/** A suspension's life (case_suspensions.status): pending → refused | active → ended; lapsed when its stage ended otherwise. */
export const SUSPENSION_STATUSES = ['pending', 'refused', 'active', 'ended', 'lapsed'] as const;
export type SuspensionStatus = (typeof SUSPENSION_STATUSES)[number];

/** A supervisor's answer to a suspension request. */
export const SUSPENSION_DECISIONS = ['approve', 'refuse'] as const;
export type SuspensionDecision = (typeof SUSPENSION_DECISIONS)[number];

/** 督办 level. */
export const SUPERVISION_LEVELS = ['normal', 'yellow', 'red'] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

/**
 * An action with the part of the request the rules need. Facts about the request that only the
 * service can look up (is the merge target open? is the assignee in the department?) are passed in
 * as plain booleans, so the machine stays pure.
 */
export type CaseCommand =
  | { readonly action: 'dispatch'; readonly leadDepartmentId: string; readonly assistingDepartmentIds?: readonly string[] }
  | { readonly action: 'accept' }
  | { readonly action: 'return'; readonly reason: string }
  | { readonly action: 'rejectReturn' }
  | { readonly action: 'requestExtension' }
  | { readonly action: 'approveExtension' }
  | { readonly action: 'rejectExtension' }
  | { readonly action: 'progress' }
  | { readonly action: 'reply' }
  | { readonly action: 'leadReview'; readonly decision: LeadReviewDecision; readonly note?: string }
  | { readonly action: 'review'; readonly decision: ReviewDecision; readonly note?: string }
  | { readonly action: 'directAnswer' }
  | { readonly action: 'callback'; readonly verdict: SatisfactionVerdict }
  | { readonly action: 'callbackAttempt' }
  | { readonly action: 'close'; readonly reason: string }
  | { readonly action: 'merge'; readonly target: MergeTargetFacts }
  | { readonly action: 'supervise'; readonly level: SupervisionLevel }
  | { readonly action: 'urge' }
  | { readonly action: 'assign'; readonly assigneeIsDepartmentStaff: boolean }
  | { readonly action: 'reopen'; readonly note: string }
  | { readonly action: 'followUp' }
  | { readonly action: 'suspend'; readonly reason: SuspensionReason }
  | { readonly action: 'decideSuspension'; readonly decision: SuspensionDecision }
  | { readonly action: 'resume' };

export type CaseCommandOf<A extends CaseAction> = Extract<CaseCommand, { action: A }>;

export interface MergeTargetFacts {
  /** The target is this very case. */
  readonly sameCase: boolean;
  /** The target exists and is in an open status (not closed, not merged). */
  readonly open: boolean;
  /**
   * Both cases are confidential, or neither is. A merge ties two cases together in every view of them,
   * and a confidential case (举报) must never be tied to an ordinary case whose caller others see masked.
   */
  readonly sameConfidentiality: boolean;
}

export function isCaseAction(value: unknown): value is CaseAction {
  return typeof value === 'string' && (CASE_ACTIONS as readonly string[]).includes(value);
}
