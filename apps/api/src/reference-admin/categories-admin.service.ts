import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, recordAudit } from '@hotline/audit';
import { announceSettingsChange, sqlRow, sqlRows } from '@hotline/database';
import { ConflictError, InputInvalid, NotFound } from '@hotline/errors';
import { ReferenceDataService } from '@hotline/reference';
import {
  latestVersion,
  ruleSetReference,
  rulesInForce,
  RoutingRulesService,
  saveRuleSet,
  unroutedCategories,
} from '@hotline/routing';

/** A category as admins see it: where it sits, whether it is in use, how many cases were filed under it. */
export interface CategoryRecord {
  code: string;
  name: string;
  nameEn: string;
  parentCode: string | null;
  path: string[];
  active: boolean;
  cases: number;
}

const RECORD = `SELECT c.code, c.name, c.name_en AS "nameEn", p.code AS "parentCode", string_to_array(c.path, '/') AS path, c.active,
    (SELECT count(*)::int FROM cases k WHERE k.category_id = c.id) AS cases
  FROM categories c LEFT JOIN categories p ON p.id = c.parent_id`;

const AUDITED = `SELECT code, name, name_en AS "nameEn", parent_id AS "parentId", path, depth, sort_order AS "sortOrder", active
  FROM categories WHERE code = $1`;

interface CategoryRow {
  id: string;
  code: string;
  path: string;
  active: boolean;
  parentId: string | null;
}

/**
 * The category tree as the centre edits it: add, rename, move, retire. Cases hold a category's id, so
 * they keep their category through a rename or a move, and the figures (grouped by id, named from the
 * tree in force) follow. A change that would leave a category without a route is refused unless the
 * admin acknowledges it (`toDispatcher`): the category is then left to the dispatchers in a new rule
 * set version. Retiring a category the rules name is refused: edit the rules first.
 */
