import { ReferenceDataService } from '@hotline/reference';
import { RoutingRulesService, type StoredRule } from '@hotline/routing';
import {
  heatingComplaint,
  routingDone,
  settingsAcknowledged,
  useStack,
  waitFor,
  type CaseBody,
  type CaseEventBody,
  type ErrorBody,
} from '@hotline/testing';

type Rule = StoredRule;
interface RuleSetVersion {
  version: number;
  rules: Rule[];
  dispatcherCategories: string[];
  reason: string;
  rolledBackFrom: number | null;
  createdBy: string;
}
interface Decision {
  ruleCode: string;
  leadDepartmentCode: string;
}
interface Preview {
  problems: Array<{ field: string; reason: string }>;
  unroutedCategories: string[];
  sample: { current: Decision | null; proposed: Decision | null } | null;
  recent: {
    examined: number;
    changed: number;
    cases: Array<{ caseNo: string; current: Decision | null; proposed: Decision | null }>;
  };
}
interface DepartmentAdmin {
  code: string;
  name: string;
  active: boolean;
  mergedInto: string | null;
  openCases: number;
  ruleCodes: string[];
}
interface CategoryAdmin {
  code: string;
  name: string;
  parentCode: string | null;
  path: string[];
  active: boolean;
}
interface CategoryNode {
  code: string;
  name: string;
  children: CategoryNode[];
}

/**
 * Administration of the reference data (issue 18): departments, the category tree and routing rule sets,
 * each change checked whole (refusals change nothing), audited, and taken up by the worker's routing at
 * commit. The suite creates its own departments and categories and restores the seeded rule set at the
 * end: the other suites of the run share the database.
 */
