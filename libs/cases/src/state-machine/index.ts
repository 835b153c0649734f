/**
 * The case life as one pure state machine (DESIGN.md "The case and its life"). Every REST endpoint and
 * every worker step that changes a case asks `decide` first; the console asks `allowedActions`.
 */
export { CASE_STATUSES, OPEN_CASE_STATUSES, FINAL_CASE_STATUSES, isOpenStatus, isCaseStatus } from './case-status';
export type { CaseStatus, OpenCaseStatus } from './case-status';
export { USER_ROLES, SYSTEM_ROLE, CASE_ACTOR_ROLES, DEPARTMENT_ROLES, CASE_RELATIONS, isDepartmentRole } from './case-actor';
export type { UserRole, CaseActorRole, DepartmentRole, CentreRole, CaseRelation, CaseActor } from './case-actor';
export {
  CASE_ACTIONS,
  LEAD_REVIEW_DECISIONS,
  REVIEW_DECISIONS,
  SATISFACTION_VERDICTS,
  SUPERVISION_LEVELS,
  SUSPENSION_DECISIONS,
  SUSPENSION_REASONS,
  SUSPENSION_STATUSES,
  isCaseAction,
} from './case-actions';
export type {
  CaseAction,
  CaseCommand,
  CaseCommandOf,
  LeadReviewDecision,
  ReviewDecision,
  MergeTargetFacts,
  SatisfactionVerdict,
  SupervisionLevel,
  SuspensionDecision,
  SuspensionReason,
  SuspensionStatus,
} from './case-actions';
export { ANNOTATION_EVENT_TYPES, CASE_EVENT_TYPES, UNREACHABLE_NOTE, intakeEvent } from './case-events';
export type {
  AnnotationEventType,
  CaseEventType,
  CaseTransitionEvent,
  CaseEventData,
  ClosureCause,
  ReopenCause,
  DecisionEventType,
} from './case-events';
export { CASE_KINDS } from './case-context';
export type { CaseKind, CaseContext, AssistingPartFacts, ReplyReviewSetting } from './case-context';
export {
  ROLE_REFUSAL_CODES,
  STATE_REFUSAL_CODES,
  RULE_REFUSAL_ERROR_KINDS,
  CaseTransitionRefused,
  refusalErrorKind,
} from './refusals';
export type {
  CaseRefusal,
  CaseRefusalKind,
  CaseRefusalCode,
  CaseRoleRefusalCode,
  CaseStateRefusalCode,
  CaseRuleRefusalCode,
} from './refusals';
export { decide, decideOrThrow, allowedActions } from './decide';
export type { CaseDecision, CaseTransitionAllowed, CaseTransitionDenied } from './decide';
export { replay, CaseHistoryBroken, EVENT_SHAPES } from './replay';
export type { ReplayableEvent } from './replay';