@Injectable()
export class CategoriesAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly rules: RoutingRulesService,
  ) {}

  list(): Promise<CategoryRecord[]> {
    return sqlRows<CategoryRecord>(this.dataSource, `${RECORD} ORDER BY c.path`);
  }

  async get(code: string): Promise<CategoryRecord> {
    const row = await sqlRow<CategoryRecord>(this.dataSource, `${RECORD} WHERE c.code = $1`, [code]);
    if (!row) throw new NotFound('Category', code);
    return row;
  }

  async create(
    input: { code: string; name: string; nameEn: string; parentCode: string | null; toDispatcher: boolean },
    actor: AuditActor,
  ): Promise<CategoryRecord> {
    return this.change(input.toDispatcher, actor, async (manager) => {
      const taken = await sqlRow<{ code: string }>(manager, `SELECT code FROM categories WHERE code = $1`, [input.code]);
      if (taken) throw new InputInvalid([{ field: 'code', reason: `a category already has the code ${input.code}` }]);
      const parent = input.parentCode === null ? null : await this.parentFor(manager, input.parentCode, 'parentCode');
      const path = parent ? `${parent.path}/${input.code}` : input.code;
      await sqlRows(
        manager,
        `INSERT INTO categories (code, name, name_en, parent_id, path, depth, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, (SELECT COALESCE(max(sort_order) + 1, 0) FROM categories WHERE parent_id IS NOT DISTINCT FROM $4))
         RETURNING id`,
        [input.code, input.name, input.nameEn, parent?.id ?? null, path, path.split('/').length],
      );
      await recordAudit(manager, actor, {
        entity: 'category',
        entityId: input.code,
        action: 'create',
        before: null,
        after: await sqlRow<object>(manager, AUDITED, [input.code]),
      });
      return input.code;
    });
  }

  /** Renames and/or moves a category (with its sub-categories) under another parent, or to the top level. */
  async update(
    code: string,
    input: { name?: string; nameEn?: string; parentCode?: string | null; toDispatcher: boolean },
    actor: AuditActor,
  ): Promise<CategoryRecord> {
    return this.change(input.toDispatcher, actor, async (manager) => {
      const row = await this.lock(manager, code);
      if (!row.active) throw new ConflictError('CategoryRetired', `Category ${code} is retired`);
      const before = await sqlRow<object>(manager, AUDITED, [code]);
      await sqlRows(
        manager,
        `UPDATE categories SET name = COALESCE($2, name), name_en = COALESCE($3, name_en) WHERE code = $1 RETURNING id`,
        [code, input.name ?? null, input.nameEn ?? null],
      );
      let moved: string[] = [];
      if (input.parentCode !== undefined) moved = await this.move(manager, row, input.parentCode);
      await recordAudit(manager, actor, {
        entity: 'category',
        entityId: code,
        action: input.parentCode !== undefined ? 'move' : 'update',
        before,
        after: await sqlRow<object>(manager, AUDITED, [code]),
      });
      for (const sub of moved) {
        await recordAudit(manager, actor, {
          entity: 'category',
          entityId: sub,
          action: 'moveWithParent',
          after: await sqlRow<object>(manager, AUDITED, [sub]),
        });
      }
      return code;
    });
  }

  /** Retires a category and what is under it; cases filed under them keep them. Refused while rules name them. */
  async retire(code: string, actor: AuditActor): Promise<CategoryRecord> {
    return this.change(false, actor, async (manager) => {
      const row = await this.lock(manager, code);
      if (!row.active) throw new ConflictError('CategoryRetired', `Category ${code} is retired`);
      const under = await sqlRows<{ code: string }>(
        manager,
        `SELECT code FROM categories WHERE path = $1 OR path LIKE $1 || '/%'`,
        [row.path],
      );
      const codes = new Set(under.map((u) => u.code));
      const naming = (await rulesInForce(manager)).filter((r) => r.categoryCode !== null && codes.has(r.categoryCode));
      if (naming.length > 0) {
        throw new ConflictError(
          'CategoryRouted',
          `Routing rule(s) ${naming.map((r) => r.code).join(', ')} still name ${code} or a category under it: change the rules first`,
        );
      }
      const before = await sqlRow<object>(manager, AUDITED, [code]);
      await sqlRows(manager, `UPDATE categories SET active = false WHERE code = $1 RETURNING id`, [code]);
      await recordAudit(manager, actor, {
        entity: 'category',
        entityId: code,
        action: 'retire',
        before,
        after: await sqlRow<object>(manager, AUDITED, [code]),
      });
      return code;
    });
  }

  /** Re-parents a category and rewrites its sub-tree's paths; answers the sub-categories moved with it. */
  private async move(manager: EntityManager, row: CategoryRow, parentCode: string | null): Promise<string[]> {
    const parent = parentCode === null ? null : await this.parentFor(manager, parentCode, 'parentCode');
    if (parent && (parent.path === row.path || parent.path.startsWith(`${row.path}/`))) {
      throw new InputInvalid([{ field: 'parentCode', reason: 'a category cannot move under itself or its own sub-category' }]);
    }
    if ((parent?.id ?? null) === row.parentId) return [];
    const newPath = parent ? `${parent.path}/${row.code}` : row.code;
    const moved = await sqlRows<{ code: string }>(
      manager,
      `UPDATE categories SET path = $2 || substr(path, length($1) + 1),
              depth = array_length(string_to_array($2 || substr(path, length($1) + 1), '/'), 1),
              parent_id = CASE WHEN code = $3 THEN $4::uuid ELSE parent_id END,
              sort_order = CASE WHEN code = $3
                THEN (SELECT COALESCE(max(sort_order) + 1, 0) FROM categories WHERE parent_id IS NOT DISTINCT FROM $4::uuid)
                ELSE sort_order END
        WHERE path = $1 OR path LIKE $1 || '/%'
        RETURNING code`,
      [row.path, newPath, row.code, parent?.id ?? null],
    );
    return moved.map((m) => m.code).filter((c) => c !== row.code);
  }

  /**
   * The category a new or moved category goes under: in use, and not one cases are filed under (it would
   * turn their category into a group, and cases are filed under leaves).
   */
  private async parentFor(manager: EntityManager, code: string, field: string): Promise<CategoryRow> {
    const parent = await sqlRow<CategoryRow & { cases: number }>(
      manager,
      `SELECT c.id, c.code, c.path, c.active, c.parent_id AS "parentId",
              (SELECT count(*)::int FROM cases k WHERE k.category_id = c.id) AS cases
         FROM categories c WHERE c.code = $1`,
      [code],
    );
    if (!parent || !parent.active) throw new InputInvalid([{ field, reason: `no category in use has the code ${code}` }]);
    if (parent.cases > 0) {
      throw new InputInvalid([{ field, reason: `${parent.cases} case(s) are filed under ${code}: it cannot become a group` }]);
    }
    return parent;
  }

  private async lock(manager: EntityManager, code: string): Promise<CategoryRow> {
    const row = await sqlRow<CategoryRow>(
      manager,
      `SELECT id, code, path, active, parent_id AS "parentId" FROM categories WHERE code = $1 FOR UPDATE`,
      [code],
    );
    if (!row) throw new NotFound('Category', code);
    return row;
  }

  /**
   * Runs a change of the tree in one transaction and checks the rules in force against the tree it
   * leaves: categories it leaves without a route are refused (409, nothing changed), or with
   * `toDispatcher` left to the dispatchers on purpose in a new rule set version. Then announces it.
   */
  private async change(
    toDispatcher: boolean,
    actor: AuditActor,
    write: (manager: EntityManager) => Promise<string>,
  ): Promise<CategoryRecord> {
    const code = await this.dataSource.transaction(async (manager) => {
      const rules = await rulesInForce(manager);
      const latest = await latestVersion(manager);
      const set = { rules, dispatcherCategories: latest?.dispatcherCategories ?? [] };
      const unroutedBefore = new Set(unroutedCategories(set, await ruleSetReference(manager)));
      const changed = await write(manager);
      const newlyUnrouted = unroutedCategories(set, await ruleSetReference(manager)).filter((c) => !unroutedBefore.has(c));
      if (newlyUnrouted.length > 0) {
        if (!toDispatcher) {
          throw new ConflictError(
            'CategoryUnrouted',
            `No routing rule would route every case of ${newlyUnrouted.join(', ')}: add a rule first, or send toDispatcher: true ` +
              'to leave them to the dispatchers on purpose',
          );
        }
        await saveRuleSet(
          manager,
          actor,
          { rules, dispatcherCategories: [...set.dispatcherCategories, ...newlyUnrouted] },
          { reason: `分类调整：${newlyUnrouted.join(', ')} 由派单员派单 (left to the dispatchers)` },
        );
      }
      await announceSettingsChange(manager);
      return changed;
    });
    // This process reloads at once; the others on the change's NOTIFY.
    this.reference.reload();
    this.rules.reload();
    return this.get(code);
  }
}
