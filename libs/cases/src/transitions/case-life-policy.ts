import { addWorkingTime, createWorkingCalendar } from '@hotline/sla';

/** Extension requests (延期申请) a case may have, whatever their outcome. */
export const MAX_EXTENSIONS = 2;
/** The unanswered callback attempt that reaches this number closes the case as unreachable. */
export const MAX_CALLBACK_ATTEMPTS = 3;
/** An accepted case may still be returned within this many working days of its dispatch. */
export const RETURN_WINDOW_WORKING_DAYS = 2;

// The default calendar (statutory holidays and 调休, office hours); district overrides come with SLA policies.
const CALENDAR = createWorkingCalendar({});

export function returnWindowEnd(dispatchedAt: Date): Date {
  return addWorkingTime(dispatchedAt, RETURN_WINDOW_WORKING_DAYS, 'workingDays', CALENDAR);
}

/** Dispatched cases may always be returned (the machine does not ask); accepted ones within the window. */
export function isWithinReturnWindow(dispatchedAt: Date | null, now: Date = new Date()): boolean {
  return dispatchedAt !== null && now.getTime() < returnWindowEnd(dispatchedAt).getTime();
}
