/**
 * 工单编号: prefix + the district-local date + a sequence of at least six digits, e.g.
 * `XG20261122000123`. The sequence is global (a PostgreSQL sequence), so numbers never repeat and
 * intake never waits on a per-day counter row; it is read out on the phone, hence digits only.
 */
export function formatCaseNo(prefix: string, at: Date, sequence: number | string, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(at)
    .replace(/-/g, '');
  return `${prefix}${day}${String(sequence).padStart(6, '0')}`;
}
