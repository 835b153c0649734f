import type { CaseFigures } from './case-figures';
import { CASE_FIGURES, type CaseFigure } from './case-figures';

/** The group keys a case counts under, as stored on the case row. */
export interface CaseDimensions {
  readonly receivedAt: Date;
  readonly departmentId: string | null;
  readonly streetId: string | null;
  readonly communityId: string | null;
  readonly gridId: string | null;
  readonly categoryId: string;
  readonly kind: string;
  readonly channel: string;
}

/** The dimensions a report can group by. `category` rolls up leaf categories to any level at read time. */
export const STATS_DIMENSIONS = ['department', 'street', 'community', 'grid', 'category', 'kind', 'channel'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/** The rollup key of a case in one dimension; '' where the case has none (not dispatched, no grid). */
export function dimensionKey(dims: CaseDimensions, dimension: StatsDimension): string {
  switch (dimension) {
    case 'department':
      return dims.departmentId ?? '';
    case 'street':
      return dims.streetId ?? '';
    case 'community':
      return dims.communityId ?? '';
    case 'grid':
      return dims.gridId ?? '';
    case 'category':
      return dims.categoryId;
    case 'kind':
      return dims.kind;
    case 'channel':
      return dims.channel;
  }
}

export interface CaseFactsRow extends CaseDimensions {
  readonly caseId: string;
  readonly receivedDay: string;
  readonly figures: CaseFigures;
  readonly lastEventId: string;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The civil date (YYYY-MM-DD) of an instant in the district's zone: the day a case counts on. */
export function districtDay(at: Date, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter.format(at);
}

/** Same dimensions and same figures: nothing for the rollup to change. */
export function sameFacts(a: CaseFactsRow, b: CaseFactsRow): boolean {
  if (a.receivedDay !== b.receivedDay) return false;
  for (const d of STATS_DIMENSIONS) if (dimensionKey(a, d) !== dimensionKey(b, d)) return false;
  for (const f of CASE_FIGURES) if (a.figures[f] !== b.figures[f]) return false;
  return a.figures.handlingMs === b.figures.handlingMs;
}

/** A rollup cell: one (dimension, day, key) and the change of each count. */
export interface RollupDelta {
  dimension: StatsDimension;
  day: string;
  key: string;
  counts: { [F in CaseFigure]: number };
}

/**
 * What replacing a case's old facts by new ones does to the rollup: -1 in every cell the old facts
 * counted in, +1 in every cell the new ones do. Cells that net to zero are dropped. Sorted by cell, so
 * that concurrent projectors lock rollup rows in the same order and cannot deadlock.
 */
export function rollupDeltas(before: CaseFactsRow | null, after: CaseFactsRow | null): RollupDelta[] {
  const cells = new Map<string, RollupDelta>();
  const apply = (row: CaseFactsRow, sign: 1 | -1) => {
    for (const dimension of STATS_DIMENSIONS) {
      const key = dimensionKey(row, dimension);
      const id = `${dimension}\u0000${row.receivedDay}\u0000${key}`;
      let cell = cells.get(id);
      if (!cell) {
        cell = {
          dimension,
          day: row.receivedDay,
          key,
          counts: Object.fromEntries(CASE_FIGURES.map((f) => [f, 0])) as RollupDelta['counts'],
        };
        cells.set(id, cell);
      }
      for (const f of CASE_FIGURES) if (row.figures[f]) cell.counts[f] += sign;
    }
  };
  if (before) apply(before, -1);
  if (after) apply(after, 1);
  return [...cells.entries()]
    .filter(([, cell]) => CASE_FIGURES.some((f) => cell.counts[f] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, cell]) => cell);
}
