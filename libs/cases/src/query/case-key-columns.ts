import type { SqlConditions } from '@hotline/database';
import { FINAL_CASE_STATUSES } from '../state-machine';

/**
 * The keys cases are filtered and grouped by, and where each lives: on the case row (alias `c`), or on
 * the case's statistics facts (alias `f`, stats_case_facts), which the stored figures were counted from.
 * One map for the case list, its drill-down and the statistics, so a filter means the same everywhere.
 */
export const CASE_KEYS = ['department', 'street', 'community', 'grid', 'category', 'kind', 'channel'] as const;
export type CaseKey = (typeof CASE_KEYS)[number];

export type KeyColumns = { readonly [K in CaseKey | 'receivedAt']: string };

export const KEY_COLUMNS: { readonly case: KeyColumns; readonly facts: KeyColumns } = {
  case: {
    department: 'c.lead_department_id',
    street: 'c.street_id',
    community: 'c.community_id',
    grid: 'c.grid_id',
    category: 'c.category_id',
    kind: 'c.kind',
    channel: 'c.channel',
    receivedAt: 'c.received_at',
  },
  facts: {
    department: 'f.department_id',
    street: 'f.street_id',
    community: 'f.community_id',
    grid: 'f.grid_id',
    category: 'f.category_id',
    kind: 'f.kind',
    channel: 'f.channel',
    receivedAt: 'f.received_at',
  },
};

/** Keys that hold a reference id (uuid); kind and channel hold their value. */
const UUID_KEYS: ReadonlySet<CaseKey> = new Set<CaseKey>(['department', 'street', 'community', 'grid', 'category']);

/** The group key value of a row without one (a case never dispatched, or placed without a grid). */
export const NO_KEY = '_none';

/** Open cases whose running stage's deadline has passed: the live `overdueNow` figure, on the case row `c`. */
export const OVERDUE_NOW_SQL = `(c.status NOT IN (${FINAL_CASE_STATUSES.map((s) => `'${s}'`).join(', ')}) AND c.sla_deadline < now())`;

/**
 * A filter by period and keys, with codes already resolved: each key to the ids (or values) it stands
 * for — several for a category and everything under it, `[null]` for "no such key".
 */
export interface KeyFilter {
  /** Received at or after. */
  from?: Date;
  /** Received before. */
  to?: Date;
  keys: { readonly [K in CaseKey]?: ReadonlyArray<string | null> };
}

/** Adds a key filter's conditions on the given columns (the case row's or the facts'). */
export function addKeyFilter(c: SqlConditions, columns: KeyColumns, filter: KeyFilter): void {
  if (filter.from) c.add(`${columns.receivedAt} >= ${c.p(filter.from)}`);
  if (filter.to) c.add(`${columns.receivedAt} < ${c.p(filter.to)}`);
  for (const key of CASE_KEYS) {
    const ids = filter.keys[key];
    if (ids === undefined) continue;
    if (ids.length === 1 && ids[0] === null) c.add(`${columns[key]} IS NULL`);
    else if (UUID_KEYS.has(key)) c.add(`${columns[key]} = ANY(${c.p(ids)}::uuid[])`);
    else c.add(`${columns[key]} = ${c.p(ids[0])}`);
  }
}

/** The SQL of a group key as text ('' for none), so every key compares and groups the same way. */
export function groupKeySql(key: CaseKey, columns: KeyColumns): string {
  return UUID_KEYS.has(key) ? `COALESCE(${columns[key]}::text, '')` : columns[key];
}
