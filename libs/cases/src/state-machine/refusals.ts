import { DomainError, type DomainErrorKind } from '@hotline/errors';
import type { CaseAction } from './case-actions';
import type { CaseActorRole } from './case-actor';
import type { CaseStatus } from './case-status';

/**
 * Why a transition was refused:
 * - role:  the actor's role, or its department's place on the case, never allows this action (403).
 *          Checked first, so that a department that is not on the case learns nothing about its state.
 * - state: the actor may do this action, but not while the case is in its current status (409).
 * - rule:  status and role fit, but a rule of the case or of the request does not (409 or 400).
 */
export type CaseRefusalKind = 'role' | 'state' | 'rule';

export const ROLE_REFUSAL_CODES = ['RoleForbidsAction', 'DepartmentNotOnCase', 'NotLeadDepartment'] as const;
export type CaseRoleRefusalCode = (typeof ROLE_REFUSAL_CODES)[number];

export const STATE_REFUSAL_CODES = ['StatusForbidsAction'] as const;
export type CaseStateRefusalCode = (typeof STATE_REFUSAL_CODES)[number];

/**
 * Every rule refusal and whether it is a conflict with the case (409) or a bad request (400).
 * A Record, so a new code without a decided HTTP meaning does not compile.
 */
export const RULE_REFUSAL_ERROR_KINDS = {
  // facts about the case
  ReturnWindowPassed: 'conflict',
  ExtensionPending: 'conflict',
  ExtensionLimitReached: 'conflict',
  NoPendingExtension: 'conflict',
  NotConsultation: 'conflict',
  AssistAlreadyAccepted: 'conflict',
  AssistNotAccepted: 'conflict',
  AssistAlreadyReplied: 'conflict',
  MergeTargetNotOpen: 'conflict',
  RepeatWindowPassed: 'conflict',
  NoLeadDepartment: 'conflict',
  SuspensionOpen: 'conflict',
  ClockNotRunning: 'conflict',
  NoPendingSuspension: 'conflict',
  NotSuspended: 'conflict',
  CaseSuspended: 'conflict',
  // facts about the request
  LeadDepartmentRequired: 'invalid',
  LeadAlsoAssisting: 'invalid',
  AssistingDepartmentRepeated: 'invalid',
  ReturnReasonRequired: 'invalid',
  CloseReasonRequired: 'invalid',
  CallbackVerdictInvalid: 'invalid',
  SupervisionLevelInvalid: 'invalid',
  MergeIntoSelf: 'invalid',
  MergeAcrossConfidentiality: 'invalid',
  AssigneeNotDepartmentStaff: 'invalid',
  ReviewDecisionInvalid: 'invalid',
  ReviewNoteRequired: 'invalid',
  ReopenNoteRequired: 'invalid',
  SuspensionReasonInvalid: 'invalid',
  SuspensionDecisionInvalid: 'invalid',
} as const satisfies Record<string, Extract<DomainErrorKind, 'conflict' | 'invalid'>>;
export type CaseRuleRefusalCode = keyof typeof RULE_REFUSAL_ERROR_KINDS;

export type CaseRefusalCode = CaseRoleRefusalCode | CaseStateRefusalCode | CaseRuleRefusalCode;

export type CaseRefusal =
  | { readonly kind: 'role'; readonly code: CaseRoleRefusalCode; readonly action: CaseAction; readonly message: string }
  | { readonly kind: 'state'; readonly code: CaseStateRefusalCode; readonly action: CaseAction; readonly message: string }
  | {
      readonly kind: 'rule';
      readonly code: CaseRuleRefusalCode;
      readonly action: CaseAction;
      readonly message: string;
      /** The request field at fault, for 400s. */
      readonly field?: string;
    };

/** The `DomainError` kind the API's error filter turns into 403, 409 or 400. */
export function refusalErrorKind(refusal: CaseRefusal): Extract<DomainErrorKind, 'forbidden' | 'conflict' | 'invalid'> {
  switch (refusal.kind) {
    case 'role':
      return 'forbidden';
    case 'state':
      return 'conflict';
    case 'rule':
      return RULE_REFUSAL_ERROR_KINDS[refusal.code];
  }
}

/** Thrown by services (see `decideOrThrow`); nothing has changed when it is thrown. */
export class CaseTransitionRefused extends DomainError {
  constructor(readonly refusal: CaseRefusal) {
    super(
      refusalErrorKind(refusal),
      refusal.code,
      refusal.message,
      refusal.kind === 'rule' && refusal.field ? [{ field: refusal.field, reason: refusal.message }] : [],
    );
  }
}

/** A rule that failed, before it is phrased as a refusal. */
export interface RuleFailure {
  readonly code: CaseRuleRefusalCode;
  /** Completes "<action> is not allowed while the case is <status>: …". */
  readonly reason: string;
  readonly field?: string;
}

// Role refusals never name the status: the actor may not be entitled to know it.
export function roleRefusal(action: CaseAction, code: CaseRoleRefusalCode, role: CaseActorRole): CaseRefusal {
  const message =
    code === 'DepartmentNotOnCase'
      ? `${action} is not allowed: the actor's department is not on this case`
      : code === 'NotLeadDepartment'
        ? `${action} is only allowed for the lead department`
        : `${action} is not allowed for role ${role}`;
  return { kind: 'role', code, action, message };
}

export function stateRefusal(action: CaseAction, status: CaseStatus): CaseRefusal {
  return {
    kind: 'state',
    code: 'StatusForbidsAction',
    action,
    message: `${action} is not allowed while the case is ${status}`,
  };
}

export function ruleRefusal(action: CaseAction, status: CaseStatus, failure: RuleFailure): CaseRefusal {
  return {
    kind: 'rule',
    code: failure.code,
    action,
    message: `${action} is not allowed while the case is ${status}: ${failure.reason}`,
    ...(failure.field ? { field: failure.field } : {}),
  };
}
