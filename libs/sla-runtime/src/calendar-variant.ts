import type { EntityManager } from 'typeorm';
import {
  createWorkingCalendar,
  type CalendarChange,
  type CalendarOverride,
  type HolidayNotice,
  type WorkingCalendar,
} from '@hotline/sla';

/** What a calendar change does to the deadlines already running (libs/cases' RunningDeadlinesService). */
export interface RunningDeadlinesMover {
  count(manager: EntityManager, change: CalendarChange): Promise<number>;
  move(manager: EntityManager, change: CalendarChange): Promise<number>;
}

/** The calendar in force with other overrides or notices: what it would be after a change (pure). */
export function calendarVariant(
  current: WorkingCalendar,
  change: { overrides?: readonly CalendarOverride[]; notices?: readonly HolidayNotice[] },
): WorkingCalendar {
  return createWorkingCalendar({
    timeZone: current.timeZone,
    officeHours: current.officeHours,
    prediction: current.prediction,
    overrides: change.overrides ?? current.overrides,
    notices: change.notices ?? current.notices,
  });
}
