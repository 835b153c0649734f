import { workingTimeBetween, type WorkingCalendar } from '@hotline/sla';
import {
  CASE_FIGURES,
  DRILLABLE_FIGURES,
  LIVE_FIGURES,
  type CaseFigure,
  type DrillableFigure,
  type LiveFigure,
} from './figure-names';

/**
 * THE definition of every statistic (DESIGN.md "Rates supervisors audit"). Pure: one case's history in,
 * that case's figures out. The worker stores these per case and sums them into rollups; the consistency
 * check recomputes them from history with this same function; the drill-down lists the cases whose
 * stored figure is true. So a figure, its recompute and its case list cannot disagree.
 *
 * Period: a case counts in the period in which it was RECEIVED (cases.received_at, the `received`
 * event's time), whatever happened to it later. Its figures are "as of now": a case received in March
 * and called back in April raises March's satisfaction rate once April's callback is recorded.
 *
 * Merged cases (重复件) count in `received` and `merged` only: their handling belongs to the case they
 * were merged into, so they are left out of every other figure and of every rate.
 */

/** One history row as the figures need it; events come ordered by id (the history's total order). */
export interface FigureEvent {
  readonly type: string;
  readonly at: Date;
  readonly data?: Record<string, unknown> | null;
}

/** One `case_deadlines` row. */
export interface FigureDeadline {
  readonly stage: string;
  readonly startedAt: Date;
  readonly deadline: Date;
  readonly endedAt: Date | null;
}

export interface CaseFigureInput {
  readonly events: readonly FigureEvent[];
  readonly deadlines: readonly FigureDeadline[];
  /** The district calendar: handling time is measured in its working hours. */
  readonly calendar: WorkingCalendar;
}

export { CASE_FIGURES, LIVE_FIGURES, DRILLABLE_FIGURES, type CaseFigure, type LiveFigure, type DrillableFigure };

export type CaseFigures = { readonly [F in CaseFigure]: boolean } & {
  /** Working ms from the first dispatch to the standing reply; null unless `replied`. */
  readonly handlingMs: number | null;
};

const SATISFIED_VERDICTS = new Set(['satisfied', 'basicallySatisfied']);

function lastIndexOf(events: readonly FigureEvent[], type: string): number {
  for (let i = events.length - 1; i >= 0; i -= 1) if (events[i].type === type) return i;
  return -1;
}

/** The latest deadline row of a stage that had started by `at` (an extension's row supersedes the earlier one). */
function stageRunningAt(deadlines: readonly FigureDeadline[], stage: string, at: number): FigureDeadline | undefined {
  let found: FigureDeadline | undefined;
  for (const d of deadlines) {
    if (d.stage !== stage || d.startedAt.getTime() > at) continue;
    if (
      !found ||
      d.startedAt.getTime() > found.startedAt.getTime() ||
      (d.startedAt.getTime() === found.startedAt.getTime() && d.deadline.getTime() > found.deadline.getTime())
    ) {
      found = d;
    }
  }
  return found;
}

/** The stage's row that started next after `row`: the one a resumption (挂起 ended) started. */
function nextOfStage(deadlines: readonly FigureDeadline[], row: FigureDeadline): FigureDeadline | undefined {
  let next: FigureDeadline | undefined;
  for (const d of deadlines) {
    if (d.stage !== row.stage || d.startedAt.getTime() <= row.startedAt.getTime()) continue;
    if (!next || d.startedAt.getTime() < next.startedAt.getTime()) next = d;
  }
  return next;
}

/**
 * The deadline a stage row is judged against (挂起, per the policy's `suspension.inRates`, recorded on the
 * `resumed` event): 'excluded' (the default) judges the row's own deadline, which the suspension moved on
 * by the time suspended; 'counted' judges the deadline that stood when the clock stopped, back through
 * every suspension of the stage, so suspended time counts as handling time.
 */
function judgedDeadline(deadlines: readonly FigureDeadline[], events: readonly FigureEvent[], row: FigureDeadline): number {
  const pausedCounted = events
    .filter((e) => e.type === 'resumed' && e.data?.inRates === 'counted' && typeof e.data.pausedDeadline === 'string')
    .map((e) => Date.parse(e.data!.pausedDeadline as string));
  let current = row;
  for (let hops = 0; hops < deadlines.length; hops += 1) {
    const paused = deadlines.find(
      (d) => d.stage === current.stage && pausedCounted.includes(d.deadline.getTime()) && nextOfStage(deadlines, d) === current,
    );
    if (!paused) break;
    current = paused;
  }
  return current.deadline.getTime();
}

