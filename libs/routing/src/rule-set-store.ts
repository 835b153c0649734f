import { type AuditActor, recordAudit } from '@hotline/audit';
import { CASE_KINDS } from '@hotline/cases';
import { announceSettingsChange, sqlExec, sqlRow, sqlRows, type SqlRunner } from '@hotline/database';
import { InputInvalid } from '@hotline/errors';
import type { RoutingRule } from './routing-rules';
import { checkRuleSet, type RuleSet, type RuleSetReference } from './rule-set';

/** One saved rule set as admins read it. */
export interface RuleSetVersion extends RuleSet {
  rules: StoredRule[];
  version: number;
  reason: string;
  rolledBackFrom: number | null;
  createdBy: string;
  createdAt: Date;
}

const RULE_COLUMNS = `code, category_code AS "categoryCode", street_code AS "streetCode", grid_code AS "gridCode", kind, keywords,
  lead_department_code AS "leadDepartmentCode", assisting_department_codes AS "assistingDepartmentCodes", note`;

const VERSION_COLUMNS = `version, rules, dispatcher_categories AS "dispatcherCategories", reason, rolled_back_from AS "rolledBackFrom",
  created_by_username AS "createdBy", created_at AS "createdAt"`;

export type StoredRule = RoutingRule & { note: string };

/** The rules in force (those of the latest version), by code. */
export function rulesInForce(runner: SqlRunner): Promise<StoredRule[]> {
  return sqlRows<StoredRule>(runner, `SELECT ${RULE_COLUMNS} FROM routing_rules WHERE active ORDER BY code`);
}

export function latestVersion(runner: SqlRunner): Promise<RuleSetVersion | undefined> {
  return sqlRow<RuleSetVersion>(runner, `SELECT ${VERSION_COLUMNS} FROM routing_rule_versions ORDER BY version DESC LIMIT 1`);
}

export function ruleSetVersion(runner: SqlRunner, version: number): Promise<RuleSetVersion | undefined> {
  return sqlRow<RuleSetVersion>(runner, `SELECT ${VERSION_COLUMNS} FROM routing_rule_versions WHERE version = $1`, [version]);
}

export function ruleSetVersions(runner: SqlRunner): Promise<RuleSetVersion[]> {
  return sqlRows<RuleSetVersion>(runner, `SELECT ${VERSION_COLUMNS} FROM routing_rule_versions ORDER BY version DESC`);
}

/**
 * The reference data a rule set is checked against, read in the caller's transaction (a department
 * merge checks the set it rewrites against the departments as the merge leaves them).
 */
export async function ruleSetReference(runner: SqlRunner): Promise<RuleSetReference> {
  const [row] = await sqlRows<{
    departments: string[];
    categories: Array<{ code: string; path: string; leaf: boolean }>;
    known: string[];
    streets: string[];
    grids: string[];
  }>(
    runner,
    `SELECT (SELECT COALESCE(array_agg(code), '{}') FROM departments WHERE active) AS departments,
            (SELECT COALESCE(json_agg(json_build_object('code', c.code, 'path', c.path,
                     'leaf', NOT EXISTS (SELECT 1 FROM categories k WHERE k.parent_id = c.id))), '[]')
               FROM categories c
              WHERE NOT EXISTS (SELECT 1 FROM categories a WHERE NOT a.active AND (c.path = a.path OR c.path LIKE a.path || '/%'))
            ) AS categories,
            (SELECT COALESCE(array_agg(code), '{}') FROM categories) AS known,
            (SELECT COALESCE(array_agg(code), '{}') FROM streets) AS streets,
            (SELECT COALESCE(array_agg(code), '{}') FROM grids) AS grids`,
  );
  return {
    departments: new Set(row.departments),
    categories: new Map(row.categories.map((c) => [c.code, { path: c.path.split('/'), leaf: c.leaf }])),
    knownCategories: new Set(row.known),
    streets: new Set(row.streets),
    grids: new Set(row.grids),
    kinds: CASE_KINDS,
  };
}

export interface SaveMeta {
  reason: string;
  rolledBackFrom?: number | null;
}

/**
 * Stores a rule set as the next version, in the caller's transaction: checks it whole against the
 * reference data (refused with every problem named, nothing written), brings `routing_rules` to it
 * with an audit row per rule added, changed or removed, appends the version with its own audit row,
 * and announces the change so every process reloads its rules at commit. The one writer of the rules:
 * the admin's edits, rollbacks, department merges and the seed all go through it.
 */
