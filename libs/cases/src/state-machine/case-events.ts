import type { SatisfactionVerdict, SupervisionLevel } from './case-actions';
import type { CaseStatus } from './case-status';

/**
 * History event types (`case_events.type`): the past tense of the action that caused them, plus the
 * intake event `received`. Statistics count these names: renaming one breaks every stored history.
 */
export const CASE_EVENT_TYPES = [
  'received',
  'dispatched',
  'returned',
  'returnRejected',
  'accepted',
  'assistAccepted',
  'extensionRequested',
  'extensionApproved',
  'extensionRejected',
  'progressNoted',
  'replied',
  'replyApproved',
  'replySentBack',
  'reviewPassed',
  'reviewReturned',
  'assistReplied',
  'directAnswered',
  'calledBack',
  'callbackAttempted',
  'reopened',
  'closed',
  'merged',
  'supervised',
  'urged',
  'assigned',
  'followedUp',
  'suspensionRequested',
  'suspended',
  'suspensionRefused',
  'resumed',
] as const;
export type DecisionEventType = (typeof CASE_EVENT_TYPES)[number];

/**
 * Events the system writes beside the machine's decisions: they annotate an open case without changing
 * its status, so replay accepts them in any open state. `slaWarned` / `slaBreached` come from the SLA
 * timers and sweep; `mergedIn` is written on the target of a merge, naming the duplicate;
 * `deadlineMoved` when a change of the working calendar moved the running stage's deadline;
 * `returnedUpstream` when the district sends an upstream platform's order back to it (the platform then
 * decides: an accepted return closes the case as withdrawn, a refused one leaves it where it is);
 * `departmentMoved` when its department was merged into another and the open case went with its work.
 */
export const ANNOTATION_EVENT_TYPES = [
  'slaWarned',
  'slaBreached',
  'mergedIn',
  'deadlineMoved',
  'returnedUpstream',
  'departmentMoved',
] as const;
export type AnnotationEventType = (typeof ANNOTATION_EVENT_TYPES)[number];

export type CaseEventType = DecisionEventType | AnnotationEventType;

/** Note on the `closed` event when the citizen could not be reached after the last callback attempt. */
export const UNREACHABLE_NOTE = 'unreachable';

/** Why a case was closed, in the `closed` event's data: the rates treat each differently. */
export type ClosureCause = 'callback' | 'unreachable' | 'supervisor' | 'withdrawn';

/** Why a case was reopened (重办), in the `reopened` event's data: an unsatisfied callback, or the citizen called again. */
export type ReopenCause = 'callback' | 'repeatCall';

/** Structured facts the machine decided, for the event's `data` column. */
export interface CaseEventData {
  readonly verdict?: SatisfactionVerdict;
  readonly level?: SupervisionLevel;
  readonly closure?: ClosureCause;
  readonly cause?: ReopenCause;
  readonly decision?: string;
}

/**
 * The state part of one history event. The service adds case id, actor, time and request payload
 * (departments, assignee, deadlines) and writes it in the same transaction as the status change.
 */
export interface CaseTransitionEvent {
  readonly type: CaseEventType;
  /** null only for the intake event `received`. */
  readonly fromStatus: CaseStatus | null;
  readonly toStatus: CaseStatus;
  readonly note?: string;
  readonly data?: CaseEventData;
}

/** The first event of every case: intake is not a decision, but every history starts with it. */
export function intakeEvent(): CaseTransitionEvent {
  return { type: 'received', fromStatus: null, toStatus: 'received' };
}
