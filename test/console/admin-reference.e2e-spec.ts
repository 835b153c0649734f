import type { Browser, Page } from 'playwright-core';
import { useStack, waitFor } from '@hotline/testing';
import { cspViolations, ensureConsoleBuilt, launchBrowser, screenshot, signedIn } from './browser';

jest.setTimeout(180_000);

/**
 * The admin's reference data screens in a real browser: departments (create, a refused retirement,
 * a merge), categories (a refusal without the dispatchers' acknowledgement, then with it) and routing
 * rules (a preview against a sample, a new version, a rollback). The suite leaves the seeded rules as
 * they were (the other suites of the run share the database).
 */
describe('the console’s reference data screens', () => {
  beforeAll(ensureConsoleBuilt);
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  const tag = Date.now().toString(36).slice(-5);

  beforeAll(async () => {
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await page?.context().close();
    await closeBrowser?.();
  });
  // After the browser's hooks: jest runs afterAll hooks in the order they were declared.
  const stack = useStack({ worker: false });

  const dialog = () => page.getByRole('dialog');
  const save = () =>
    dialog()
      .getByRole('button', { name: /保\s*存/ })
      .click();
  const option = (filter: { hasText: string }) =>
    page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', filter).first();
  const errorToast = () => page.locator('.ant-message-error, .ant-notification-notice-error').first();
  const row = (code: string) => page.locator('tr', { has: page.locator(`td:text-is("${code}")`) });
  const query = async <T extends object>(sql: string, params: unknown[] = []) => (await stack.db.query<T>(sql, params)).rows;

  it('creates departments, refuses to retire one with open work, merges one into another', async () => {
    page = await signedIn(browser, stack.api.url, 'admin');
    await page.goto('/admin/departments');
    await row('heating').waitFor();
    for (const code of [`ui-${tag}-a`, `ui-${tag}-b`]) {
      await page.locator('[data-new-department]').click();
      await dialog().getByLabel('编码').fill(code);
      await dialog()
        .getByLabel('名称')
        .fill(`界面部门${code.slice(-1)}`);
      await dialog().getByLabel('English').fill(`UI ${code}`);
      await dialog().getByLabel('类型').click();
      await option({ hasText: '委办局' }).click();
      await save();
      await row(code).waitFor();
    }

    // The heating office has routing rules and users: retiring it is refused, and nothing changes.
    await row('heating').locator('[data-retire]').click();
    await dialog().getByLabel('原因').fill('界面测试');
    await save();
    await errorToast().waitFor();
    expect(await errorToast().textContent()).toContain('merge it into another department');
    await dialog()
      .getByRole('button', { name: /取\s*消/ })
      .click();
    expect(await query<{ active: boolean }>(`SELECT active FROM departments WHERE code = 'heating'`)).toEqual([{ active: true }]);

    await row(`ui-${tag}-a`).locator('[data-merge]').click();
    await dialog().getByLabel('并入部门').click();
    await page.keyboard.type(`界面部门b`);
    await option({ hasText: '界面部门b' }).click();
    await dialog().getByLabel('原因').fill('机构改革');
    await screenshot(page, 'admin-departments-merge');
    await save();
    await row(`ui-${tag}-a`).getByText(`已并入 ui-${tag}-b`).waitFor();
    const audit = await query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'department' AND entity_id = $1 ORDER BY id`,
      [`ui-${tag}-a`],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'merge']);
    await screenshot(page, 'admin-departments');
  });

  it('previews a rule change against a sample, saves it as a version and rolls it back', async () => {
    await page.goto('/admin/routing');
    const editor = page.locator('[data-rule-set]');
    await waitFor(async () => ((await editor.inputValue()).includes('"R11"') ? true : undefined), 20_000, 'the rule set');
    const before = Number(await page.locator('[data-current-version]').getAttribute('data-current-version'));

    const set = JSON.parse(await editor.inputValue()) as { rules: Array<{ code: string; leadDepartmentCode: string }> };
    set.rules.find((r) => r.code === 'R11')!.leadDepartmentCode = 'housing';
    await editor.fill(JSON.stringify(set, null, 2));
    await page.getByLabel('诉求类型').click();
    await option({ hasText: '投诉' }).click();
    await page.locator('[data-sample-category]').fill('heating.no-heat');
    await page.locator('[data-preview]').click();
    const sample = page.locator('[data-sample-result]');
    await sample.waitFor();
    expect(await sample.textContent()).toContain('R11 → heating');
    expect(await sample.textContent()).toContain('R11 → housing');
    expect(await page.locator('[data-preview-result]').textContent()).toContain('规则集有效');
    await screenshot(page, 'admin-routing-preview');

    await page.locator('[data-save-rules]').click();
    await dialog().getByLabel('原因').fill('供热改由住建局主办（界面测试）');
    await save();
    await page.locator(`[data-current-version="${before + 1}"]`).waitFor();
    expect(await query<{ lead: string }>(`SELECT lead_department_code AS lead FROM routing_rules WHERE code = 'R11'`)).toEqual([
      { lead: 'housing' },
    ]);

    await page.locator(`[data-rollback="${before}"]`).click();
    await dialog().getByLabel('原因').fill('回退（界面测试）');
    await save();
    await page.locator(`[data-current-version="${before + 2}"]`).waitFor();
    await page.locator('tr', { hasText: `回退自 ${before}` }).waitFor();
    expect(await query<{ lead: string }>(`SELECT lead_department_code AS lead FROM routing_rules WHERE code = 'R11'`)).toEqual([
      { lead: 'heating' },
    ]);
    await screenshot(page, 'admin-routing');
  });

  it('refuses a category no rule routes until the admin leaves it to the dispatchers', async () => {
    const code = `ui-${tag}`;
    await page.goto('/admin/categories');
    await row('city-appearance').waitFor();
    await page.locator('[data-new-category]').click();
    await dialog().getByLabel('编码').fill(code);
    await dialog().getByLabel('名称').fill('界面新分类');
    await dialog().getByLabel('English').fill('UI category');
    await save();
    await errorToast().waitFor();
    expect(await query(`SELECT 1 FROM categories WHERE code = $1`, [code])).toEqual([]);

    await dialog().getByText('无规则时交派单员派单').click();
    await save();
    await row(code).waitFor();
    const [{ categories }] = await query<{ categories: string[] }>(
      `SELECT dispatcher_categories AS categories FROM routing_rule_versions ORDER BY version DESC LIMIT 1`,
    );
    expect(categories).toContain(code);
    await screenshot(page, 'admin-categories');

    // Retired again, so the category lists of the suites after this one stay as seeded.
    await row(code).locator('[data-retire]').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await row(code).getByText('已撤销').waitFor();
    expect(cspViolations).toEqual([]);
  });
});
