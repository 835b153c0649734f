import {
  addWorkingTime,
  computeStageDeadline,
  deadlineCalendar,
  pauseClock,
  resumeClock,
  stageLimit,
  suspensionEnd,
  suspensionRules,
  type PausedClock,
  type CalendarSource,
  type SlaPolicy,
  type SlaStage,
  type SlaUnit,
  type WorkingCalendar,
} from '@hotline/sla';
import type { CaseEventType, CaseStatus } from '../state-machine';

/** The SLA stage a case is in now, as stored on the case row. */
export interface CurrentSlaStage {
  stage: SlaStage | null;
  deadline: Date | null;
  warnAt: Date | null;
}

/** What a transition does to the running SLA stage. */
export type SlaStageChange =
  | {
      kind: 'start';
      stage: SlaStage;
      startedAt: Date;
      deadline: Date;
      warnAt: Date;
      reason: string;
      /** The stage's unit, for its time left. */
      unit: SlaUnit;
      /** Where the deadline's days came from (official, predicted, law). */
      calendar: CalendarSource;
    }
  | { kind: 'end'; reason: string }
  | {
      /** 挂起 approved: the stage's clock stops with what it had left; it resumes by `resumeBy` at the latest. */
      kind: 'pause';
      stage: SlaStage;
      reason: string;
      suspensionId: string;
      paused: PausedClock;
      resumeBy: Date;
    };

export interface SlaStageInput {
  /** The decided events, with the request's data merged in (an extension's approved days). */
  /** `toStatus` says where a reply goes (a review step or the callback); events without it go to the callback. */
  events: readonly { type: CaseEventType; toStatus?: CaseStatus; data?: Record<string, unknown> }[];
  current: CurrentSlaStage;
  /** When the case was (last) dispatched; the reply stage counts from it. */
  dispatchedAt: Date | null;
  now: Date;
  policy: SlaPolicy;
  calendar: WorkingCalendar;
  /**
   * Deadlines fixed from outside for some stages (an upstream platform's order: the city's accept and
   * reply deadlines). A stage's deadline is the stricter of the policy's and this one.
   */
  caps?: Partial<Record<SlaStage, Date>>;
}

/**
 * The stricter of a computed deadline and an outside one: the earlier wins, and the warning never
 * falls after the deadline it warns of (pure; an outside deadline already past still governs, so the
 * breach shows at once).
 */
export function capDeadline(
  computed: { deadline: Date; warnAt: Date },
  cap: Date | undefined,
): { deadline: Date; warnAt: Date; capped: boolean } {
  if (!cap || cap.getTime() >= computed.deadline.getTime()) return { ...computed, capped: false };
  const warnAt = computed.warnAt.getTime() < cap.getTime() ? computed.warnAt : cap;
  return { deadline: cap, warnAt, capped: true };
}

/** The stage a reply waits in: a review step's own, or the callback once it has passed every step. */
function stageOfReviewStep(status: CaseStatus | undefined): SlaStage {
  if (status === 'awaitingLeadApproval') return 'leadReview';
  if (status === 'awaitingCentreReview') return 'centreReview';
  return 'callback';
}

/** Events after which no stage runs: the case left the departments or is finished. */
const ENDING_EVENTS = new Set<CaseEventType>(['returned', 'closed', 'merged', 'calledBack']);

/**
 * The stage a transition starts, moves or ends, from the events the state machine decided (pure).
 *
 * - dispatched: the accept stage (签收) counts from now.
 * - accepted: the reply stage (办结) counts from the dispatch, not from the acceptance, as the 12345 rules
 *   word it ("办结 within N working days of dispatch"), so a slow acceptance does not buy reply time.
 *   An acceptance after a reopen keeps the reply stage the reopen started.
 * - replied / directAnswered: the callback stage (回访) counts from now; a reply that goes to a review
 *   step (办结审核) starts that step's stage instead (leadReview, centreReview), and the approval or pass
 *   that ends the last step starts the callback stage.
 * - replySentBack / reviewReturned: the reply goes back to the department, whose new reply stage counts
 *   from now, as after a reopen.
 * - reopened: a new reply stage counts from now.
 * - extensionApproved: the reply deadline and its warning move by the approved working days.
 * - suspended (挂起 approved): the running stage's clock stops, keeping the working time it had left to its
 *   deadline and warning; no deadline runs until it resumes, by the policy's maximum at the latest.
 * - resumed: the suspended stage starts again from now with exactly the time it had left.
 * - returned, merged, closed, calledBack: no stage runs (a reopen after a callback starts one again).
 * Events apply in order, so "calledBack, reopened" ends the callback stage and starts a reply stage.
 */
