import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '@hotline/auth';
import { Clock } from '@hotline/clock';
import { SqlConditions, sqlRow, sqlRows, STATS_FIGURE_COLUMNS } from '@hotline/database';
import { AccessDenied, InputInvalid, NotFound } from '@hotline/errors';
import { PersonalDataCipher } from '@hotline/privacy';
import { ReferenceDataService, ReferenceSnapshot } from '@hotline/reference';
import { SlaSettingsService } from '@hotline/sla-runtime';
import { CASE_ROW_COLUMNS, CaseRow, CaseView, textFor, toCaseView } from './case-view';
import { addKeyFilter, KEY_COLUMNS, NO_KEY, OVERDUE_NOW_SQL, type CaseKey } from './case-key-columns';
import { callerLinkedCasesSql, callerVisibilityFor, CaseScope, caseScopeFor } from './case-visibility';

export interface CaseListFilters {
  status?: string[];
  departmentCode?: string;
  categoryCode?: string;
  streetCode?: string;
  communityCode?: string;
  gridCode?: string;
  from?: Date;
  to?: Date;
  text?: string;
  /** One caller's cases; like enterpriseId, it leaves confidential cases out for viewers outside the centre. */
  callerPhoneHash?: string;
  /** 企业诉求 of one registered enterprise. */
  enterpriseId?: string;
  /** warning: the current stage is past its warning time but not its deadline; overdue: past its deadline. */
  sla?: 'warning' | 'overdue';
  kind?: string;
  channel?: string;
  /**
   * Drill-down: only the cases behind one statistics figure (@hotline/stats). A stored figure reads the
   * case's statistics facts, and then the period and group filters apply to the facts' keys too, exactly
   * as the figure counted them; `overdueNow` is live, on the case row.
   */
  figure?: keyof typeof STATS_FIGURE_COLUMNS | 'overdueNow';
  page: number;
  pageSize: number;
}

export interface CaseEventView {
  id: string;
  type: string;
  actor: { id: string | null; name: string; role: string };
  at: Date;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  data: Record<string, unknown>;
}

/** One case_events row, as events() selects it. */
interface EventRow extends Omit<CaseEventView, 'actor'> {
  actorId: string | null;
  actorName: string;
  actorRole: string;
}

function applyScope(where: SqlConditions, scope: CaseScope, snapshot: ReferenceSnapshot): void {
  switch (scope.kind) {
    case 'all':
      return;
    case 'department':
      where.add((p) => {
        const d = p(scope.departmentId);
        return `(c.lead_department_id = ${d} OR ${d}::uuid = ANY(c.assisting_department_ids))`;
      });
      return;
    case 'grids': {
      const ids = scope.gridCodes.map((code) => snapshot.gridsByCode.get(code)?.id).filter(Boolean);
      where.add((p) => `(c.grid_id = ANY(${p(ids)}::uuid[]) OR c.created_by_id = ${p(scope.userId)})`);
      return;
    }
    case 'none':
      where.add(() => 'false');
  }
}

function inScope(row: CaseRow, scope: CaseScope, snapshot: ReferenceSnapshot): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'department':
      return row.leadDepartmentId === scope.departmentId || row.assistingDepartmentIds.includes(scope.departmentId);
    case 'grids':
      return (
        row.createdById === scope.userId ||
        (row.gridId !== null && scope.gridCodes.includes(snapshot.gridsById.get(row.gridId)?.code ?? ''))
      );
    case 'none':
      return false;
  }
}