describe('Reference data administration', () => {
  let cleaned = false;
  // Declared before useStack: jest runs afterAll hooks in declaration order, and this one needs the stack.
  afterAll(async () => {
    // Leave the rules as the other suites expect them, should a test have stopped half-way.
    if (seeded && !cleaned) {
      await admin('POST', `/api/v1/admin/categories/${group}/retire`);
      await admin('POST', `/api/v1/admin/routing-rules/versions/${seeded.version}/rollback`, { reason: 'test cleanup' });
    }
  });

  const stack = useStack();
  const tag = Date.now().toString(36).slice(-5);
  const deptA = `ra-${tag}-a`;
  const deptB = `ra-${tag}-b`;
  const deptC = `ra-${tag}-c`;
  const group = `ra-${tag}`;
  const leaf = `${group}.leaf`;
  let seeded: RuleSetVersion;

  const admin = <T>(method: string, path: string, body?: unknown) => stack.client.as<T>('admin', method, path, body);
  const audits = async (entity: string, id: string) =>
    (
      await stack.db.query<{ action: string; actor_username: string; before: unknown; after: Record<string, unknown> }>(
        `SELECT action, actor_username, before, after FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id`,
        [entity, id],
      )
    ).rows;
  const intake = async (categoryCode: string, title = '测试诉求') => {
    const created = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ categoryCode, title }),
    );
    expect(created.status).toBe(201);
    return created.body;
  };
  /** The router's decision once its job has run: the `dispatched` event, or none (left for a dispatcher). */
  const routed = async (id: string) => {
    await routingDone(id);
    const events = await stack.client.as<CaseEventBody[]>('operator', 'GET', `/api/v1/cases/${id}/events`);
    return events.body.find((e) => e.type === 'dispatched') ?? ({ type: 'awaitingDispatcher' } as const);
  };
  /**
   * What an administrative change writes: the reference tables, the rules and their versions, the audit
   * trail, cases and their history, users and the settings version (row counts and row versions). The
   * worker's own tables (statistics, notifications, outbox) move by themselves after an intake.
   */
  const referenceFingerprint = async () => {
    const tables = [
      'departments',
      'categories',
      'routing_rules',
      'routing_rule_versions',
      'audit_log',
      'cases',
      'case_events',
      'users',
      'settings_version',
    ];
    const parts = tables.map((t) => `(SELECT '${t}:' || count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM "${t}")`);
    return (await stack.db.query<{ f: string }>(`SELECT ${parts.join(` || ' ' || `)} AS f`)).rows[0].f;
  };
  const rulesNow = async () => (await admin<RuleSetVersion>('GET', '/api/v1/admin/routing-rules')).body;

  beforeAll(async () => {
    seeded = await rulesNow();
  });

  it('creates and renames departments, audited, and every process lists them at once', async () => {
    for (const code of [deptA, deptB, deptC]) {
      const created = await admin<DepartmentAdmin>('POST', '/api/v1/admin/departments', {
        code,
        name: `测试部门${code}`,
        nameEn: `Test ${code}`,
        type: 'bureau',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code, active: true, openCases: 0, ruleCodes: [] });
    }
    const renamed = await admin<DepartmentAdmin>('PATCH', `/api/v1/admin/departments/${deptA}`, { name: '新名称部门' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('新名称部门');
    expect((await audits('department', deptA)).map((a) => a.action)).toEqual(['create', 'update']);
    expect((await audits('department', deptA))[1]).toMatchObject({
      actor_username: 'admin',
      before: expect.objectContaining({ name: `测试部门${deptA}` }) as unknown,
      after: expect.objectContaining({ name: '新名称部门' }) as unknown,
    });

    // The API that made the change lists it at once; the worker holds it without waiting for an expiry.
    const listed = await stack.client.as<Array<{ code: string; name: string }>>('operator', 'GET', '/api/v1/departments');
    expect(listed.body.find((d) => d.code === deptA)?.name).toBe('新名称部门');
    await settingsAcknowledged(stack, 10_000);
    expect((await stack.worker!.get(ReferenceDataService).current()).activeDepartment(deptA)?.name).toBe('新名称部门');

    const duplicate = await admin<ErrorBody>('POST', '/api/v1/admin/departments', {
      code: deptA,
      name: 'x',
      nameEn: 'x',
      type: 'bureau',
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.details).toEqual([{ field: 'code', reason: `a department already has the code ${deptA}` }]);
  });

  it('refuses a category no rule routes unless the admin leaves it to the dispatchers, then adds it with its acknowledgement', async () => {
    const before = await referenceFingerprint();
    const refused = await admin<ErrorBody>('POST', '/api/v1/admin/categories', {
      code: group,
      name: '测试分类',
      nameEn: 'Test group',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('CategoryUnrouted');
    expect(refused.body.message).toContain(group);
    expect(await referenceFingerprint()).toBe(before);

    const created = await admin<CategoryAdmin>('POST', '/api/v1/admin/categories', {
      code: group,
      name: '测试分类',
      nameEn: 'Test group',
      toDispatcher: true,
    });
    expect(created.status).toBe(201);
    const set = await rulesNow();
    expect(set.dispatcherCategories).toContain(group);
    expect(set.version).toBe(seeded.version + 1);
    // A sub-category of a group left to the dispatchers needs no acknowledgement of its own.
    const child = await admin<CategoryAdmin>('POST', '/api/v1/admin/categories', {
      code: leaf,
      name: '测试子类',
      nameEn: 'Test leaf',
      parentCode: group,
    });
    expect(child.status).toBe(201);
    expect(child.body).toMatchObject({ parentCode: group, path: [group, leaf], active: true });
    expect((await audits('category', leaf)).map((a) => a.action)).toEqual(['create']);
    const tree = await stack.client.as<CategoryNode[]>('operator', 'GET', '/api/v1/categories');
    expect(tree.body.find((c) => c.code === group)?.children.map((c) => c.code)).toEqual([leaf]);
  });

  it('refuses a rule set that leaves a category unroutable unannounced, with nothing changed', async () => {
    const current = await rulesNow();
    const before = await referenceFingerprint();
    const withoutHealth = current.rules.filter((r) => r.code !== 'R33');
    const refused = await admin<ErrorBody>('PUT', '/api/v1/admin/routing-rules', {
      rules: withoutHealth,
      dispatcherCategories: current.dispatcherCategories,
      reason: 'drop the health group rule',
    });
    expect(refused.status).toBe(400);
    const problem = refused.body.details.find((d) => d.field === 'dispatcherCategories');
    expect(problem?.reason).toContain('health.vaccination');
    // A keyword rule (R34) routes only some of its cases: the category still counts as unroutable.
    expect(problem?.reason).toContain('health.medical-dispute');
    const unknown = await admin<ErrorBody>('PUT', '/api/v1/admin/routing-rules', {
      rules: [...current.rules, { code: 'RX', categoryCode: 'no-such', leadDepartmentCode: 'nobody' }],
      dispatcherCategories: current.dispatcherCategories,
      reason: 'x',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual(
      expect.arrayContaining([
        { field: `rules.${current.rules.length}.categoryCode`, reason: 'unknown or retired category "no-such"' },
        { field: `rules.${current.rules.length}.leadDepartmentCode`, reason: 'unknown or retired department "nobody"' },
      ]),
    );
    expect(await referenceFingerprint()).toBe(before);
  });

  it('previews a rule against a sample and the known cases of the last 30 days, saves it, and the worker routes by it at once', async () => {
    const waiting = await intake(leaf, '预览前的诉求');
    expect((await routed(waiting.id)).type).toBe('awaitingDispatcher');
    const heating = await intake('heating.no-heat');
    expect(await routed(heating.id)).toMatchObject({ data: { ruleCode: 'R11' } });

    const current = await rulesNow();
    const rule: Rule = {
      code: `RA-${tag}`,
      categoryCode: group,
      streetCode: null,
      gridCode: null,
      kind: null,
      keywords: [],
      leadDepartmentCode: deptA,
      assistingDepartmentCodes: [deptB],
      note: '测试规则',
    };
    const proposal = { rules: [...current.rules, rule], dispatcherCategories: current.dispatcherCategories };
    const preview = await admin<Preview>('POST', '/api/v1/admin/routing-rules/preview', {
      ...proposal,
      sample: { kind: 'complaint', categoryCode: leaf, text: '样例' },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.sample).toEqual({
      current: null,
      proposed: expect.objectContaining({ ruleCode: rule.code, leadDepartmentCode: deptA }) as unknown,
    });
    const changes = preview.body.recent.cases;
    expect(changes.find((c) => c.caseNo === waiting.caseNo)).toMatchObject({
      current: null,
      proposed: { ruleCode: rule.code, leadDepartmentCode: deptA },
    });
    // The heating case would go where it went: it is not listed.
    expect(changes.find((c) => c.caseNo === heating.caseNo)).toBeUndefined();
    expect(preview.body.recent.examined).toBeGreaterThanOrEqual(2);

    const saved = await admin<RuleSetVersion>('PUT', '/api/v1/admin/routing-rules', {
      ...proposal,
      reason: '测试分类改由测试部门主办',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: current.version + 1, reason: '测试分类改由测试部门主办', createdBy: 'admin' });
    expect((await audits('routingRuleSet', String(saved.body.version))).map((a) => a.action)).toEqual(['create']);
    expect(await audits('routingRule', rule.code)).toEqual([
      expect.objectContaining({ action: 'create', actor_username: 'admin', before: null }),
    ]);

    // The worker's rules moved with the commit's NOTIFY: well inside the 30 s a cache expiry would take.
    const started = Date.now();
    await waitFor(
      () => ((stack.worker!.get(RoutingRulesService).loadedVersion() ?? 0) >= saved.body.version ? true : undefined),
      10_000,
      'the worker to reload its rules',
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    const worker = await stack.worker!.get(RoutingRulesService).current();
    expect(worker.rules.map((r) => r.code)).toContain(rule.code);

    const next = await intake(leaf, '保存后的诉求');
    expect(await routed(next.id)).toMatchObject({ data: { ruleCode: rule.code, leadDepartmentCode: deptA } });
  });

  it('refuses to retire a department with open cases or rules, with nothing changed', async () => {
    const before = await referenceFingerprint();
    const refused = await admin<ErrorBody>('POST', `/api/v1/admin/departments/${deptA}/retire`, { reason: '撤销' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('DepartmentInUse');
    expect(refused.body.message).toMatch(/open case/);
    expect(refused.body.message).toContain(`RA-${tag}`);
    expect(await referenceFingerprint()).toBe(before);
  });

  it('merges a department: open cases move with events, closed ones keep it, rules follow, figures still name it', async () => {
    const open = await intake(leaf, '合并前未办结');
    expect(await routed(open.id)).toMatchObject({ data: { leadDepartmentCode: deptA } });
    const duplicate = await intake(leaf, '合并前已归档');
    await routed(duplicate.id);
    const merged = await stack.client.as<CaseBody>('dispatcher', 'POST', `/api/v1/cases/${duplicate.id}/merge`, {
      targetCaseId: open.id,
    });
    expect(merged.status).toBe(200);
    expect(merged.body.status).toBe('merged');

    const result = await admin<DepartmentAdmin>('POST', `/api/v1/admin/departments/${deptA}/merge`, {
      into: deptC,
      reason: '机构改革合并',
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ code: deptA, active: false, mergedInto: deptC, openCases: 0, ruleCodes: [] });

    const moved = await stack.client.as<CaseBody>('supervisor', 'GET', `/api/v1/cases/${open.id}`);
    expect(moved.body.leadDepartment).toMatchObject({ code: deptC });
    const events = await stack.client.as<CaseEventBody[]>('supervisor', 'GET', `/api/v1/cases/${open.id}/events`);
    expect(events.body.find((e) => e.type === 'departmentMoved')).toMatchObject({
      actor: { name: 'admin' },
      data: { fromDepartmentCode: deptA, toDepartmentCode: deptC, as: 'lead' },
    });
    // The final case keeps the department that handled it, and still shows its name.
    const kept = await stack.client.as<CaseBody>('supervisor', 'GET', `/api/v1/cases/${duplicate.id}`);
    expect(kept.body.leadDepartment).toMatchObject({ code: deptA, name: '新名称部门' });

    const rules = await rulesNow();
    expect(rules.rules.find((r) => r.code === `RA-${tag}`)).toMatchObject({
      leadDepartmentCode: deptC,
      assistingDepartmentCodes: [deptB],
    });
    expect(rules.reason).toContain(deptA);
    const audit = await audits('department', deptA);
    // Two open cases moved: this one and the one the saved rule routed in the test before.
    expect(audit.at(-1)).toMatchObject({
      action: 'merge',
      after: expect.objectContaining({ into: deptC, movedCases: 2, rewrittenRules: [`RA-${tag}`] }) as unknown,
    });

    // Reference lists leave it out; dispatching to it is refused; the figures still name it.
    const listed = await stack.client.as<Array<{ code: string }>>('operator', 'GET', '/api/v1/departments');
    expect(listed.body.map((d) => d.code)).not.toContain(deptA);
    const figures = await waitFor(
      async () => {
        const r = await stack.client.as<{ rows: Array<{ key: { code: string }; received: number }> }>(
          'supervisor',
          'GET',
          `/api/v1/stats/rates?groupBy=department&department=${deptA}`,
        );
        if (r.status !== 200) throw new Error(JSON.stringify(r.body));
        return r.body.rows.find((row) => row.key.code === deptA && row.received >= 1);
      },
      30_000,
      'the figures of the merged department',
    );
    expect(figures.key.code).toBe(deptA);

    await settingsAcknowledged(stack, 10_000);
    const after = await intake(leaf, '合并后的诉求');
    expect(await routed(after.id)).toMatchObject({ data: { ruleCode: `RA-${tag}`, leadDepartmentCode: deptC } });
  });

  it('retires a department nothing depends on; a retired one takes no new work', async () => {
    // deptB still assists on the moved open case: refused.
    const refused = await admin<ErrorBody>('POST', `/api/v1/admin/departments/${deptB}/retire`, { reason: '撤销' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/open case/);

    const spare = `ra-${tag}-d`;
    expect(
      (await admin('POST', '/api/v1/admin/departments', { code: spare, name: '空部门', nameEn: 'Spare', type: 'street' })).status,
    ).toBe(201);
    const ok = await admin<DepartmentAdmin>('POST', `/api/v1/admin/departments/${spare}/retire`, { reason: '撤销' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ active: false, mergedInto: null });
    expect((await audits('department', spare)).map((a) => a.action)).toEqual(['create', 'retire']);
    const again = await admin<ErrorBody>('POST', `/api/v1/admin/departments/${spare}/retire`, { reason: '撤销' });
    expect(again.status).toBe(409);

    const waiting = await intake('public-safety.neighbourhood-dispute', '派单到撤销部门');
    await routingDone(waiting.id);
    const dispatch = await stack.client.as<ErrorBody>('dispatcher', 'POST', `/api/v1/cases/${waiting.id}/dispatch`, {
      leadDepartmentCode: spare,
      assistingDepartmentCodes: [],
    });
    expect(dispatch.status).toBe(400);
    expect(dispatch.body.details).toEqual([{ field: 'leadDepartmentCode', reason: `unknown or retired department "${spare}"` }]);
    const users = await admin<ErrorBody>('POST', '/api/v1/users', {
      username: `ra-${tag}-user`,
      displayName: '撤销部门的人',
      role: 'departmentStaff',
      departmentCode: spare,
      password: 'Harbour-晴天-2047',
    });
    expect(users.status).toBe(400);
  });

  it('renames, moves and retires categories: cases keep theirs, rules in use block a retirement', async () => {
    const filed = await intake(leaf, '分类调整前');
    const renamed = await admin<CategoryAdmin>('PATCH', `/api/v1/admin/categories/${leaf}`, { name: '改名后的子类' });
    expect(renamed.status).toBe(200);
    const seen = await stack.client.as<CaseBody>('supervisor', 'GET', `/api/v1/cases/${filed.id}`);
    expect(seen.body.category).toMatchObject({ code: leaf, name: '改名后的子类' });

    // Moving the leaf out of the routed group (to the top level) would leave it unrouted: refused unless acknowledged.
    const before = await referenceFingerprint();
    const refused = await admin<ErrorBody>('PATCH', `/api/v1/admin/categories/${leaf}`, { parentCode: null });
    expect(refused.status).toBe(409);
    expect(await referenceFingerprint()).toBe(before);
    const into = await admin<ErrorBody>('PATCH', `/api/v1/admin/categories/${group}`, { parentCode: leaf });
    expect(into.status).toBe(400);
    expect(into.body.details[0].field).toBe('parentCode');
    const moved = await admin<CategoryAdmin>('PATCH', `/api/v1/admin/categories/${leaf}`, { parentCode: 'heating' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentCode: 'heating', path: ['heating', leaf] });
    expect((await audits('category', leaf)).map((a) => a.action)).toEqual(['create', 'update', 'move']);
    const after = await stack.client.as<CaseBody>('supervisor', 'GET', `/api/v1/cases/${filed.id}`);
    expect(after.body.category).toMatchObject({ code: leaf });

    const routedGroup = await admin<ErrorBody>('POST', `/api/v1/admin/categories/${group}/retire`);
    expect(routedGroup.status).toBe(409);
    expect(routedGroup.body.error).toBe('CategoryRouted');

    const retired = await admin<CategoryAdmin>('POST', `/api/v1/admin/categories/${leaf}/retire`);
    expect(retired.status).toBe(200);
    expect(retired.body.active).toBe(false);
    const refusedIntake = await stack.client.as<ErrorBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ categoryCode: leaf }),
    );
    expect(refusedIntake.status).toBe(400);
    expect(refusedIntake.body.details[0].field).toBe('categoryCode');
    const kept = await stack.client.as<CaseBody>('supervisor', 'GET', `/api/v1/cases/${filed.id}`);
    expect(kept.body.category).toMatchObject({ code: leaf, name: '改名后的子类' });
  });

  it('rolls back to an earlier version as a new version (checked like any set), and the worker routes by it', async () => {
    const versions = await admin<RuleSetVersion[]>('GET', '/api/v1/admin/routing-rules/versions');
    const latest = versions.body[0];
    expect(latest.version).toBeGreaterThan(seeded.version + 1);
    expect(versions.body.map((v) => v.createdBy)).toContain('admin');

    // The seeded set knows nothing of the test group, which is in use again (its leaf moved away): refused.
    const before = await referenceFingerprint();
    const refused = await admin<ErrorBody>('POST', `/api/v1/admin/routing-rules/versions/${seeded.version}/rollback`, {
      reason: '回退',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details.find((d) => d.field === 'dispatcherCategories')?.reason).toContain(group);
    expect(await referenceFingerprint()).toBe(before);

    // The version that acknowledged the group (seeded rules, group left to the dispatchers) restores.
    const back = await admin<RuleSetVersion>('POST', `/api/v1/admin/routing-rules/versions/${seeded.version + 1}/rollback`, {
      reason: '回退：测试规则误派',
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({
      version: latest.version + 1,
      rolledBackFrom: seeded.version + 1,
      reason: '回退：测试规则误派',
    });
    expect(back.body.rules.map((r) => r.code)).toEqual(seeded.rules.map((r) => r.code));
    expect((await audits('routingRuleSet', String(back.body.version)))[0]).toMatchObject({ action: 'rollback' });
    expect((await audits('routingRule', `RA-${tag}`)).at(-1)).toMatchObject({ action: 'delete' });
    // History is kept: versions are append-only, and the one that had the test rule is still there as it was.
    for (const sql of [`UPDATE routing_rule_versions SET reason = 'rewritten'`, `DELETE FROM routing_rule_versions`]) {
      await expect(stack.db.query(sql)).rejects.toMatchObject({ code: 'HL001' });
    }
    const old = await admin<RuleSetVersion>('GET', `/api/v1/admin/routing-rules/versions/${latest.version}`);
    expect(old.body.rules.map((r) => r.code)).toContain(`RA-${tag}`);

    await settingsAcknowledged(stack, 10_000);
    const worker = await stack.worker!.get(RoutingRulesService).current();
    expect(worker.rules.map((r) => r.code)).not.toContain(`RA-${tag}`);
    expect(worker.ruleSetVersion).toBe(back.body.version);
    const waiting = await intake(group, '回退后的诉求');
    expect((await routed(waiting.id)).type).toBe('awaitingDispatcher');

    // Cleanup for the suites after this one: the group retires, the seeded set is restored.
    expect((await admin('POST', `/api/v1/admin/categories/${group}/retire`)).status).toBe(200);
    const seededAgain = await admin<RuleSetVersion>('POST', `/api/v1/admin/routing-rules/versions/${seeded.version}/rollback`, {
      reason: 'test cleanup',
    });
    expect(seededAgain.status).toBe(200);
    cleaned = true;
  });

  it('refuses a version number past what the database holds with 400 naming it, not a 500 (found by the hostile-input suite)', async () => {
    for (const path of ['/api/v1/admin/routing-rules/versions/1000000000000000000', '/api/v1/admin/routing-rules/versions/0']) {
      const r = await admin<ErrorBody>('GET', path);
      expect({ path, status: r.status, fields: r.body.details.map((d) => d.field) }).toEqual({
        path,
        status: 400,
        fields: ['version'],
      });
    }
  });
});