export function slaStageChange(input: SlaStageInput): SlaStageChange | null {
  const { policy, calendar, now } = input;
  let current: CurrentSlaStage = input.current;
  let change: SlaStageChange | null = null;
  const start = (stage: SlaStage, from: Date, reason: string) => {
    const computed = computeStageDeadline(policy, stage, from, calendar);
    const { deadline, warnAt, capped } = capDeadline(computed, input.caps?.[stage]);
    const { unit, calendar: source } = computed;
    change = {
      kind: 'start',
      stage,
      startedAt: from,
      deadline,
      warnAt,
      reason: capped ? `${reason} (upstream deadline)` : reason,
      unit,
      calendar: source,
    };
    current = { stage, deadline, warnAt };
  };
  for (const event of input.events) {
    switch (event.type) {
      case 'dispatched':
        start('accept', now, event.type);
        break;
      case 'accepted':
        if (current.stage !== 'reply') start('reply', input.dispatchedAt ?? now, event.type);
        break;
      case 'replied':
      case 'directAnswered':
      case 'replyApproved':
      case 'reviewPassed':
        start(stageOfReviewStep(event.toStatus), now, event.type);
        break;
      case 'reopened':
      case 'replySentBack':
      case 'reviewReturned':
        start('reply', now, event.type);
        break;
      case 'extensionApproved': {
        const days = Number(event.data?.days);
        if (current.stage !== 'reply' || !current.deadline || !current.warnAt || !Number.isInteger(days) || days <= 0) break;
        const deadline = addWorkingTime(current.deadline, days, 'workingDays', calendar);
        change = {
          kind: 'start',
          stage: 'reply',
          startedAt: now,
          deadline,
          warnAt: addWorkingTime(current.warnAt, days, 'workingDays', calendar),
          reason: event.type,
          unit: policy.reply.unit,
          calendar: deadlineCalendar(now, deadline, calendar),
        };
        current = { stage: 'reply', deadline: change.deadline, warnAt: change.warnAt };
        break;
      }
      case 'suspended': {
        if (!current.stage || !current.deadline) break;
        const stage = current.stage;
        const paused = pauseClock(
          now,
          { deadline: current.deadline, warnAt: current.warnAt },
          stageLimit(policy, stage).unit,
          calendar,
        );
        const resumeBy = suspensionEnd(now, suspensionRules(policy).maxDuration, calendar);
        change = { kind: 'pause', stage, reason: event.type, suspensionId: String(event.data?.suspensionId), paused, resumeBy };
        current = { stage, deadline: null, warnAt: null };
        break;
      }
      case 'resumed': {
        const stage = (event.data?.stage as SlaStage | undefined) ?? current.stage;
        const remainingMs = Number(event.data?.remainingMs);
        if (!stage || !Number.isFinite(remainingMs)) break;
        const warn = event.data?.warnRemainingMs;
        const paused: PausedClock = { remainingMs, warnRemainingMs: typeof warn === 'number' ? warn : null };
        const unit = stageLimit(policy, stage).unit;
        const { deadline, warnAt } = resumeClock(now, paused, unit, calendar);
        change = {
          kind: 'start',
          stage,
          startedAt: now,
          deadline,
          warnAt,
          reason: event.type,
          unit,
          calendar: deadlineCalendar(now, deadline, calendar),
        };
        current = { stage, deadline, warnAt };
        break;
      }
      default:
        if (ENDING_EVENTS.has(event.type)) {
          change = { kind: 'end', reason: event.type };
          current = { stage: null, deadline: null, warnAt: null };
        }
    }
  }
  return change;
}
