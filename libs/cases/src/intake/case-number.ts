/** One date formatter per time zone: building an Intl.DateTimeFormat costs far more than formatting with one. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * 工单编号: prefix + the district-local date + a sequence of at least six digits, e.g.
 * `XG20261122000123`. The sequence is global (a PostgreSQL sequence), so numbers never repeat and
 * intake never waits on a per-day counter row; it is read out on the phone, hence digits only.
 */
export function formatCaseNo(prefix: string, at: Date, sequence: number | string, timeZone: string): string {
  const day = dayFormatter(timeZone).format(at).replace(/-/g, '');
  return `${prefix}${day}${String(sequence).padStart(6, '0')}`;
}
