import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '@hotline/auth';
import {
  addKeyFilter,
  callerVisibilityFor,
  groupKeySql,
  KEY_COLUMNS,
  NO_KEY,
  overdueNowCounts,
  repeatedCases,
  type KeyColumns,
  type KeyFilter,
} from '@hotline/cases';
import { AppConfig } from '@hotline/config';
import { SqlConditions, sqlRows } from '@hotline/database';
import { AccessDenied, InputInvalid } from '@hotline/errors';
import { PersonalDataCipher, maskPhone } from '@hotline/privacy';
import { ReferenceDataService, type ReferenceSnapshot } from '@hotline/reference';
import { districtDay, type StatsDimension } from '../figures/case-facts-row';
import { CASE_FIGURES } from '../figures/case-figures';
import {
  REPORTED_RATE_NAMES,
  addCounts,
  emptyCounts,
  ratesOf,
  weightedScore,
  type FigureCounts,
  type RankingWeights,
  type Rates,
} from '../figures/rates';
import { FIGURE_COLUMNS } from '../projection/sql';
import { FILTER_DIMENSIONS, type GroupKey, type StatsFilters } from './stats-filters';
import { StatsSettingsService } from './stats-settings.service';

export { NO_KEY };
export const TREND_INTERVALS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

export type RateRow = { key: GroupKey } & FigureCounts & Rates;

/** Figure counts under one group key (as text, '' for none). */
type KeyedCounts = { key: string } & FigureCounts;
/** Figure counts in one period of a trend. */
type TrendRow = { period: string } & FigureCounts;
/** Handling time percentiles (hours) under one group key. */
interface HandlingTimeRow {
  key: string;
  n: number;
  median: number | null;
  p90: number | null;
}

export interface RatesReport {
  groupBy: StatsDimension;
  categoryLevel: number | null;
  period: { from: Date | null; to: Date | null };
  filters: StatsFilters;
  /** Where the counts came from: the daily rollup (whole district days, one dimension) or the per-case facts. */
  source: 'rollup' | 'facts';
  generatedAt: Date;
  rows: RateRow[];
  total: RateRow;
}

const FACT_COLUMNS = KEY_COLUMNS.facts;

const FACT_SUMS = CASE_FIGURES.map((f) =>
  f === 'received' ? `count(*)::int AS "received"` : `count(*) FILTER (WHERE f.${FIGURE_COLUMNS[f]})::int AS "${f}"`,
).join(', ');
const ROLLUP_SUMS = CASE_FIGURES.map((f) => `COALESCE(sum(d.${FIGURE_COLUMNS[f]}), 0)::int AS "${f}"`).join(', ');

/**
 * The statistics queries. Counts come from the daily rollup when the question is "one dimension over whole
 * district days" (what dashboards ask), otherwise from the per-case facts; both hold the same numbers
 * (stats:verify checks), and the drill-down (GET /api/v1/cases?figure=…) reads the same facts.
 */