/** Reads cases with the viewer's scope applied in SQL: a department never receives another's rows. */
@Injectable()
export class CaseQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
    private readonly sla: SlaSettingsService,
  ) {}

  /** The row, after checking the viewer may see it: 404 when absent, 403 when out of scope. */
  async loadVisibleRow(id: string, viewer: AuthUser): Promise<{ row: CaseRow; snapshot: ReferenceSnapshot }> {
    const snapshot = await this.reference.current();
    const row = await sqlRow<CaseRow>(this.dataSource, `SELECT ${CASE_ROW_COLUMNS} FROM cases c WHERE c.id = $1`, [id]);
    if (!row) throw new NotFound('Case', id);
    this.assertInScope(row, viewer, snapshot);
    return { row, snapshot };
  }

  async get(id: string, viewer: AuthUser): Promise<CaseView> {
    const { row, snapshot } = await this.loadVisibleRow(id, viewer);
    return this.viewOf(row, snapshot, viewer);
  }

  /**
   * The view of a row the caller already holds (intake's RETURNING), checked as get() checks a row it
   * read: 403 when out of the viewer's scope, the caller masked by the same rules.
   */
  async viewOfRow(row: CaseRow, viewer: AuthUser): Promise<CaseView> {
    const snapshot = await this.reference.current();
    this.assertInScope(row, viewer, snapshot);
    return this.viewOf(row, snapshot, viewer);
  }

  private assertInScope(row: CaseRow, viewer: AuthUser, snapshot: ReferenceSnapshot): void {
    if (!inScope(row, caseScopeFor(viewer), snapshot)) {
      throw new AccessDenied(`Case ${row.caseNo} belongs to another department or area`, 'CaseOutOfScope');
    }
  }

  private async viewOf(row: CaseRow, snapshot: ReferenceSnapshot, viewer: AuthUser): Promise<CaseView> {
    const { calendar } = await this.sla.current();
    return toCaseView(row, snapshot, this.cipher, callerVisibilityFor(viewer, row.confidential), this.clock.now(), calendar);
  }

  async events(id: string, viewer: AuthUser): Promise<CaseEventView[]> {
    const { row } = await this.loadVisibleRow(id, viewer);
    const visibility = callerVisibilityFor(viewer, row.confidential);
    const text = (value: unknown) => (typeof value === 'string' ? textFor(visibility, value) : value);
    const rows = await sqlRows<EventRow>(
      this.dataSource,
      `SELECT id::text AS id, type, actor_id AS "actorId", actor_name AS "actorName", actor_role AS "actorRole", at,
              from_status AS "fromStatus", to_status AS "toStatus", note, data
         FROM case_events WHERE case_id = $1 ORDER BY case_events.id`,
      [id],
    );
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      actor: { id: r.actorId, name: r.actorName, role: r.actorRole },
      at: r.at,
      fromStatus: r.fromStatus,
      toStatus: r.toStatus,
      note: textFor(visibility, r.note),
      data: Object.fromEntries(Object.entries(r.data ?? {}).map(([key, value]) => [key, text(value)])),
    }));
  }

  async list(
    filters: CaseListFilters,
    viewer: AuthUser,
  ): Promise<{ items: CaseView[]; total: number; page: number; pageSize: number }> {
    const snapshot = await this.reference.current();
    const { calendar } = await this.sla.current();
    const where = new SqlConditions();
    applyScope(where, caseScopeFor(viewer), snapshot);
    this.applyFilters(where, filters, snapshot, viewer);
    if (filters.callerPhoneHash || filters.enterpriseId) where.add(() => callerLinkedCasesSql(viewer));
    const from =
      filters.figure && filters.figure !== 'overdueNow' ? 'cases c JOIN stats_case_facts f ON f.case_id = c.id' : 'cases c';
    const [{ total }] = await sqlRows<{ total: number }>(
      this.dataSource,
      `SELECT count(*)::int AS total FROM ${from} ${where.where()}`,
      where.params,
    );
    const offset = (filters.page - 1) * filters.pageSize;
    const rows = await sqlRows<CaseRow>(
      this.dataSource,
      `SELECT ${CASE_ROW_COLUMNS} FROM ${from} ${where.where()}
        ORDER BY c.received_at DESC, c.id LIMIT ${filters.pageSize} OFFSET ${offset}`,
      where.params,
    );
    return {
      items: rows.map((row) =>
        toCaseView(row, snapshot, this.cipher, callerVisibilityFor(viewer, row.confidential), this.clock.now(), calendar),
      ),
      total,
      page: filters.page,
      pageSize: filters.pageSize,
    };
  }

  private applyFilters(where: SqlConditions, f: CaseListFilters, snapshot: ReferenceSnapshot, viewer: AuthUser): void {
    const unknown = (field: string, code: string) => new InputInvalid([{ field, reason: `unknown code "${code}"` }]);
    const stored = f.figure !== undefined && f.figure !== 'overdueNow';
    const columns = stored ? KEY_COLUMNS.facts : KEY_COLUMNS.case;
    if (f.figure === 'overdueNow') where.add(OVERDUE_NOW_SQL);
    else if (f.figure && f.figure !== 'received')
      where.add(`f.${STATS_FIGURE_COLUMNS[f.figure as keyof typeof STATS_FIGURE_COLUMNS]}`);
    if (f.status?.length) where.add((p) => `c.status = ANY(${p(f.status)}::text[])`);
    // A group filter takes a code, or '_none' for "no such key" (the statistics' row of undispatched cases).
    const keys: { [K in CaseKey]?: Array<string | null> } = {};
    const place = (key: CaseKey, code: string | undefined, byCode: Map<string, { id: string }>) => {
      if (!code) return;
      if (code === NO_KEY) {
        keys[key] = [null];
        return;
      }
      const found = byCode.get(code);
      if (!found) throw unknown(key, code);
      keys[key] = [found.id];
    };
    place('department', f.departmentCode, snapshot.departmentsByCode);
    if (f.categoryCode) {
      const c = snapshot.categoriesByCode.get(f.categoryCode);
      if (!c) throw unknown('category', f.categoryCode);
      // A category at any level: the category itself and everything below it.
      keys.category = [...snapshot.categoriesById.values()]
        .filter((other) => other.path.length >= c.path.length && c.path.every((code, i) => other.path[i] === code))
        .map((other) => other.id);
    }
    place('street', f.streetCode, snapshot.streetsByCode);
    place('community', f.communityCode, snapshot.communitiesByCode);
    place('grid', f.gridCode, snapshot.gridsByCode);
    if (f.kind) keys.kind = [f.kind];
    if (f.channel) keys.channel = [f.channel];
    addKeyFilter(where, columns, { from: f.from, to: f.to, keys });
    // The business clock's now, like the `sla.state` each case shows, so the filter and the field agree.
    if (f.sla === 'warning') {
      where.add((p) => {
        const now = p(this.clock.now());
        return `(c.sla_warn_at <= ${now} AND c.sla_deadline > ${now})`;
      });
    }
    if (f.sla === 'overdue') where.add((p) => `c.sla_deadline <= ${p(this.clock.now())}`);
    if (f.callerPhoneHash) where.add((p) => `c.caller_phone_hash = ${p(f.callerPhoneHash)}`);
    if (f.enterpriseId)
      where.add((p) => `c.id IN (SELECT ec.case_id FROM enterprise_cases ec WHERE ec.enterprise_id = ${p(f.enterpriseId)})`);
    if (f.text) {
      const pattern = `%${f.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      // The text may be a caller's words (a name, digits of a phone): outside the centre it finds a
      // confidential case by its number only, or the search would tell whose words a report holds.
      where.add((p) => {
        const like = p(pattern);
        return `(c.case_no = ${p(f.text)} OR (${callerLinkedCasesSql(viewer)} AND (c.title ILIKE ${like} OR c.description ILIKE ${like} OR c.address ILIKE ${like})))`;
      });
    }
  }
}
