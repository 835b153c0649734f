import type { CaseFigure } from '../figures/case-figures';
import type { StatsDimension } from '../figures/case-facts-row';

/** The period and group filters every statistics endpoint takes (and GET /api/v1/cases accepts for drill-down). */
export interface StatsFilters {
  /** Received at or after (inclusive). */
  from?: Date;
  /** Received before (exclusive). */
  to?: Date;
  department?: string;
  street?: string;
  community?: string;
  grid?: string;
  /** A category code at any level: the category and everything under it. */
  category?: string;
  kind?: string;
  channel?: string;
}

export const FILTER_DIMENSIONS: readonly StatsDimension[] = [
  'department',
  'street',
  'community',
  'grid',
  'category',
  'kind',
  'channel',
];

export interface GroupKey {
  /** The code to drill down with (`department=<code>` …); '_none' for cases without this key. */
  code: string;
  name: string;
}

export type CountRow = { key: GroupKey } & { [F in CaseFigure]: number } & { overdueNow: number };
export type { CaseFigure };