export async function saveRuleSet(
  runner: SqlRunner,
  actor: AuditActor,
  set: { rules: StoredRule[]; dispatcherCategories: string[] },
  meta: SaveMeta,
): Promise<RuleSetVersion> {
  // Two saves at once would each diff against the same rules: one waits for the other.
  await sqlExec(runner, `LOCK TABLE routing_rule_versions IN SHARE ROW EXCLUSIVE MODE`);
  const problems = checkRuleSet(set, await ruleSetReference(runner));
  if (problems.length > 0) {
    throw new InputInvalid(
      problems,
      `The rule set would be invalid: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`,
    );
  }
  const before = new Map((await rulesInForce(runner)).map((r) => [r.code, r]));
  const after = new Map(set.rules.map((r) => [r.code, r]));
  for (const [code, old] of before) {
    if (after.has(code)) continue;
    await sqlExec(runner, `DELETE FROM routing_rules WHERE code = $1`, [code]);
    await recordAudit(runner, actor, { entity: 'routingRule', entityId: code, action: 'delete', before: old, after: null });
  }
  for (const [code, rule] of after) {
    const old = before.get(code);
    if (old && JSON.stringify(normalised(old)) === JSON.stringify(normalised(rule))) continue;
    await sqlExec(
      runner,
      `INSERT INTO routing_rules (code, category_code, street_code, grid_code, kind, keywords, lead_department_code,
                                  assisting_department_codes, note, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true)
       ON CONFLICT (code) DO UPDATE SET category_code = EXCLUDED.category_code, street_code = EXCLUDED.street_code,
         grid_code = EXCLUDED.grid_code, kind = EXCLUDED.kind, keywords = EXCLUDED.keywords,
         lead_department_code = EXCLUDED.lead_department_code, assisting_department_codes = EXCLUDED.assisting_department_codes,
         note = EXCLUDED.note, active = true`,
      [
        code,
        rule.categoryCode,
        rule.streetCode,
        rule.gridCode,
        rule.kind,
        rule.keywords,
        rule.leadDepartmentCode,
        rule.assistingDepartmentCodes,
        rule.note,
      ],
    );
    await recordAudit(runner, actor, {
      entity: 'routingRule',
      entityId: code,
      action: old ? 'update' : 'create',
      before: old ?? null,
      after: rule,
    });
  }
  const rules = [...after.values()].map(normalised).sort((a, b) => a.code.localeCompare(b.code));
  const version = (await sqlRow<RuleSetVersion>(
    runner,
    `INSERT INTO routing_rule_versions (version, rules, dispatcher_categories, reason, rolled_back_from, created_by_id, created_by_username)
     VALUES ((SELECT COALESCE(max(version), 0) + 1 FROM routing_rule_versions), $1::jsonb, $2, $3, $4, $5, $6)
     RETURNING ${VERSION_COLUMNS}`,
    [
      JSON.stringify(rules),
      [...new Set(set.dispatcherCategories)].sort(),
      meta.reason,
      meta.rolledBackFrom ?? null,
      actor.userId,
      actor.username.slice(0, 64),
    ],
  ))!;
  await recordAudit(runner, actor, {
    entity: 'routingRuleSet',
    entityId: String(version.version),
    action: meta.rolledBackFrom ? 'rollback' : 'create',
    before: null,
    after: {
      version: version.version,
      reason: version.reason,
      rolledBackFrom: version.rolledBackFrom,
      dispatcherCategories: version.dispatcherCategories,
      rules: rules.length,
    },
  });
  await announceSettingsChange(runner);
  return version;
}

/** A rule from what an admin or a seed file writes: the conditions left out are null, the lists empty. */
export function storedRule(rule: {
  code: string;
  categoryCode?: string | null;
  streetCode?: string | null;
  gridCode?: string | null;
  kind?: string | null;
  keywords?: string[];
  leadDepartmentCode: string;
  assistingDepartmentCodes?: string[];
  note?: string;
}): StoredRule {
  return {
    code: rule.code,
    categoryCode: rule.categoryCode ?? null,
    streetCode: rule.streetCode ?? null,
    gridCode: rule.gridCode ?? null,
    kind: rule.kind ?? null,
    keywords: rule.keywords ?? [],
    leadDepartmentCode: rule.leadDepartmentCode,
    assistingDepartmentCodes: rule.assistingDepartmentCodes ?? [],
    note: rule.note ?? '',
  };
}

/** Whether two lists of rules are the same set (whatever their order and the order of their keys). */
export function sameRules(a: readonly StoredRule[], b: readonly StoredRule[]): boolean {
  const key = (rules: readonly StoredRule[]) =>
    JSON.stringify(
      rules
        .map(normalised)
        .map((r) => JSON.stringify(r))
        .sort(),
    );
  return key(a) === key(b);
}

/** A rule with its keys in one order and its lists copied, so that two equal rules compare equal. */
function normalised(rule: StoredRule): StoredRule {
  return storedRule(rule);
}
