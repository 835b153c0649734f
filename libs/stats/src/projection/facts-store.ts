import type { SqlParam } from '@hotline/database';
import type { WorkingCalendar } from '@hotline/sla';
import { districtDay, rollupDeltas, sameFacts, type CaseFactsRow, type RollupDelta } from '../figures/case-facts-row';
import { CASE_FIGURES, caseFigures, type CaseFigures } from '../figures/case-figures';
import type { CaseHistory } from './case-history-reader';
import { FIGURE_COLUMNS, type Sql } from './sql';

/** The facts row a history yields: the one place the pure figures meet the stored dimensions. */
export function factsOf(history: CaseHistory, calendar: WorkingCalendar, timeZone: string): CaseFactsRow {
  return {
    caseId: history.caseId,
    ...history.dims,
    receivedDay: districtDay(history.dims.receivedAt, timeZone),
    figures: caseFigures({ events: history.events, deadlines: history.deadlines, calendar }),
    lastEventId: history.lastEventId,
  };
}

const STORED_FIGURES = CASE_FIGURES.filter((f) => f !== 'received');

/** The column list of stats_case_facts in the order `factsValues` writes them (COPY uses it too). */
export const FACTS_COLUMNS = [
  'case_id',
  'received_at',
  'received_day',
  'department_id',
  'street_id',
  'community_id',
  'grid_id',
  'category_id',
  'kind',
  'channel',
  ...STORED_FIGURES.map((f) => FIGURE_COLUMNS[f]),
  'handling_ms',
  'last_event_id',
];

export function factsValues(row: CaseFactsRow): SqlParam[] {
  return [
    row.caseId,
    row.receivedAt,
    row.receivedDay,
    row.departmentId,
    row.streetId,
    row.communityId,
    row.gridId,
    row.categoryId,
    row.kind,
    row.channel,
    ...STORED_FIGURES.map((f) => row.figures[f]),
    row.figures.handlingMs,
    row.lastEventId,
  ];
}

export async function readStoredFacts(sql: Sql, caseId: string, lock: boolean): Promise<CaseFactsRow | null> {
  const [r] = await sql<StoredFactsRow>(
    `SELECT case_id, received_at, to_char(received_day, 'YYYY-MM-DD') AS received_day, department_id, street_id, community_id,
            grid_id, category_id, kind, channel, ${STORED_FIGURES.map((f) => FIGURE_COLUMNS[f]).join(', ')},
            handling_ms::float8 AS handling_ms, last_event_id::text AS last_event_id
       FROM stats_case_facts WHERE case_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [caseId],
  );
  return r ? storedRow(r) : null;
}

/** A stats_case_facts row as readStoredFacts selects it; the figure columns (a boolean each) by name. */
export interface StoredFactsRow {
  [figureColumn: string]: unknown;
  case_id: string;
  received_at: Date;
  received_day: string;
  department_id: string | null;
  street_id: string | null;
  community_id: string | null;
  grid_id: string | null;
  category_id: string;
  kind: string;
  channel: string;
  handling_ms: number | null;
  last_event_id: string;
}

export function storedRow(r: StoredFactsRow): CaseFactsRow {
  const figures = { received: true, handlingMs: r.handling_ms === null ? null : Number(r.handling_ms) } as Record<
    string,
    unknown
  >;
  for (const f of STORED_FIGURES) figures[f] = r[FIGURE_COLUMNS[f]];
  return {
    caseId: r.case_id,
    receivedAt: r.received_at,
    receivedDay: r.received_day,
    departmentId: r.department_id,
    streetId: r.street_id,
    communityId: r.community_id,
    gridId: r.grid_id,
    categoryId: r.category_id,
    kind: r.kind,
    channel: r.channel,
    figures: figures as unknown as CaseFigures,
    lastEventId: r.last_event_id,
  };
}

/** Binds a value to the statement being built and answers its placeholder. */
type Bind = (value: SqlParam, cast?: string) => string;

function binder(): { params: SqlParam[]; p: Bind } {
  const params: SqlParam[] = [];
  return {
    params,
    p: (value, cast = '') => {
      params.push(value);
      return `$${params.length}${cast}`;
    },
  };
}

/** The upsert of one facts row, values bound through `p`. */
function factsUpsertSql(row: CaseFactsRow, p: Bind): string {
  const updates = FACTS_COLUMNS.filter((c) => c !== 'case_id')
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  return `INSERT INTO stats_case_facts (${FACTS_COLUMNS.join(', ')}) VALUES (${factsValues(row)
    .map((value) => p(value))
    .join(', ')})
     ON CONFLICT (case_id) DO UPDATE SET ${updates}, updated_at = now()`;
}

const ROLLUP_COLUMNS = CASE_FIGURES.map((f) => FIGURE_COLUMNS[f]);

/**
 * The upsert that adds the deltas to the daily rollup, values bound through `p`; null when there are none.
 * The cells are distinct (one delta per cell) and sorted; a multi-row INSERT takes its rows in the order
 * given, so concurrent projectors lock the cells in one order and cannot deadlock on them.
 */
function rollupUpsertSql(deltas: readonly RollupDelta[], p: Bind): string | null {
  if (deltas.length === 0) return null;
  const rows = deltas.map(
    (d) =>
      `(${p(d.dimension)}, ${p(d.day, '::date')}, ${p(d.key)}, ${CASE_FIGURES.map((f) => p(d.counts[f], '::int')).join(', ')})`,
  );
  return `INSERT INTO stats_daily (dimension, day, key, ${ROLLUP_COLUMNS.join(', ')})
     VALUES ${rows.join(', ')}
     ON CONFLICT (dimension, day, key) DO UPDATE SET ${ROLLUP_COLUMNS.map((c) => `${c} = stats_daily.${c} + EXCLUDED.${c}`).join(', ')}`;
}

/**
 * Moves the rollup by `before` → `after` and writes (or removes) the facts row, in one statement: the
 * rollup's upsert as a CTE of the facts row's.
 */
async function writeProjection(sql: Sql, caseId: string, before: CaseFactsRow | null, after: CaseFactsRow | null): Promise<void> {
  const { params, p } = binder();
  const rollup = rollupUpsertSql(rollupDeltas(before, after), p);
  const facts = after ? factsUpsertSql(after, p) : `DELETE FROM stats_case_facts WHERE case_id = ${p(caseId)}`;
  await sql(rollup ? `WITH rollup AS (${rollup}) ${facts}` : facts, params);
}

export type ProjectionOutcome = 'unchanged' | 'updated' | 'removed';

/**
 * Brings one case's facts and its rollup cells up to date with its committed history. Must run inside a
 * transaction. The facts row is locked first (a placeholder insert makes a lock possible for a new case),
 * so two projectors of the same case run one after the other and the later one reads the later history;
 * the rollup changes by old-minus-new in that same transaction, so rollup = sum of facts at every commit.
 */
export async function projectCase(
  sql: Sql,
  caseId: string,
  history: () => Promise<CaseHistory | undefined>,
  calendar: WorkingCalendar,
  timeZone: string,
): Promise<ProjectionOutcome> {
  // Serialises projectors of this case, including the very first one (no facts row to lock yet).
  await sql(`SELECT pg_advisory_xact_lock(hashtextextended($1::text, 7365))`, [caseId]);
  const before = await readStoredFacts(sql, caseId, true);
  const found = await history();
  const after = found ? factsOf(found, calendar, timeZone) : null;
  if (before && after && sameFacts(before, after)) return 'unchanged';
  await writeProjection(sql, caseId, before, after);
  return after ? 'updated' : 'removed';
}
