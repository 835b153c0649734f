import { caseIdsReceivedOnDays } from '@hotline/cases';
import { createWorkingCalendar, type WorkingCalendar } from '@hotline/sla';
import {
  CASE_FIGURES,
  FIGURE_COLUMNS,
  STATS_DIMENSIONS,
  factsOf,
  readCaseHistories,
  rollupDeltas,
  storedRow,
  type CaseFactsRow,
  type CaseFigure,
  type Sql,
  type StoredFactsRow,
} from '@hotline/stats';

export interface RollupDifference {
  dimension: string;
  day: string;
  key: string;
  figure: CaseFigure;
  rollup: number;
  recomputed: number;
}

export interface FactDifference {
  caseId: string;
  field: string;
  stored: unknown;
  recomputed: unknown;
}

export interface VerifyReport {
  fromDay: string;
  toDay: string;
  cases: number;
  rollupDifferences: RollupDifference[];
  factDifferences: FactDifference[];
}

/** The district calendar as the services build it (statutory days plus the district's overrides). */
export async function loadDistrictCalendar(sql: Sql, timeZone: string): Promise<WorkingCalendar> {
  const overrides = await sql<{ date: string; working: boolean; note: string }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, working, note FROM holiday_overrides ORDER BY date`,
  );
  return createWorkingCalendar({
    timeZone,
    overrides: overrides.map((o) => ({ date: o.date, working: o.working, ...(o.note ? { note: o.note } : {}) })),
  });
}

const BATCH = 2000;

/**
 * Recomputes every case received in [fromDay, toDay) (district dates) from its history with the same
 * pure figures module, and compares with the stored facts (case by case) and with the daily rollup
 * (cell by cell, every dimension). An empty report means the fast path equals the history.
 */
export async function verifyStats(
  sql: Sql,
  options: { fromDay: string; toDay: string; timeZone: string; calendar: WorkingCalendar; maxListed?: number },
): Promise<VerifyReport> {
  const { fromDay, toDay, timeZone, calendar } = options;
  const maxListed = options.maxListed ?? 100;
  const ids = await caseIdsReceivedOnDays(sql, fromDay, toDay, timeZone);
  const cells = new Map<string, { dimension: string; day: string; key: string; counts: Record<CaseFigure, number> }>();
  const factDifferences: FactDifference[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const histories = await readCaseHistories(sql, batch);
    const stored = new Map<string, CaseFactsRow>();
    for (const r of await sql<StoredFactsRow>(
      `SELECT case_id, received_at, to_char(received_day, 'YYYY-MM-DD') AS received_day, department_id, street_id, community_id, grid_id, category_id,
              kind, channel, ${CASE_FIGURES.filter((f) => f !== 'received')
                .map((f) => FIGURE_COLUMNS[f])
                .join(', ')}, handling_ms::float8 AS handling_ms,
              last_event_id::text AS last_event_id
         FROM stats_case_facts WHERE case_id = ANY($1::uuid[])`,
      [batch],
    ))
      stored.set(r.case_id, storedRow(r));
    for (const id of batch) {
      const history = histories.get(id);
      if (!history) continue;
      const facts = factsOf(history, calendar, timeZone);
      for (const delta of rollupDeltas(null, facts)) {
        const cellId = `${delta.dimension}|${delta.day}|${delta.key}`;
        const cell = cells.get(cellId) ?? {
          dimension: delta.dimension,
          day: delta.day,
          key: delta.key,
          counts: Object.fromEntries(CASE_FIGURES.map((f) => [f, 0])) as Record<CaseFigure, number>,
        };
        for (const f of CASE_FIGURES) cell.counts[f] += delta.counts[f];
        cells.set(cellId, cell);
      }
      if (factDifferences.length >= maxListed) continue;
      const old = stored.get(id);
      if (!old) {
        factDifferences.push({ caseId: id, field: '(facts row)', stored: null, recomputed: 'present' });
        continue;
      }
      const compare: Array<[string, unknown, unknown]> = [
        ...CASE_FIGURES.map((f) => [f, old.figures[f], facts.figures[f]] as [string, unknown, unknown]),
        ['handlingMs', old.figures.handlingMs, facts.figures.handlingMs],
        ['receivedDay', old.receivedDay, facts.receivedDay],
        ['departmentId', old.departmentId, facts.departmentId],
        ['gridId', old.gridId, facts.gridId],
        ['categoryId', old.categoryId, facts.categoryId],
      ];
      for (const [field, a, b] of compare) if (a !== b) factDifferences.push({ caseId: id, field, stored: a, recomputed: b });
    }
  }
  const rollup = await sql<{ [figure: string]: unknown; dimension: string; day: string; key: string }>(
    `SELECT dimension, to_char(day, 'YYYY-MM-DD') AS day, key, ${CASE_FIGURES.map((f) => `${FIGURE_COLUMNS[f]} AS "${f}"`).join(', ')}
       FROM stats_daily WHERE day >= $1::date AND day < $2::date AND dimension = ANY($3)`,
    [fromDay, toDay, STATS_DIMENSIONS],
  );
  const rollupDifferences: RollupDifference[] = [];
  const seen = new Set<string>();
  for (const row of rollup) {
    const cellId = `${row.dimension}|${row.day}|${row.key}`;
    seen.add(cellId);
    const cell = cells.get(cellId);
    for (const f of CASE_FIGURES) {
      const recomputed = cell?.counts[f] ?? 0;
      if (Number(row[f]) !== recomputed)
        rollupDifferences.push({
          dimension: row.dimension,
          day: row.day,
          key: row.key,
          figure: f,
          rollup: Number(row[f]),
          recomputed,
        });
    }
  }
  for (const [cellId, cell] of cells) {
    if (seen.has(cellId)) continue;
    for (const f of CASE_FIGURES) {
      if (cell.counts[f] !== 0)
        rollupDifferences.push({
          dimension: cell.dimension,
          day: cell.day,
          key: cell.key,
          figure: f,
          rollup: 0,
          recomputed: cell.counts[f],
        });
    }
  }
  return { fromDay, toDay, cases: ids.length, rollupDifferences, factDifferences };
}
