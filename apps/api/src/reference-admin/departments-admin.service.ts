import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, recordAudit } from '@hotline/audit';
import { appendHistoryOfMany, OPEN_CASE_STATUSES } from '@hotline/cases';
import { announceSettingsChange, sqlRow, sqlRows } from '@hotline/database';
import { ConflictError, InputInvalid, NotFound } from '@hotline/errors';
import { ReferenceDataService } from '@hotline/reference';
import { latestVersion, RoutingRulesService, rulesInForce, saveRuleSet } from '@hotline/routing';

/** A department as admins see it: in service or retired, with what still depends on it. */
export interface DepartmentRecord {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  type: 'bureau' | 'street';
  active: boolean;
  mergedInto: string | null;
  retiredAt: Date | null;
  openCases: number;
  activeUsers: number;
  ruleCodes: string[];
}

const RECORD = `SELECT d.id, d.code, d.name, d.name_en AS "nameEn", d.type, d.active, m.code AS "mergedInto", d.retired_at AS "retiredAt",
    (SELECT count(*)::int FROM cases c WHERE c.status = ANY($1) AND (c.lead_department_id = d.id OR d.id = ANY(c.assisting_department_ids))) AS "openCases",
    (SELECT count(*)::int FROM users u WHERE u.department_id = d.id AND u.active) AS "activeUsers",
    (SELECT COALESCE(array_agg(r.code ORDER BY r.code), '{}') FROM routing_rules r
      WHERE r.active AND (r.lead_department_code = d.code OR d.code = ANY(r.assisting_department_codes))) AS "ruleCodes"
  FROM departments d LEFT JOIN departments m ON m.id = d.merged_into_id`;

/** The audited columns of a department, as its audit rows show them before and after. */
const AUDITED = `SELECT code, name, name_en AS "nameEn", type, active, merged_into_id AS "mergedIntoId", retired_at AS "retiredAt"
  FROM departments WHERE code = $1`;

const OPEN = [...OPEN_CASE_STATUSES];

/**
 * Departments as the admin reorganises them: create, rename, retire, merge. A retired department is
 * never deleted (closed cases and the figures keep naming it); no new case can go to it. Every change
 * is audited and announced, so every process reloads its reference data at commit.
 */
