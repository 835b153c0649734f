export { ISO_DATE_TIME_FORMS, YEAR_RANGE, parseCalendarDate, parseIsoDateTime, startOfDay } from './iso-date-time';
export type { CalendarDay } from './iso-date-time';
export { boundsDescription, parseBoundedNumber } from './bounded-number';
export type { NumberBounds } from './bounded-number';
export { emptyDictionary, hasControlCharacter, inspectValue, isPrototypeKey } from './request-values';
export type { ValueLimits, ValueProblem } from './request-values';
