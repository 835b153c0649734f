import { SlaArgumentInvalid } from './sla-errors';
import { type CalendarSource, statutoryHolidayCoverage, weakerSource } from './statutory-calendar';
import { type WorkingCalendar, calendarEngine } from './working-calendar';
import { civilDateOf, formatCivilDate } from './zone-clock';

function instantOf(value: Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new SlaArgumentInvalid(field, 'must be a valid Date');
  return ms;
}

/**
 * Where the days between a start and its deadline came from: 'official' when every year the span
 * touches (in the calendar's zone) has its official arrangement, else the least trustworthy source
 * among them ('predicted', or 'law' with prediction off). Overrides do not change it: they are the
 * district's own days inside whichever arrangement the year has.
 */
export function deadlineCalendar(start: Date, deadline: Date, calendar: WorkingCalendar): CalendarSource {
  const engine = calendarEngine(calendar);
  const from = instantOf(start, 'start');
  const to = instantOf(deadline, 'deadline');
  const firstYear = civilDateOf(engine.dayAt(Math.min(from, to)).day).year;
  const lastYear = civilDateOf(engine.dayAt(Math.max(from, to)).day).year;
  let source: CalendarSource = 'official';
  for (let year = firstYear; year <= lastYear; year += 1) source = weakerSource(source, engine.yearSource(year));
  return source;
}

export interface CalendarYearState {
  year: number;
  source: CalendarSource;
}

/** The calendar's state for operators (health, the admin console's banner). */
export interface CalendarStatus {
  /** degraded: deadlines already reach, or from 1 November will reach, a year without an official arrangement. */
  status: 'ok' | 'degraded';
  /** Today in the district's zone. */
  today: string;
  timeZone: string;
  /** The last year with an official arrangement (chinese-days or an imported notice). */
  officialThrough: number;
  /** This year and the next, with where their days come from. */
  years: CalendarYearState[];
  /** The years counted by prediction that make the calendar degraded (this year; next year from 1 November). */
  predictedYears: number[];
  /** The same, for years counted by the law's days alone (prediction off). */
  lawYears: number[];
  /** Why it is degraded, in plain words; null when ok. */
  reason: string | null;
}

/** Next year's arrangement is usually published in November; from then on deadlines reach into it. */
const LOOK_AHEAD_FROM_MONTH = 11;

/**
 * The calendar's state at `now` (pure): degraded when this year has no official arrangement, or from
 * 1 November (district time) when next year has none, naming the years that are only predicted (or
 * only by law).
 */
export function calendarStatus(now: Date, calendar: WorkingCalendar): CalendarStatus {
  const engine = calendarEngine(calendar);
  const todayNumber = engine.dayAt(instantOf(now, 'now')).day;
  const today = civilDateOf(todayNumber);
  const years = [today.year, today.year + 1].map((year) => ({ year, source: engine.yearSource(year) }));
  const watched = years.filter(({ year }) => year === today.year || today.month >= LOOK_AHEAD_FROM_MONTH);
  const predictedYears = watched.filter((y) => y.source === 'predicted').map((y) => y.year);
  const lawYears = watched.filter((y) => y.source === 'law').map((y) => y.year);
  const unofficial = [...predictedYears, ...lawYears].sort((a, b) => a - b);
  const reason =
    unofficial.length === 0
      ? null
      : `${unofficial.join(', ')} ${unofficial.length === 1 ? 'has' : 'have'} no official holiday arrangement yet: ` +
        (predictedYears.length ? `predicted days off (no adjusted working weekends) for ${predictedYears.join(', ')}` : '') +
        (predictedYears.length && lawYears.length ? '; ' : '') +
        (lawYears.length ? `only the days fixed by law for ${lawYears.join(', ')}` : '') +
        ". Import the State Council's notice when it is published (POST /api/v1/calendar/notices), or update chinese-days.";
  return {
    status: unofficial.length === 0 ? 'ok' : 'degraded',
    today: formatCivilDate(todayNumber),
    timeZone: calendar.timeZone,
    officialThrough: Math.max(statutoryHolidayCoverage().lastYear, ...engine.imported.importedYears()),
    years,
    predictedYears,
    lawYears,
    reason,
  };
}
