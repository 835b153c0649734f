import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { useStack, waitFor } from '@hotline/testing';
import { cspViolations, ensureConsoleBuilt, launchBrowser, screenshot, signedIn } from './browser';

jest.setTimeout(180_000);

/**
 * The admin's users screen in a real browser: create a department user, who must choose a new password
 * at the first sign-in and then works; edit them; disable them, which ends the session they have open.
 */
describe('the console’s users screen', () => {
  beforeAll(ensureConsoleBuilt);
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  const contexts: Page[] = [];
  const username = `ui-${randomBytes(3).toString('hex')}`;
  const first = 'Browser-首次-Pass-1';
  const chosen = 'Browser-自选-Pass-2';

  beforeAll(async () => {
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    for (const page of contexts) await page.context().close();
    await closeBrowser?.();
  });
  // After the browser's hooks: jest runs afterAll hooks in the order they were declared, so the
  // browser (and its polling pages) closes before the API it holds connections to.
  const stack = useStack({ worker: false });

  const userRow = (page: Page) => page.locator('tr', { hasText: username });
  /** An option of the select list open now (antd keeps closed lists in the page, hidden). */
  const option = (page: Page, filter: { hasText: string }) =>
    page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', filter).first();

  it('an admin creates a department user from the list', async () => {
    const page = await signedIn(browser, stack.api.url, 'admin');
    contexts.push(page);
    await page.goto('/admin/users');
    await page.locator('tr', { hasText: 'dispatcher' }).first().waitFor();
    // The heating office's users: the new one appears among them.
    await page.locator('[data-filter="department"]').click();
    await page.keyboard.type('供热');
    await option(page, { hasText: '供热办公室' }).click();
    await page.locator('tr', { hasText: 'staff-heating' }).waitFor();
    await page.locator('[data-new-user]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('名称').fill('界面新建承办人');
    await dialog.getByLabel('角色').click();
    await option(page, { hasText: '承办人' }).first().click();
    await dialog.getByLabel('部门').click();
    await page.keyboard.type('供热');
    await option(page, { hasText: '供热办公室' }).click();
    await dialog.getByLabel('密码').fill(first);
    await screenshot(page, 'admin-users-new');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await userRow(page).waitFor();
    expect(await userRow(page).textContent()).toContain('待改密码');
    const { rows } = await stack.db.query<{ role: string; must_change_password: boolean }>(
      `SELECT role, must_change_password FROM users WHERE username = $1`,
      [username],
    );
    expect(rows[0]).toEqual({ role: 'departmentStaff', must_change_password: true });
    await screenshot(page, 'admin-users');
  });

  let userPage: Page;

  it('the new user must choose a password first, then reaches their inbox', async () => {
    const context = await browser.newContext({ baseURL: stack.api.url, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    userPage = await context.newPage();
    contexts.push(userPage);
    await userPage.goto('/login');
    await userPage.getByLabel('用户名').fill(username);
    await userPage.getByLabel('密码').fill(first);
    await userPage.getByRole('button', { name: /登\s*录/ }).click();
    const form = userPage.locator('[data-password-change]');
    await form.waitFor();
    await form.getByLabel('新密码', { exact: true }).fill(chosen);
    await form.getByLabel('确认新密码').fill(chosen);
    await screenshot(userPage, 'password-change');
    await form.getByRole('button').click();
    await userPage.getByTestId('signed-in-user').waitFor();
    expect(await userPage.getByTestId('signed-in-user').textContent()).toContain('界面新建承办人');
  });

  it('the admin disables the user; their open session ends', async () => {
    const page = contexts[0];
    await userRow(page).locator(`[data-disable-user="${username}"]`).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await userRow(page).getByText('已停用').waitFor();
    await waitFor(
      async () =>
        (await stack.db.query<{ active: boolean }>(`SELECT active FROM users WHERE username = $1`, [username])).rows[0].active
          ? undefined
          : true,
      10_000,
      'disabled in the database',
    );
    // The user's next request is refused and the console returns to the sign-in page.
    await userPage.goto('/cases');
    await userPage.getByRole('button', { name: /登\s*录/ }).waitFor();
    expect(cspViolations).toEqual([]);
  });
});
