import type { AuthUser } from '@hotline/auth';
import { SqlConditions, sqlRows, type SqlRunner } from '@hotline/database';
import { addKeyFilter, groupKeySql, KEY_COLUMNS, OVERDUE_NOW_SQL, type CaseKey, type KeyFilter } from './case-key-columns';
import { callerLinkedCasesSql } from './case-visibility';

/** How many cases are overdue now, per group key (as text, '' for none). */
export interface OverdueNowCount {
  key: string;
  n: number;
}

/**
 * The live `overdueNow` figure: open cases past their running deadline, counted by the case row's own
 * keys (the statistics facts hold no live state).
 */
export async function overdueNowCounts(db: SqlRunner, groupBy: CaseKey, filter: KeyFilter): Promise<OverdueNowCount[]> {
  const c = new SqlConditions();
  c.add(OVERDUE_NOW_SQL);
  addKeyFilter(c, KEY_COLUMNS.case, filter);
  return sqlRows<OverdueNowCount>(
    db,
    `SELECT ${groupKeySql(groupBy, KEY_COLUMNS.case)} AS key, count(*)::int AS n FROM cases c WHERE ${c.sql()} GROUP BY 1`,
    c.params,
  );
}

/** One caller (by keyed phone hash) or address with several cases. */
export interface RepeatedCasesRow {
  /** The caller's phone hash, or the trimmed address. */
  key: string;
  cases: number;
  first: Date;
  last: Date;
  /** One of the caller's sealed phone numbers, for the caller to be shown (masked or in full). */
  sealedPhone: string;
  /** The five most recent case numbers. */
  caseNos: string[];
}

/**
 * Callers or addresses with at least `min` cases received under the filter, most cases first. Outside
 * the centre, confidential cases are left out: a row would tie a report to its caller's other cases.
 */
export async function repeatedCases(
  db: SqlRunner,
  by: 'caller' | 'address',
  filter: KeyFilter,
  viewer: AuthUser,
  min: number,
  limit: number,
): Promise<RepeatedCasesRow[]> {
  const c = new SqlConditions();
  addKeyFilter(c, KEY_COLUMNS.case, filter);
  c.add(callerLinkedCasesSql(viewer));
  // Reports without a phone are no one caller repeating themselves.
  if (by === 'caller') c.add(() => 'c.caller_phone_hash IS NOT NULL');
  const key = by === 'caller' ? 'c.caller_phone_hash' : `btrim(c.address)`;
  return sqlRows<RepeatedCasesRow>(
    db,
    `SELECT ${key} AS key, count(*)::int AS cases, min(c.received_at) AS first, max(c.received_at) AS last,
            (array_agg(c.caller_phone_sealed))[1] AS "sealedPhone", (array_agg(c.case_no ORDER BY c.received_at DESC))[1:5] AS "caseNos"
       FROM cases c WHERE ${c.sql()} GROUP BY 1 HAVING count(*) >= ${c.p(min)} ORDER BY 2 DESC, 1 LIMIT ${c.p(limit)}`,
    c.params,
  );
}