@Injectable()
export class DepartmentsAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly rules: RoutingRulesService,
  ) {}

  list(): Promise<DepartmentRecord[]> {
    return sqlRows<DepartmentRecord>(this.dataSource, `${RECORD} ORDER BY d.active DESC, d.code`, [OPEN]);
  }

  async get(code: string, runner: DataSource | EntityManager = this.dataSource): Promise<DepartmentRecord> {
    const row = await sqlRow<DepartmentRecord>(runner, `${RECORD} WHERE d.code = $2`, [OPEN, code]);
    if (!row) throw new NotFound('Department', code);
    return row;
  }

  async create(
    input: { code: string; name: string; nameEn: string; type: 'bureau' | 'street' },
    actor: AuditActor,
  ): Promise<DepartmentRecord> {
    return this.change(async (manager) => {
      const taken = await sqlRow<{ code: string }>(manager, `SELECT code FROM departments WHERE code = $1`, [input.code]);
      if (taken) throw new InputInvalid([{ field: 'code', reason: `a department already has the code ${input.code}` }]);
      await sqlRows(manager, `INSERT INTO departments (code, name, name_en, type) VALUES ($1, $2, $3, $4) RETURNING id`, [
        input.code,
        input.name,
        input.nameEn,
        input.type,
      ]);
      const after = await sqlRow<object>(manager, AUDITED, [input.code]);
      await recordAudit(manager, actor, { entity: 'department', entityId: input.code, action: 'create', before: null, after });
      return input.code;
    });
  }

  /** Renames (or re-types) a department: its cases and figures follow, since they hold its id. */
  async update(
    code: string,
    input: { name?: string; nameEn?: string; type?: 'bureau' | 'street' },
    actor: AuditActor,
  ): Promise<DepartmentRecord> {
    return this.change(async (manager) => {
      const before = await this.lockActive(manager, code);
      await sqlRows(
        manager,
        `UPDATE departments SET name = COALESCE($2, name), name_en = COALESCE($3, name_en), type = COALESCE($4, type)
          WHERE code = $1 RETURNING id`,
        [code, input.name ?? null, input.nameEn ?? null, input.type ?? null],
      );
      const after = await sqlRow<object>(manager, AUDITED, [code]);
      await recordAudit(manager, actor, { entity: 'department', entityId: code, action: 'update', before, after });
      return code;
    });
  }

  /**
   * Retires a department that nothing depends on any more. Refused (409, nothing changed) while open
   * cases, active users or routing rules still name it: merge it into another department instead.
   */
  async retire(code: string, reason: string, actor: AuditActor): Promise<DepartmentRecord> {
    return this.change(async (manager) => {
      const before = await this.lockActive(manager, code);
      const current = await this.get(code, manager);
      const blockers = [
        current.openCases > 0 ? `${current.openCases} open case(s)` : null,
        current.activeUsers > 0 ? `${current.activeUsers} active user(s)` : null,
        current.ruleCodes.length > 0 ? `routing rule(s) ${current.ruleCodes.join(', ')}` : null,
      ].filter((b): b is string => b !== null);
      if (blockers.length > 0) {
        throw new ConflictError(
          'DepartmentInUse',
          `Department ${code} still has ${blockers.join(', ')}: merge it into another department instead of retiring it`,
        );
      }
      await sqlRows(manager, `UPDATE departments SET active = false, retired_at = now() WHERE code = $1 RETURNING id`, [code]);
      const after = await sqlRow<object>(manager, AUDITED, [code]);
      await recordAudit(manager, actor, {
        entity: 'department',
        entityId: code,
        action: 'retire',
        before,
        after: { ...after, reason },
      });
      return code;
    });
  }

  /**
   * Merges `code` into `into`, in one transaction: the open cases it leads or assists move to `into`
   * (each with a `departmentMoved` event; closed cases keep the department that handled them), its
   * active users move with their work (their sessions end, as for any change of department), the
   * routing rules naming it name `into` (a new rule set version, checked whole), and it is retired.
   */
  async merge(code: string, into: string, reason: string, actor: AuditActor): Promise<DepartmentRecord> {
    if (code === into) throw new InputInvalid([{ field: 'into', reason: 'a department cannot be merged into itself' }]);
    return this.change(async (manager) => {
      const before = await this.lockActive(manager, code);
      const target = await sqlRow<{ id: string; code: string }>(
        manager,
        `SELECT id, code FROM departments WHERE code = $1 AND active FOR UPDATE`,
        [into],
      );
      if (!target) throw new InputInvalid([{ field: 'into', reason: `no department in service has the code ${into}` }]);
      const sourceId = (await sqlRow<{ id: string }>(manager, `SELECT id FROM departments WHERE code = $1`, [code]))!.id;

      const movedCases = await this.moveOpenCases(manager, sourceId, target, code, actor);
      const movedUsers = await sqlRows<{ id: string; username: string }>(
        manager,
        `UPDATE users SET department_id = $2 WHERE department_id = $1 AND active RETURNING id::text, username`,
        [sourceId, target.id],
      );
      for (const user of movedUsers) {
        await recordAudit(manager, actor, {
          entity: 'user',
          entityId: user.id,
          action: 'departmentMerged',
          before: { departmentCode: code },
          after: { departmentCode: into },
        });
      }

      await sqlRows(
        manager,
        `UPDATE departments SET active = false, retired_at = now(), merged_into_id = $2 WHERE code = $1 RETURNING id`,
        [code, target.id],
      );
      const rewrittenRules = await this.rewriteRules(manager, code, into, actor);
      const after = await sqlRow<object>(manager, AUDITED, [code]);
      await recordAudit(manager, actor, {
        entity: 'department',
        entityId: code,
        action: 'merge',
        before,
        after: { ...after, into, reason, movedCases: movedCases.length, movedUsers: movedUsers.length, rewrittenRules },
      });
      return code;
    });
  }

  /** Moves the open cases led or assisted by the source to the target, with their events; answers their ids. */
  private async moveOpenCases(
    manager: EntityManager,
    sourceId: string,
    target: { id: string; code: string },
    sourceCode: string,
    actor: AuditActor,
  ): Promise<string[]> {
    // The version rises like any change of the case, so a transition read before the merge cannot overwrite it.
    const moved = await sqlRows<{ id: string; status: string; asLead: boolean }>(
      manager,
      `UPDATE cases c SET
          lead_department_id = CASE WHEN c.lead_department_id = $1 THEN $2::uuid ELSE c.lead_department_id END,
          assisting_department_ids = CASE WHEN $1 = ANY(c.assisting_department_ids)
            THEN array_remove(array_remove(c.assisting_department_ids, $1), $2::uuid)
                 || CASE WHEN c.lead_department_id IN ($1, $2::uuid) THEN '{}'::uuid[] ELSE ARRAY[$2::uuid] END
            ELSE c.assisting_department_ids END,
          version = c.version + 1, updated_at = now()
        WHERE c.status = ANY($3) AND (c.lead_department_id = $1 OR $1 = ANY(c.assisting_department_ids))
        RETURNING c.id, c.status, (c.lead_department_id = $2::uuid) AS "asLead"`,
      [sourceId, target.id, OPEN],
    );
    await appendHistoryOfMany(
      manager,
      { id: actor.userId, name: actor.username, role: actor.role ?? 'admin' },
      moved.map((c) => ({
        caseId: c.id,
        entries: [
          {
            type: 'departmentMoved',
            fromStatus: c.status,
            toStatus: c.status,
            note: `部门合并：${sourceCode} → ${target.code} (department merged)`,
            data: { fromDepartmentCode: sourceCode, toDepartmentCode: target.code, as: c.asLead ? 'lead' : 'assisting' },
          },
        ],
      })),
    );
    return moved.map((c) => c.id);
  }

  /** The rules naming the source now name the target: a new rule set version when any did. Answers their codes. */
  private async rewriteRules(manager: EntityManager, source: string, target: string, actor: AuditActor): Promise<string[]> {
    const rules = await rulesInForce(manager);
    const touched = rules.filter((r) => r.leadDepartmentCode === source || r.assistingDepartmentCodes.includes(source));
    if (touched.length === 0) return [];
    const rewritten = rules.map((r) => {
      if (!touched.includes(r)) return r;
      const lead = r.leadDepartmentCode === source ? target : r.leadDepartmentCode;
      const assisting = [...new Set(r.assistingDepartmentCodes.map((c) => (c === source ? target : c)))].filter(
        (c) => c !== lead,
      );
      return { ...r, leadDepartmentCode: lead, assistingDepartmentCodes: assisting };
    });
    const latest = await latestVersion(manager);
    await saveRuleSet(
      manager,
      actor,
      { rules: rewritten, dispatcherCategories: latest?.dispatcherCategories ?? [] },
      { reason: `部门合并 ${source} → ${target} (department merged)` },
    );
    return touched.map((r) => r.code);
  }

  /** Locks an active department's row and answers its audited columns; 404 unknown, 409 already retired. */
  private async lockActive(manager: EntityManager, code: string): Promise<object> {
    const row = await sqlRow<{ active: boolean }>(manager, `${AUDITED} FOR UPDATE`, [code]);
    if (!row) throw new NotFound('Department', code);
    if (!row.active) throw new ConflictError('DepartmentRetired', `Department ${code} is retired`);
    return row;
  }

  /** Runs a change in one transaction with the announcement that makes every process reload, then reads the result. */
  private async change(write: (manager: EntityManager) => Promise<string>): Promise<DepartmentRecord> {
    const code = await this.dataSource.transaction(async (manager) => {
      const changed = await write(manager);
      await announceSettingsChange(manager);
      return changed;
    });
    // This process reloads at once; the others on the change's NOTIFY.
    this.reference.reload();
    this.rules.reload();
    return this.get(code);
  }
}
