import type { FieldProblem } from '@hotline/errors';
import { ISO_DATE_TIME_FORMS, parseIsoDateTime } from '@hotline/input';

const DAY_MS = 86_400_000;
export const MAX_WINDOW_DAYS = 90;

export interface RequestWindow {
  from: Date;
  to: Date;
}

/**
 * The requested_datetime window of GET requests: at most 90 days; with neither bound the most recent
 * 90 days; with one bound, 90 days from (or up to) it. The bounds are read by the API's one date
 * parser (a w3 date-time with a zone, or a day starting at the district's midnight).
 */
export function requestWindow(
  startDate: string | undefined,
  endDate: string | undefined,
  now: Date,
  timeZone: string,
): { window?: RequestWindow; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const start = startDate === undefined ? undefined : parseIsoDateTime(startDate, timeZone);
  const end = endDate === undefined ? undefined : parseIsoDateTime(endDate, timeZone);
  const reason = `must be a w3 date-time with a zone, eg 2026-01-01T00:00:00Z (${ISO_DATE_TIME_FORMS})`;
  if (start === null) problems.push({ field: 'start_date', reason });
  if (end === null) problems.push({ field: 'end_date', reason });
  if (problems.length > 0) return { problems };
  const span = MAX_WINDOW_DAYS * DAY_MS;
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  const from = start ?? new Date(to.getTime() - span);
  if (to.getTime() < from.getTime()) problems.push({ field: 'end_date', reason: 'must not be before start_date' });
  else if (to.getTime() - from.getTime() > span)
    problems.push({ field: 'end_date', reason: `the range may not span more than ${MAX_WINDOW_DAYS} days` });
  return problems.length > 0 ? { problems } : { window: { from, to }, problems };
}
