import { deadlineCalendar } from './calendar-state';
import type { CalendarSource } from './statutory-calendar';
import type { WorkingCalendar } from './working-calendar';
import { addWorkingTime, nextWorkingInstant, workingTimeBetween, type SlaUnit } from './working-time';
import { MINUTE_MS } from './zone-clock';

/** A stage deadline that is running, as stored. */
export interface RunningDeadline {
  startedAt: Date;
  deadline: Date;
  warnAt: Date;
  unit: SlaUnit;
}

export interface MovedDeadline {
  deadline: Date;
  warnAt: Date;
  calendar: CalendarSource;
}

/** A change of a district's working calendar, with the days whose working state it changes. */
export interface CalendarChange {
  before: WorkingCalendar;
  after: WorkingCalendar;
  /** 'YYYY-MM-DD', sorted. */
  changedDays: readonly string[];
  /** In plain words, for the cases' history: "2027 holiday notice imported". */
  why: string;
}

/**
 * Where a running deadline falls once the working calendar changes (a notice imported, an override
 * edited), or null when the change does not touch it (pure). The working time the stage was given is
 * kept: what it was between its start and its deadline (and its warning) on the calendar before is laid
 * out again from the same start on the calendar after. Equal working time ends at a closing time or at
 * the next opening alike; a deadline that stood at an opening (a stage of working days counted from the
 * next day, "Monday 08:30") keeps standing at one ("Saturday 08:30" once Saturday is worked), never the
 * closing time before it, which would cut the department's night. Calendar-minute stages (emergencies)
 * are not moved: holidays do not stop their clock.
 */
export function movedDeadline(running: RunningDeadline, before: WorkingCalendar, after: WorkingCalendar): MovedDeadline | null {
  if (running.unit === 'minutes') return null;
  const start = running.startedAt;
  const given = workingTimeBetween(start, running.deadline, before).workingMinutes;
  const atOpening = isOpening(running.deadline, before);
  // The same working time can still need a move: a deadline at the opening of a day that is no longer
  // worked ("Thursday 08:30", Thursday now a holiday) opens on the next working day instead.
  const openingLost = atOpening && !isOpening(running.deadline, after);
  if (given === workingTimeBetween(start, running.deadline, after).workingMinutes && !openingLost) return null;
  let deadline = addWorkingTime(start, given / 60, 'workingHours', after);
  if (atOpening) deadline = nextWorkingInstant(deadline, after);
  if (deadline.getTime() === running.deadline.getTime()) return null;
  const toWarning = workingTimeBetween(start, running.warnAt, before).workingMinutes;
  const warnAt = addWorkingTime(start, toWarning / 60, 'workingHours', after);
  return { deadline, warnAt, calendar: deadlineCalendar(start, deadline, after) };
}

/** An instant where office hours begin: inside working time, the minute before it outside. */
function isOpening(at: Date, calendar: WorkingCalendar): boolean {
  const minuteBefore = new Date(at.getTime() - MINUTE_MS);
  return (
    nextWorkingInstant(at, calendar).getTime() === at.getTime() &&
    workingTimeBetween(minuteBefore, at, calendar).workingMinutes === 0
  );
}
