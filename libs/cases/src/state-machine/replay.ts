import { DomainError } from '@hotline/errors';
import { ANNOTATION_EVENT_TYPES, CASE_EVENT_TYPES, type DecisionEventType } from './case-events';
import { OPEN_CASE_STATUSES, type CaseStatus } from './case-status';

/** The part of a stored event that replay reads; `CaseEventEntity` rows fit once their strings are typed. */
export interface ReplayableEvent {
  readonly type: string;
  /** A CaseStatus as stored (a plain string column); replay checks it. */
  readonly fromStatus: string | null;
  readonly toStatus: string;
}

/**
 * Where each event type may start and where it leads ('same': the status does not change). Replay
 * refuses an event that chains but that the machine could never have produced; a unit test proves that
 * this table and `decide` agree both ways.
 */
export const EVENT_SHAPES: Readonly<
  Record<
    DecisionEventType,
    { readonly from: readonly (CaseStatus | null)[]; readonly to: CaseStatus | readonly CaseStatus[] | 'same' }
  >
> = {
  received: { from: [null], to: 'received' },
  dispatched: { from: ['received', 'returned'], to: 'dispatched' },
  returned: { from: ['dispatched', 'accepted'], to: 'returned' },
  returnRejected: { from: ['returned'], to: 'dispatched' },
  accepted: { from: ['dispatched', 'reopened'], to: 'accepted' },
  assistAccepted: { from: ['dispatched', 'accepted'], to: 'same' },
  extensionRequested: { from: ['accepted'], to: 'same' },
  extensionApproved: { from: ['accepted'], to: 'same' },
  extensionRejected: { from: ['accepted'], to: 'same' },
  suspensionRequested: { from: ['dispatched', 'accepted'], to: 'same' },
  suspended: { from: ['dispatched', 'accepted'], to: 'same' },
  suspensionRefused: { from: ['dispatched', 'accepted'], to: 'same' },
  resumed: { from: ['dispatched', 'accepted'], to: 'same' },
  progressNoted: { from: ['dispatched', 'accepted'], to: 'same' },
  // Where a reply or an approval goes depends on the department's review steps at the time.
  replied: { from: ['accepted'], to: ['awaitingLeadApproval', 'awaitingCentreReview', 'replied'] },
  replyApproved: { from: ['awaitingLeadApproval'], to: ['awaitingCentreReview', 'replied'] },
  replySentBack: { from: ['awaitingLeadApproval'], to: 'accepted' },
  reviewPassed: { from: ['awaitingCentreReview'], to: 'replied' },
  reviewReturned: { from: ['awaitingCentreReview'], to: 'accepted' },
  assistReplied: { from: ['dispatched', 'accepted'], to: 'same' },
  directAnswered: { from: ['received'], to: 'replied' },
  calledBack: { from: ['replied'], to: 'same' },
  callbackAttempted: { from: ['replied'], to: 'same' },
  reopened: { from: ['replied', 'closed'], to: 'reopened' },
  // Supervisors close replied or reopened cases; an upstream platform's recall (撤单) closes one at any open stage.
  closed: { from: OPEN_CASE_STATUSES, to: 'closed' },
  merged: { from: OPEN_CASE_STATUSES, to: 'merged' },
  supervised: { from: OPEN_CASE_STATUSES, to: 'same' },
  urged: { from: ['dispatched', 'accepted', 'reopened'], to: 'same' },
  assigned: { from: ['dispatched', 'accepted', 'reopened'], to: 'same' },
  followedUp: { from: ['closed'], to: 'same' },
};

/** A history that does not replay: the case's stored status cannot be trusted, or the history is corrupt. */
export class CaseHistoryBroken extends DomainError {
  constructor(
    /** Position of the offending event (history length for an empty history). */
    readonly index: number,
    reason: string,
  ) {
    super('conflict', 'CaseHistoryBroken', `case history is broken at event ${index}: ${reason}`);
  }
}

function isDecisionEvent(type: string): type is DecisionEventType {
  return (CASE_EVENT_TYPES as readonly string[]).includes(type);
}

function isAnnotation(type: string): boolean {
  return (ANNOTATION_EVENT_TYPES as readonly string[]).includes(type);
}

/**
 * Replays a case's history, oldest first, and returns the status it leads to. Each event must start
 * where the previous one ended (the first at intake, from null to received) and be a move the
 * machine can make. Throws `CaseHistoryBroken` otherwise.
 */
export function replay(events: readonly ReplayableEvent[]): CaseStatus {
  if (events.length === 0) throw new CaseHistoryBroken(0, 'a history starts with the received event');
  let status: CaseStatus | null = null;
  for (const [index, event] of events.entries()) {
    if (event.fromStatus !== status) {
      throw new CaseHistoryBroken(
        index,
        `${event.type} starts from ${event.fromStatus ?? 'nothing'} but the case is ${status ?? 'not yet received'}`,
      );
    }
    if (isAnnotation(event.type)) {
      if (status === null || !(OPEN_CASE_STATUSES as readonly string[]).includes(status) || event.toStatus !== status) {
        throw new CaseHistoryBroken(
          index,
          `${event.type} annotates an open case without changing it, not ${status ?? 'nothing'} to ${event.toStatus}`,
        );
      }
      continue;
    }
    if (!isDecisionEvent(event.type)) throw new CaseHistoryBroken(index, `unknown event type ${event.type}`);
    const shape = EVENT_SHAPES[event.type];
    const targets: readonly (CaseStatus | null)[] =
      shape.to === 'same' ? [status] : typeof shape.to === 'string' ? [shape.to] : shape.to;
    const next = targets.find((t) => t === event.toStatus) ?? null;
    if (next === null || !shape.from.includes(status)) {
      throw new CaseHistoryBroken(index, `${event.type} cannot lead from ${status ?? 'nothing'} to ${event.toStatus}`);
    }
    status = next;
  }
  // Unreachable with a non-empty history: the first event either set a status or threw.
  if (status === null) throw new CaseHistoryBroken(0, 'a history starts with the received event');
  return status;
}
