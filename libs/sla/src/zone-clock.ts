/**
 * Wall-clock arithmetic for one IANA time zone, using only Intl.DateTimeFormat.
 *
 * "Wall" values are milliseconds as if the local date and time were UTC (Date.UTC(y, m, d, h, mi)),
 * so a civil day number is floor(wall / DAY_MS). Nothing assumes a fixed offset: Asia/Shanghai has
 * been +08:00 since 1991, but the same code serves a zone with daylight saving time.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Civil day number (days since 1970-01-01) of a 'YYYY-MM-DD' string, or undefined if it is not a real date. */
export function parseCivilDate(date: string): number | undefined {
  const match = DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return ms / DAY_MS;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export function civilDateOf(dayNumber: number): CivilDate {
  const date = new Date(dayNumber * DAY_MS);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}

export function formatCivilDate(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export class ZoneClock {
  private readonly formatter: Intl.DateTimeFormat;

  /** Throws RangeError for a zone the runtime does not know. */
  constructor(readonly timeZone: string) {
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The zone's canonical name as the runtime resolves it ('asia/shanghai' → 'Asia/Shanghai'). */
  get canonicalName(): string {
    return this.formatter.resolvedOptions().timeZone;
  }

  /** Offset (wall − instant) in force at an instant, in ms. */
  offsetAt(instant: number): number {
    const seconds = Math.floor(instant / 1000) * 1000;
    const parts = this.formatter.formatToParts(seconds);
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of parts) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          second = Number(part.value);
          break;
        default:
          break;
      }
    }
    return Date.UTC(year, month - 1, day, hour, minute, second) - seconds;
  }

  /**
   * The offset in force throughout [wallFrom − 1 day, wallTo + 1 day] when no transition falls
   * in that span, else undefined. Lets a whole day be converted with two Intl calls.
   */
  stableOffset(wallFrom: number, wallTo: number): number | undefined {
    const before = this.offsetAt(wallFrom - DAY_MS);
    const after = this.offsetAt(wallTo + DAY_MS);
    return before === after ? before : undefined;
  }

  /**
   * The instant a wall time names. Same convention as Temporal's 'compatible' disambiguation:
   * a wall time repeated when clocks go back is its earlier instant; a wall time skipped when clocks
   * go forward moves forward by the gap (02:30 in a 02:00→03:00 gap is 03:30).
   */
  wallToInstant(wall: number): number {
    const before = this.offsetAt(wall - DAY_MS);
    const after = this.offsetAt(wall + DAY_MS);
    if (before === after) return wall - before;
    const valid = [wall - before, wall - after].filter((instant) => instant + this.offsetAt(instant) === wall);
    if (valid.length > 0) return Math.min(...valid);
    return wall - before;
  }
}

/**
 * One formatter per zone, built on first use: constructing an Intl.DateTimeFormat costs far more than
 * formatting with it, and every date of every answer passes through toZonedIso.
 */
const ZONED_ISO_FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function zonedIsoFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = ZONED_ISO_FORMATTERS.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    ZONED_ISO_FORMATTERS.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * ISO 8601 in the district's zone with its offset (`2026-11-22T10:05:00.000+08:00`): what a
 * supervisor reads matches the wall clock, and any client can still parse the instant.
 */
export function toZonedIso(date: Date | null | undefined, timeZone: string): string | null {
  if (!date) return null;
  const parts = zonedIsoFormatter(timeZone).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const zone = get('timeZoneName').replace('GMT', '') || '+00:00';
  const millis = String(date.getUTCMilliseconds()).padStart(3, '0');
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}.${millis}${zone === '' ? 'Z' : zone}`;
}
