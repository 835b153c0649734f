import type { Page } from 'playwright-core';
import { screenshot, useSignedInPage } from './browser';

jest.setTimeout(180_000);

interface Row {
  label: string;
  grid_code: string;
  retired_at: Date | null;
  edited_at: Date | null;
}

/**
 * The admins' 标准地址库 screen in a real browser (issue 17): add an address (its grid derived from the
 * point), find it with the intake's search, correct its label, retire it; each change reaches the register.
 */
describe('the console’s address register screen', () => {
  const { stack, page: current } = useSignedInPage('admin', { worker: false });
  let page: Page;
  beforeEach(() => {
    page = current();
  });

  const stored = async (label: string) =>
    (
      await stack.db.query<Row>(
        `SELECT a.label, g.code AS grid_code, a.retired_at, a.edited_at FROM addresses a JOIN grids g ON g.id = a.grid_id
          WHERE a.label = $1`,
        [label],
      )
    ).rows;
  const search = async (q: string) => {
    const box = page.getByTestId('address-admin-search');
    await box.fill(q);
    await box.press('Enter');
  };
  const row = (label: string) => page.locator('tr[data-address-row]', { hasText: label });

  it('an admin adds an address, corrects its label and retires it', async () => {
    await page.goto('/admin/addresses');
    await page.getByTestId('address-new').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('地址', { exact: true }).fill('锦鲤苑6号楼');
    await dialog.getByLabel('lat (WGS-84)').fill('38.908793');
    await dialog.getByLabel('lng (WGS-84)').fill('121.602056');
    await screenshot(page, 'admin-address-new');
    await page.getByTestId('address-save').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await stored('锦鲤苑6号楼')).toEqual([expect.objectContaining({ grid_code: 'baiyun-01-g1', retired_at: null })]);

    await search('锦鲤苑 6号楼');
    await row('锦鲤苑6号楼').waitFor();
    expect(await row('锦鲤苑6号楼').textContent()).toContain('baiyun-01-g1');
    await row('锦鲤苑6号楼').getByTestId('address-edit').click();
    await expect(dialog.getByLabel('地址', { exact: true }).inputValue()).resolves.toBe('锦鲤苑6号楼');
    await dialog.getByLabel('地址', { exact: true }).fill('锦鲤苑7号楼');
    await page.getByTestId('address-save').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await stored('锦鲤苑7号楼')).toEqual([expect.objectContaining({ grid_code: 'baiyun-01-g1', retired_at: null })]);
    expect(await stored('锦鲤苑6号楼')).toEqual([]);

    await search('锦鲤苑');
    await row('锦鲤苑7号楼').waitFor();
    await screenshot(page, 'admin-address-search');
    await row('锦鲤苑7号楼').getByTestId('address-retire').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await row('锦鲤苑7号楼').waitFor({ state: 'detached' });
    const [retired] = await stored('锦鲤苑7号楼');
    expect(retired.retired_at).not.toBeNull();
  });
});
