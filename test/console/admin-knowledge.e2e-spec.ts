import type { Browser, Page } from 'playwright-core';
import { useStack, waitFor } from '@hotline/testing';
import { ensureConsoleBuilt, launchBrowser, screenshot, signedIn } from './browser';

jest.setTimeout(180_000);

/**
 * The knowledge-base screen in a real browser: the seeded entries with their use counts; an entry added,
 * corrected and retired, each change audited. The entry made here ends retired (the run's other suites
 * share the database).
 */
describe('the console’s knowledge-base screen', () => {
  beforeAll(ensureConsoleBuilt);
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  const code = `kb-ui-${Date.now().toString(36).slice(-5)}`;

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
  const row = (id: string) => page.locator('tr', { has: page.locator(`td:text-is("${id}")`) });

  it('lists entries with their counts, adds one, corrects it and retires it', async () => {
    page = await signedIn(browser, stack.api.url, 'admin');
    await page.goto('/admin/knowledge');
    await row('kb-heating-season').waitFor();

    await page.locator('[data-new-entry]').click();
    await dialog().getByLabel('编码').fill(code);
    await dialog().getByLabel('分类').fill('heating.no-heat');
    await dialog().getByLabel('问题').fill('界面测试问题？');
    await dialog().getByLabel('答复').fill('界面测试答复。');
    await save();
    await dialog().waitFor({ state: 'hidden' });
    await row(code).waitFor();
    expect(await row(code).locator('td').nth(3).textContent()).toBe('0');

    await row(code).locator('[data-edit]').click();
    // The form is filled with the entry once the dialog is open.
    await waitFor(
      async () => ((await dialog().getByLabel('问题').inputValue()) === '界面测试问题？' ? true : undefined),
      20_000,
      'the entry in the form',
    );
    await dialog().getByLabel('答复').fill('更正后的答复。');
    await save();
    await dialog().waitFor({ state: 'hidden' });
    await row(code).locator('[data-retire]').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await row(code).getByText('已撤销').waitFor();
    await screenshot(page, 'admin-knowledge');

    const audit = await stack.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'knowledgeEntry' AND entity_id = $1 ORDER BY id`,
      [code],
    );
    expect(audit.rows.map((a) => a.action)).toEqual(['create', 'update', 'retire']);
    const [entry] = (await stack.db.query<{ answer: string }>(`SELECT answer FROM knowledge_entries WHERE code = $1`, [code]))
      .rows;
    expect(entry.answer).toBe('更正后的答复。');
  });
});