/**
 * - received: every case.
 * - merged: the case was merged into another (重复件). Excluded from everything below.
 * - dispatched: a department was given the case (a `dispatched` event). Denominator of the response and
 *   completion rates.
 * - acceptedOnTime: the lead department accepted (签收) within the accept stage of the latest dispatch:
 *   an `accepted` event between that stage's start and its deadline (both inclusive); after a suspension
 *   (挂起), the resumed stage, judged as judgedDeadline says.
 * - replied: dispatched and the lead department's reply (办结) stands: a `replied` event not followed by a
 *   reopen, nor sent back by the department lead or returned by the centre's review (办结审核). A reply
 *   waiting in review stands until a reviewer sends it back. A case counts again once replied again.
 * - repliedOnTime: replied, and the standing reply came at or before the deadline of the reply stage
 *   running then (an approved extension's moved deadline; after a reopen, the reopen's new stage; after a
 *   suspension, as the policy counts suspended time: judgedDeadline).
 * - directAnswered: an operator answered a consultation on the call (never dispatched).
 * - calledBack: the centre reached the citizen (a `calledBack` event; unanswered attempts do not count),
 *   by phone or by the e-mail an Open311 report left without a phone (the case view's `callbackBy`). A
 *   case with no phone and no e-mail cannot be called back: the supervisor closes it with a reason, and
 *   it is closed, not called back, so it is in no satisfaction or resolution denominator. No figure
 *   counts a "missed callback": neither that case nor one closed as unreachable after the attempts.
 * - satisfied: the latest callback's verdict is satisfied or basically satisfied (满意 + 基本满意).
 * - solved: the latest callback confirmed the problem solved (解决).
 * - returned / reopened / extended: at least one return (退单) / reopen (重办) / approved extension (延期).
 * - reviewReturned: the centre's review returned a reply to the department at least once (审核退回).
 * - closed: closed (归档) at least once; a case reopened on a repeat call stays counted.
 * - repeatCalled: the citizen called again about the closed case within the window: it was reopened on
 *   the call (a `reopened` event of cause repeatCall) or a follow-up case was linked to it (`followedUp`).
 * - handlingMs: working time on the district calendar from the first dispatch to the standing reply.
 * Event types this module does not name (slaWarned, slaBreached, mergedIn, urged, …) change nothing.
 */
export function caseFigures(input: CaseFigureInput): CaseFigures {
  const { events, deadlines } = input;
  const has = (type: string) => events.some((e) => e.type === type);
  const merged = has('merged');
  if (merged) {
    return {
      received: true,
      dispatched: false,
      acceptedOnTime: false,
      replied: false,
      repliedOnTime: false,
      calledBack: false,
      satisfied: false,
      solved: false,
      returned: false,
      reopened: false,
      extended: false,
      merged: true,
      directAnswered: false,
      reviewReturned: false,
      closed: false,
      repeatCalled: false,
      handlingMs: null,
    };
  }
  const firstDispatch = events.find((e) => e.type === 'dispatched');
  const dispatched = firstDispatch !== undefined;

  let acceptedOnTime = false;
  const acceptStage = stageRunningAt(deadlines, 'accept', Number.POSITIVE_INFINITY);
  if (dispatched && acceptStage) {
    const from = acceptStage.startedAt.getTime();
    const until = judgedDeadline(deadlines, events, acceptStage);
    acceptedOnTime = events.some((e) => e.type === 'accepted' && e.at.getTime() >= from && e.at.getTime() <= until);
  }

  const lastReply = lastIndexOf(events, 'replied');
  const lastUndone = Math.max(
    lastIndexOf(events, 'reopened'),
    lastIndexOf(events, 'replySentBack'),
    lastIndexOf(events, 'reviewReturned'),
  );
  const replied = dispatched && lastReply >= 0 && lastReply > lastUndone;
  let repliedOnTime = false;
  let handlingMs: number | null = null;
  if (replied) {
    const at = events[lastReply].at;
    const stage = stageRunningAt(deadlines, 'reply', at.getTime());
    repliedOnTime = stage !== undefined && at.getTime() <= judgedDeadline(deadlines, events, stage);
    handlingMs = Math.round(workingTimeBetween(firstDispatch.at, at, input.calendar).workingMinutes * 60_000);
  }

  const lastCallback = lastIndexOf(events, 'calledBack');
  const callbackData = lastCallback >= 0 ? (events[lastCallback].data ?? {}) : {};
  const verdict = callbackData.verdict ?? callbackData.satisfaction;

  return {
    received: true,
    dispatched,
    acceptedOnTime,
    replied,
    repliedOnTime,
    calledBack: lastCallback >= 0,
    satisfied: lastCallback >= 0 && typeof verdict === 'string' && SATISFIED_VERDICTS.has(verdict),
    solved: lastCallback >= 0 && callbackData.solved === true,
    returned: has('returned'),
    reopened: has('reopened'),
    extended: has('extensionApproved'),
    merged: false,
    directAnswered: has('directAnswered'),
    reviewReturned: has('reviewReturned'),
    closed: has('closed'),
    repeatCalled: events.some((e) => (e.type === 'reopened' && e.data?.cause === 'repeatCall') || e.type === 'followedUp'),
    handlingMs,
  };
}