@Injectable()
export class StatsQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly config: AppConfig,
    private readonly settings: StatsSettingsService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** Department leads see their own department only; everyone else allowed here sees the district. */
  scoped(filters: StatsFilters, viewer: AuthUser): StatsFilters {
    if (viewer.role !== 'departmentLead') return filters;
    if (!viewer.departmentCode) throw new AccessDenied('You belong to no department', 'StatsOutOfScope');
    if (filters.department && filters.department !== viewer.departmentCode) {
      throw new AccessDenied(`Statistics of department ${filters.department} are not yours to see`, 'StatsOutOfScope');
    }
    return { ...filters, department: viewer.departmentCode };
  }

  async rates(groupBy: StatsDimension, rawFilters: StatsFilters, viewer: AuthUser, categoryLevel?: number): Promise<RatesReport> {
    const filters = this.scoped(rawFilters, viewer);
    const snapshot = await this.reference.current();
    this.checkCodes(filters, snapshot);
    const source = this.rollupServes(groupBy, filters) ? 'rollup' : 'facts';
    const [counted, overdue] = await Promise.all([
      source === 'rollup' ? this.rollupCounts(groupBy, filters, snapshot) : this.factCounts(groupBy, filters, snapshot),
      this.overdueCounts(groupBy, filters, snapshot),
    ]);
    const folded = new Map<string, { key: GroupKey; counts: FigureCounts }>();
    const into = (raw: string) => {
      const key = this.keyOf(groupBy, raw, snapshot, categoryLevel);
      let entry = folded.get(key.code);
      if (!entry) folded.set(key.code, (entry = { key, counts: emptyCounts() }));
      return entry.counts;
    };
    for (const row of counted) addCounts(into(row.key), row);
    for (const row of overdue) into(row.key).overdueNow += row.n;
    const total = emptyCounts();
    const rows = [...folded.values()].map(({ key, counts }) => {
      addCounts(total, counts);
      return toRateRow(key, counts);
    });
    rows.sort((a, b) => b.received - a.received || a.key.code.localeCompare(b.key.code));
    return {
      groupBy,
      categoryLevel: groupBy === 'category' ? (categoryLevel ?? null) : null,
      period: { from: filters.from ?? null, to: filters.to ?? null },
      filters,
      source,
      generatedAt: new Date(),
      rows,
      total: toRateRow({ code: 'total', name: 'total' }, total),
    };
  }

  /** Departments or streets ranked by the admin's weighted score of their rates (no key: left out). */
  async rankings(by: 'department' | 'street', filters: StatsFilters, viewer: AuthUser) {
    const weights = await this.settings.rankingWeights();
    const report = await this.rates(by, filters, viewer);
    const ranked = report.rows
      .filter((row) => row.key.code !== NO_KEY)
      .map((row) => ({ ...row, score: weightedScore(row, weights) }))
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.key.code.localeCompare(b.key.code))
      .map((row, i) => ({ rank: i + 1, ...row }));
    return {
      by,
      weights,
      period: report.period,
      filters: report.filters,
      source: report.source,
      generatedAt: report.generatedAt,
      rows: ranked,
    };
  }

  /** Grids or categories with the most cases received in the period. */
  async hotspots(by: 'grid' | 'category', filters: StatsFilters, viewer: AuthUser, limit: number, categoryLevel?: number) {
    const report = await this.rates(by, filters, viewer, categoryLevel);
    const rows = report.rows.filter((row) => row.key.code !== NO_KEY).slice(0, limit);
    return { by, period: report.period, filters: report.filters, source: report.source, generatedAt: report.generatedAt, rows };
  }

  /** Counts and rates per period (day … year, district calendar), each with its change from the period before. */
  async trends(interval: TrendInterval, rawFilters: StatsFilters, viewer: AuthUser) {
    const filters = this.scoped(rawFilters, viewer);
    const snapshot = await this.reference.current();
    this.checkCodes(filters, snapshot);
    const filtered = FILTER_DIMENSIONS.filter((d) => filters[d] !== undefined);
    // Every case has exactly one key in each dimension, so any one dimension's rollup sums to the whole.
    const dimension = filtered.length === 0 ? 'kind' : filtered[0];
    const useRollup = filtered.length <= 1 && this.dayAligned(filters);
    const c = new SqlConditions();
    let rows: TrendRow[];
    if (useRollup) {
      c.add(`d.dimension = ${c.p(dimension)}`);
      this.rollupPeriod(c, filters);
      if (filtered.length === 1) this.rollupKeyFilter(c, dimension, filters, snapshot);
      rows = await sqlRows<TrendRow>(
        this.dataSource,
        `SELECT to_char(date_trunc('${interval}', d.day), 'YYYY-MM-DD') AS period, ${ROLLUP_SUMS}
           FROM stats_daily d WHERE ${c.sql()} GROUP BY 1 ORDER BY 1`,
        c.params,
      );
    } else {
      this.groupFilters(c, FACT_COLUMNS, filters, snapshot);
      const zone = c.p(this.config.DISTRICT_TIMEZONE);
      rows = await sqlRows<TrendRow>(
        this.dataSource,
        `SELECT to_char(date_trunc('${interval}', f.received_at AT TIME ZONE ${zone}), 'YYYY-MM-DD') AS period, ${FACT_SUMS}
           FROM stats_case_facts f WHERE ${c.sql()} GROUP BY 1 ORDER BY 1`,
        c.params,
      );
    }
    let previous: (FigureCounts & Rates) | null = null;
    const series = rows.map((row) => {
      const counts = addCounts(emptyCounts(), row);
      const current = { ...counts, ...ratesOf(counts) };
      const change = previous ? changeFrom(previous, current) : null;
      previous = current;
      const { overdueNow: _live, ...withoutLive } = current;
      return { period: row.period, ...withoutLive, change };
    });
    return {
      interval,
      period: { from: filters.from ?? null, to: filters.to ?? null },
      filters,
      source: useRollup ? 'rollup' : 'facts',
      generatedAt: new Date(),
      series,
    };
  }

  /** Median and 90th percentile of handling time (working hours, first dispatch → standing reply), from the facts. */
  async handlingTime(groupBy: StatsDimension, rawFilters: StatsFilters, viewer: AuthUser, categoryLevel?: number) {
    const filters = this.scoped(rawFilters, viewer);
    const snapshot = await this.reference.current();
    this.checkCodes(filters, snapshot);
    const c = new SqlConditions();
    c.add('f.replied');
    this.groupFilters(c, FACT_COLUMNS, filters, snapshot);
    const keyed = this.groupExpression(groupBy, FACT_COLUMNS, c, snapshot, categoryLevel);
    const rows = await sqlRows<HandlingTimeRow>(
      this.dataSource,
      `SELECT ${keyed.expression} AS key, count(*)::int AS n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY f.handling_ms) / 3600000.0 AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY f.handling_ms) / 3600000.0 AS p90
         FROM stats_case_facts f ${keyed.join} WHERE ${c.sql()} GROUP BY 1 ORDER BY 2 DESC`,
      c.params,
    );
    return {
      groupBy,
      period: { from: filters.from ?? null, to: filters.to ?? null },
      filters,
      generatedAt: new Date(),
      rows: rows.map((r) => ({
        key: keyed.folded ? this.foldedKey(groupBy, r.key, snapshot) : this.keyOf(groupBy, r.key, snapshot),
        replied: r.n,
        medianHours: r.median,
        p90Hours: r.p90,
      })),
    };
  }

  /**
   * Callers (by keyed phone hash) or addresses with at least `min` cases received in the period. Outside
   * the centre, confidential cases are left out: a row would tie a report to its caller's other cases.
   */
  async repeats(by: 'caller' | 'address', rawFilters: StatsFilters, viewer: AuthUser, min: number, limit: number) {
    const filters = this.scoped(rawFilters, viewer);
    const snapshot = await this.reference.current();
    this.checkCodes(filters, snapshot);
    const rows = await repeatedCases(this.dataSource, by, this.keyFilter(filters, snapshot), viewer, min, limit);
    const full = callerVisibilityFor(viewer, false) === 'full';
    return {
      by,
      min,
      period: { from: filters.from ?? null, to: filters.to ?? null },
      filters,
      generatedAt: new Date(),
      rows: rows.map((r) => {
        const common = { cases: r.cases, firstReceivedAt: r.first, lastReceivedAt: r.last, recentCaseNos: r.caseNos };
        if (by === 'address') return { address: r.key, ...common };
        const phone = this.cipher.decrypt(r.sealedPhone);
        return { phone: full ? phone : maskPhone(phone), ...common };
      }),
    };
  }

  // --- where the counts come from

  private rollupServes(groupBy: StatsDimension, filters: StatsFilters): boolean {
    return this.dayAligned(filters) && FILTER_DIMENSIONS.every((d) => d === groupBy || filters[d] === undefined);
  }

  /** Both ends at a district midnight (or open): the rollup's days cover the period exactly. */
  private dayAligned(filters: StatsFilters): boolean {
    const zone = this.config.DISTRICT_TIMEZONE;
    const midnight = (at: Date) => districtDay(new Date(at.getTime() - 1), zone) !== districtDay(at, zone);
    return (!filters.from || midnight(filters.from)) && (!filters.to || midnight(filters.to));
  }

  private rollupPeriod(c: SqlConditions, filters: StatsFilters): void {
    const zone = this.config.DISTRICT_TIMEZONE;
    if (filters.from) c.add(`d.day >= ${c.p(districtDay(filters.from, zone))}::date`);
    if (filters.to) c.add(`d.day < ${c.p(districtDay(filters.to, zone))}::date`);
  }

  private rollupKeyFilter(c: SqlConditions, dimension: StatsDimension, filters: StatsFilters, snapshot: ReferenceSnapshot): void {
    const code = filters[dimension];
    if (code === undefined) return;
    const ids = this.idsOf(dimension, code, snapshot);
    c.add(`d.key = ANY(${c.p(ids.map((id) => id ?? ''))}::text[])`);
  }

  private async rollupCounts(
    groupBy: StatsDimension,
    filters: StatsFilters,
    snapshot: ReferenceSnapshot,
  ): Promise<KeyedCounts[]> {
    const c = new SqlConditions();
    c.add(`d.dimension = ${c.p(groupBy)}`);
    this.rollupPeriod(c, filters);
    this.rollupKeyFilter(c, groupBy, filters, snapshot);
    return sqlRows<KeyedCounts>(
      this.dataSource,
      `SELECT d.key, ${ROLLUP_SUMS} FROM stats_daily d WHERE ${c.sql()} GROUP BY d.key`,
      c.params,
    );
  }

  private async factCounts(groupBy: StatsDimension, filters: StatsFilters, snapshot: ReferenceSnapshot): Promise<KeyedCounts[]> {
    const c = new SqlConditions();
    this.groupFilters(c, FACT_COLUMNS, filters, snapshot);
    const key = groupKeySql(groupBy, FACT_COLUMNS);
    return sqlRows<KeyedCounts>(
      this.dataSource,
      `SELECT ${key} AS key, ${FACT_SUMS} FROM stats_case_facts f WHERE ${c.sql()} GROUP BY 1`,
      c.params,
    );
  }

  /** The live figure, by the case row's own keys. */
  private overdueCounts(groupBy: StatsDimension, filters: StatsFilters, snapshot: ReferenceSnapshot) {
    return overdueNowCounts(this.dataSource, groupBy, this.keyFilter(filters, snapshot));
  }

  private groupFilters(c: SqlConditions, columns: KeyColumns, filters: StatsFilters, snapshot: ReferenceSnapshot): void {
    addKeyFilter(c, columns, this.keyFilter(filters, snapshot));
  }

  /** The filters with their codes resolved to the ids they stand for. */
  private keyFilter(filters: StatsFilters, snapshot: ReferenceSnapshot): KeyFilter {
    const keys: KeyFilter['keys'] = Object.fromEntries(
      FILTER_DIMENSIONS.filter((d) => filters[d] !== undefined).map((d) => [d, this.idsOf(d, filters[d]!, snapshot)]),
    );
    return { from: filters.from, to: filters.to, keys };
  }

  /** For category at a level, the SQL groups by the ancestor code through a join, so percentiles are per group. */
  private groupExpression(
    groupBy: StatsDimension,
    columns: KeyColumns,
    c: SqlConditions,
    snapshot: ReferenceSnapshot,
    level?: number,
  ) {
    if (groupBy !== 'category' || !level) return { expression: groupKeySql(groupBy, columns), join: '', folded: false };
    const leaves = [...snapshot.categoriesById.values()];
    const ids = c.p(leaves.map((x) => x.id));
    const codes = c.p(leaves.map((x) => x.path[Math.min(level, x.path.length) - 1]));
    return {
      expression: 'm.code',
      join: `JOIN unnest(${ids}::uuid[], ${codes}::text[]) AS m(id, code) ON m.id = ${columns.category}`,
      folded: true,
    };
  }

  /** The ids a filter code stands for: [null] for '_none', every category under a category. */
  private idsOf(dimension: StatsDimension, code: string, snapshot: ReferenceSnapshot): Array<string | null> {
    if (code === NO_KEY) return [null];
    switch (dimension) {
      case 'department':
        return [snapshot.departmentsByCode.get(code)!.id];
      case 'street':
        return [snapshot.streetsByCode.get(code)!.id];
      case 'community':
        return [snapshot.communitiesByCode.get(code)!.id];
      case 'grid':
        return [snapshot.gridsByCode.get(code)!.id];
      case 'category': {
        const c = snapshot.categoriesByCode.get(code)!;
        return [...snapshot.categoriesById.values()].filter((o) => c.path.every((p, i) => o.path[i] === p)).map((o) => o.id);
      }
      default:
        return [code];
    }
  }

  private checkCodes(filters: StatsFilters, snapshot: ReferenceSnapshot): void {
    const maps: Partial<Record<StatsDimension, Map<string, unknown>>> = {
      department: snapshot.departmentsByCode,
      street: snapshot.streetsByCode,
      community: snapshot.communitiesByCode,
      grid: snapshot.gridsByCode,
      category: snapshot.categoriesByCode,
    };
    const problems: Array<{ field: string; reason: string }> = FILTER_DIMENSIONS.filter((d) => {
      const code = filters[d];
      return code !== undefined && maps[d] && code !== NO_KEY && !maps[d].has(code);
    }).map((d) => ({ field: d, reason: `unknown code "${filters[d]}"` }));
    if (filters.from && filters.to && filters.from.getTime() >= filters.to.getTime())
      problems.push({ field: 'to', reason: 'must be after from' });
    if (problems.length) throw new InputInvalid(problems);
  }

  private keyOf(groupBy: StatsDimension, raw: string, snapshot: ReferenceSnapshot, level?: number): GroupKey {
    if (raw === '' || raw === null) return { code: NO_KEY, name: '(none)' };
    const named = (ref: { code: string; name: string } | undefined) =>
      ref ? { code: ref.code, name: ref.name } : { code: raw, name: raw };
    switch (groupBy) {
      case 'department':
        return named(snapshot.departmentsById.get(raw));
      case 'street':
        return named(snapshot.streetsById.get(raw));
      case 'community':
        return named(snapshot.communitiesById.get(raw));
      case 'grid':
        return named(snapshot.gridsById.get(raw));
      case 'category': {
        const leaf = snapshot.categoriesById.get(raw);
        if (!leaf || !level) return named(leaf);
        return named(snapshot.categoriesByCode.get(leaf.path[Math.min(level, leaf.path.length) - 1]));
      }
      default:
        return { code: raw, name: raw };
    }
  }

  private foldedKey(groupBy: StatsDimension, code: string, snapshot: ReferenceSnapshot): GroupKey {
    const c = groupBy === 'category' ? snapshot.categoriesByCode.get(code) : undefined;
    return c ? { code: c.code, name: c.name } : { code, name: code };
  }
}

function toRateRow(key: GroupKey, counts: FigureCounts): RateRow {
  return { key, ...counts, ...ratesOf(counts) };
}

/** Month-over-month (or week-over-week …): relative change of counts, difference of rates (percentage points / 100). */
function changeFrom(before: FigureCounts & Rates, now: FigureCounts & Rates) {
  const change: Record<string, number | null> = {};
  for (const f of CASE_FIGURES) change[f] = before[f] === 0 ? null : (now[f] - before[f]) / before[f];
  for (const r of REPORTED_RATE_NAMES) change[r] = before[r] === null || now[r] === null ? null : now[r] - before[r];
  return change;
}

export type { RankingWeights };
