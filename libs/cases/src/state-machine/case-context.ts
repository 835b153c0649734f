import type { CaseKind } from '../case-attributes';
import type { CaseStatus } from './case-status';

export { CASE_KINDS, type CaseKind } from '../case-attributes';

/** A department's reply review steps (办结审核). */
export interface ReplyReviewSetting {
  readonly lead: boolean;
  readonly centre: boolean;
}

/** What an assisting department (协办单位) has done on its own part of the case. */
export interface AssistingPartFacts {
  readonly accepted: boolean;
  readonly replied: boolean;
}

/**
 * Everything the machine needs to know about the case, as the service loaded it (under the same
 * optimistic lock that the transition will take). Plain data: counts, limits and flags, never rows.
 */
export interface CaseContext {
  readonly status: CaseStatus;
  readonly kind: CaseKind;
  /** An accepted case may still be returned (退单) for a short window after acceptance (SLA policy). */
  readonly withinReturnWindow: boolean;
  /** An extension request (延期申请) awaits a supervisor's decision. */
  readonly pendingExtension: boolean;
  /** Extension requests already made on this case, whatever their outcome (a pending one included). */
  readonly extensionCount: number;
  readonly maxExtensions: number;
  /** Unanswered callback attempts already recorded, not counting the one being decided. */
  readonly callbackAttempts: number;
  /** The attempt that reaches this number closes the case as unreachable. */
  readonly maxCallbackAttempts: number;
  /**
   * 办结审核 as the lead department has it set up: its lead approves replies first (`lead`), the centre
   * reviews them before the callback (`centre`). Missing: no review, a reply goes straight to callback.
   */
  readonly replyReview?: ReplyReviewSetting;
  /** A lead department is on the case (a direct answer never had one, so it cannot be reopened to one). */
  readonly hasLeadDepartment?: boolean;
  /** A closed case was closed within the repeat-call window (重办 / follow-up); missing means not. */
  readonly withinRepeatWindow?: boolean;
  /**
   * 挂起: a suspension request awaits a supervisor ('pending'), or the stage's clock is stopped ('active').
   * Missing means none.
   */
  readonly suspension?: 'pending' | 'active';
  /** An SLA stage's clock runs now (a stage with a deadline not yet passed): only a running clock can be stopped. */
  readonly clockRunning?: boolean;
  /** The actor's own department's part, when the actor is from an assisting department. */
  readonly assistingPart?: AssistingPartFacts;
}
