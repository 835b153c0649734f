/**
 * @hotline/sla — pure deadline arithmetic: the working calendar (PRC statutory holidays and 调休 from
 * chinese-days, district overrides, office hours, any IANA zone), working-time addition and
 * measurement, and SLA policies with their stage deadlines. No I/O; services load policies and
 * overrides and schedule the timers.
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
export { statutoryHolidayCoverage } from './statutory-calendar';
export { SLA_UNITS, addWorkingTime, nextWorkingInstant, workingTimeBetween, type SlaUnit } from './working-time';
export {
  CASE_KINDS,
  CASE_PRIORITIES,
  SLA_COUNT_FROM,
  SLA_STAGES,
  selectPolicy,
  type CaseKind,
  type CasePriority,
  type SlaCaseFacts,
  type SlaCountFrom,
  type SlaLimit,
  type SlaPolicy,
  type SlaPolicyMatch,
  type SlaStage,
} from './sla-policy';
export { parseSlaPolicies } from './sla-policy-parser';
export { computeReturnDeadline, computeStageDeadline, type StageDeadline } from './stage-deadline';
export { SlaArgumentInvalid, SlaCalendarInvalid, SlaPolicyInvalid, SlaPolicyMissing } from './sla-errors';
