/**
 * ISO 8601 in the district's zone with its offset (`2026-11-22T10:05:00.000+08:00`): what a
 * supervisor reads matches the wall clock, and any client can still parse the instant.
 */
export function toZonedIso(date: Date | null | undefined, timeZone: string): string | null {
  if (!date) return null;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const zone = get('timeZoneName').replace('GMT', '') || '+00:00';
  const millis = String(date.getUTCMilliseconds()).padStart(3, '0');
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}.${millis}${zone === '' ? 'Z' : zone}`;
}
