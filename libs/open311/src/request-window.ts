import type { FieldProblem } from '@hotline/errors';

const DAY_MS = 86_400_000;
export const MAX_WINDOW_DAYS = 90;

/** W3C date-time with a zone (the spec's "w3 format", eg 2010-01-01T00:00:00Z). */
const W3C = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

export function parseW3cDateTime(value: string): Date | null {
  if (!W3C.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export interface RequestWindow {
  from: Date;
  to: Date;
}

/**
 * The requested_datetime window of GET requests: at most 90 days; with neither bound the most recent
 * 90 days; with one bound, 90 days from (or up to) it.
 */
export function requestWindow(startDate: string | undefined, endDate: string | undefined, now: Date): { window?: RequestWindow; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const start = startDate === undefined ? undefined : parseW3cDateTime(startDate);
  const end = endDate === undefined ? undefined : parseW3cDateTime(endDate);
  if (start === null) problems.push({ field: 'start_date', reason: 'must be a w3 date-time with a zone, eg 2026-01-01T00:00:00Z' });
  if (end === null) problems.push({ field: 'end_date', reason: 'must be a w3 date-time with a zone, eg 2026-01-01T00:00:00Z' });
  if (problems.length > 0) return { problems };
  const span = MAX_WINDOW_DAYS * DAY_MS;
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  const from = start ?? new Date(to.getTime() - span);
  if (to.getTime() < from.getTime()) problems.push({ field: 'end_date', reason: 'must not be before start_date' });
  else if (to.getTime() - from.getTime() > span) problems.push({ field: 'end_date', reason: `the range may not span more than ${MAX_WINDOW_DAYS} days` });
  return problems.length > 0 ? { problems } : { window: { from, to }, problems };
}
