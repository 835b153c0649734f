/**
 * @hotline/sla — pure deadline arithmetic: the working calendar (district overrides over the PRC
 * calendar: official arrangements from chinese-days, predicted ones for later years, the days fixed by
 * law; office hours; any IANA zone), working-time addition and measurement, the calendar's state, and
 * SLA policies with their stage deadlines. No I/O; services load policies and overrides and schedule
 * the timers.
 */
export {
  DEFAULT_OFFICE_HOURS,
  DEFAULT_TIME_ZONE,
  createWorkingCalendar,
  describeDay,
  isWorkingDay,
  type CalendarOverride,
  type DayDescription,
  type OfficeHours,
  type WorkingCalendar,
  type WorkingCalendarOptions,
} from './working-calendar';
export { CALENDAR_SOURCES, statutoryHolidayCoverage, type CalendarSource } from './statutory-calendar';
export { HOLIDAYS, LAW_IN_FORCE_FROM_YEAR, lawDaysOff, lawHolidayOn, type HolidayName } from './statutory-law';
export { predictedDaysOff } from './holiday-prediction';
export { festivalDays, type FestivalDays } from './lunar-festivals';
export { HolidayNoticeUnreadable, parseHolidayNotice, type HolidayNotice, type NoticeDay } from './holiday-notice';
export { movedDeadline, type CalendarChange, type MovedDeadline, type RunningDeadline } from './deadline-move';
export { calendarStatus, deadlineCalendar, type CalendarStatus, type CalendarYearState } from './calendar-state';
export { SLA_UNITS, addWorkingTime, minutesLeft, nextWorkingInstant, workingTimeBetween, type SlaUnit } from './working-time';
export {
  CASE_KINDS,
  CASE_PRIORITIES,
  SLA_COUNT_FROM,
  SLA_STAGES,
  REVIEW_STAGE_FALLBACK,
  SUSPENDED_TIME_IN_RATES,
  SUSPENSION_FALLBACK,
  selectPolicy,
  suspensionRules,
  stageLimit,
  type CaseKind,
  type CasePriority,
  type SlaCaseFacts,
  type SlaCountFrom,
  type SlaLimit,
  type SlaPolicy,
  type SlaPolicyMatch,
  type SlaStage,
  type SuspendedTimeInRates,
  type SuspensionRules,
} from './sla-policy';
export { pauseClock, resumeClock, suspensionEnd, type PausedClock } from './suspended-clock';
export { parseSlaPolicies } from './sla-policy-parser';
export { toZonedIso, ZoneClock } from './zone-clock';
export { computeReturnDeadline, computeStageDeadline, type StageDeadline } from './stage-deadline';
export { SlaArgumentInvalid, SlaCalendarInvalid, SlaPolicyInvalid, SlaPolicyMissing } from './sla-errors';
export {
  SNAPSHOT_DAYS_AFTER,
  SNAPSHOT_DAYS_BEFORE,
  statutoryDrift,
  statutorySnapshot,
  type StatutorySnapshot,
} from './statutory-snapshot';
