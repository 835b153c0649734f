import type { Page } from 'playwright-core';
import { screenshot, useSignedInPage } from './browser';

jest.setTimeout(180_000);

/** A valid USCC of Xigang (210203) used by no other test; check character per GB 32100-2015. */
const EPSILON = '91210203MA0RE9T03Q';

interface Row {
  name: string;
  industry: string;
  leader: string | null;
}

/**
 * The admins' 企业库 screen in a real browser: a seeded enterprise found by its USCC, a new one
 * registered with its responsible leader chosen from the users, then renamed; each change audited.
 */
describe('the console’s enterprise register screen', () => {
  const { stack, page: current } = useSignedInPage('admin', { worker: false });
  let page: Page;
  beforeEach(() => {
    page = current();
  });

  const stored = async (uscc: string) =>
    (
      await stack.db.query<Row>(
        `SELECT e.name, e.industry, u.username AS leader FROM enterprises e LEFT JOIN users u ON u.id = e.responsible_user_id
          WHERE e.uscc = $1`,
        [uscc],
      )
    ).rows;
  const audited = async (uscc: string) =>
    (
      await stack.db.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE entity = 'enterprise' AND entity_id = $1 ORDER BY id`,
        [uscc],
      )
    ).rows.map((r) => r.action);
  const row = (uscc: string) => page.locator(`tr[data-enterprise-row="${uscc}"]`);

  it('an admin finds a seeded enterprise, registers one with its leader and renames it', async () => {
    await page.goto('/admin/enterprises');
    const seeded = (
      await stack.db.query<{ uscc: string; name: string }>(`SELECT uscc, name FROM enterprises ORDER BY uscc LIMIT 1`)
    ).rows[0];
    await page.getByTestId('enterprise-search').fill(seeded.uscc.toLowerCase());
    await row(seeded.uscc).waitFor();
    expect(await row(seeded.uscc).textContent()).toContain(seeded.name);

    await page.getByTestId('enterprise-new').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('统一社会信用代码').fill(EPSILON);
    await page.getByTestId('enterprise-name').fill('大连西岗浏览器测试有限公司');
    await dialog.getByLabel('行业').click();
    await page.locator('.ant-select-item-option[title="制造业"]').click();
    await dialog.getByLabel('联系人').fill('秦经理');
    await dialog.getByLabel('联系电话').fill('13977776666');
    await dialog.getByLabel('包联领导').fill('supervisor');
    await page.locator('.ant-select-item-option', { hasText: '(supervisor)' }).click();
    await screenshot(page, 'admin-enterprise-new');
    await page.getByTestId('enterprise-save').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await stored(EPSILON)).toEqual([
      { name: '大连西岗浏览器测试有限公司', industry: 'manufacturing', leader: 'supervisor' },
    ]);

    await page.getByTestId('enterprise-search').fill('浏览器测试');
    await row(EPSILON).waitFor();
    await row(EPSILON).getByTestId('enterprise-edit').click();
    await expect(dialog.getByLabel('联系电话').inputValue()).resolves.toBe('13977776666');
    await page.getByTestId('enterprise-name').fill('大连西岗浏览器改名有限公司');
    await page.getByTestId('enterprise-save').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await stored(EPSILON)).toEqual([
      { name: '大连西岗浏览器改名有限公司', industry: 'manufacturing', leader: 'supervisor' },
    ]);
    expect(await audited(EPSILON)).toEqual(['create', 'update']);
  });
});
