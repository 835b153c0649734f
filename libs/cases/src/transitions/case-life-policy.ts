import { computeReturnDeadline, type SlaPolicy, type WorkingCalendar } from '@hotline/sla';

/**
 * Limits of the case life that come from the case's SLA policy (return window, extensions), with the
 * fallbacks used only when no policy is loaded. The unreachable-callback limit is the centre's own rule.
 */
export const FALLBACK_MAX_EXTENSIONS = 2;
/** The unanswered callback attempt that reaches this number closes the case as unreachable. */
export const MAX_CALLBACK_ATTEMPTS = 3;

export interface CaseLifeLimits {
  maxExtensions: number;
  withinReturnWindow: boolean;
}

/**
 * Dispatched cases may always be returned (the machine does not ask); accepted ones only until the
 * policy's return window after dispatch ends, counted on the district's calendar.
 */
export function caseLifeLimits(
  governing: { policy: SlaPolicy; calendar: WorkingCalendar } | null,
  dispatchedAt: Date | null,
  now: Date = new Date(),
): CaseLifeLimits {
  if (!governing) return { maxExtensions: FALLBACK_MAX_EXTENSIONS, withinReturnWindow: false };
  const withinReturnWindow =
    dispatchedAt !== null && now.getTime() < computeReturnDeadline(governing.policy, dispatchedAt, governing.calendar).getTime();
  return { maxExtensions: governing.policy.maxExtensions, withinReturnWindow };
}

const DAY_MS = 86_400_000;

/**
 * 重办 / follow-up window: a closed case may be reopened on a repeat call, or followed up by a linked
 * case, until `days` calendar days (REPEAT_CALL_WINDOW_DAYS) after its latest closing.
 */
export function withinRepeatWindow(lastClosedAt: Date | null, now: Date, days: number): boolean {
  return lastClosedAt !== null && now.getTime() < lastClosedAt.getTime() + days * DAY_MS;
}
