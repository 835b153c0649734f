import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '@hotline/clock';
import { uniquePhone, useStack, waitFor } from '@hotline/testing';
import { checkByLabel, cspViolations, ensureConsoleBuilt, launchBrowser, screenshot, signedIn } from './browser';

jest.setTimeout(180_000);

/**
 * The web console in a real browser against the real stack: an operator logs a call, the department
 * accepts and replies, a supervisor calls back and the dashboard's rates move; a department cannot see
 * another department's case. Each main screen is saved under .screenshots/.
 */
describe('the web console', () => {
  // Before the stack boots: the API serves the console only when its build is there at start-up.
  beforeAll(ensureConsoleBuilt);
  // Real time until the last step moves it to November (the calendar banner).
  const clock = new ManualClock();
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  const pages: Page[] = [];
  const open = async (username: string) => {
    const page = await signedIn(browser, stack.api.url, username);
    pages.push(page);
    return page;
  };
  const phone = uniquePhone();
  let caseId = '';
  let caseNo = '';

  beforeAll(async () => {
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await closeBrowser?.();
  });
  // After the browser's hooks: jest runs afterAll hooks in the order they were declared, so the pages
  // close before the API and the worker they hold connections to (else the stack's close can wait out
  // the hook's timeout, as seen in CI).
  const stack = useStack({ clock });

  /** The dashboard's district totals for one rate: "numerator / denominator" under the rate's card. */
  const rateCard = async (page: Page, rate: string) => {
    const card = page.locator(`[data-rate="${rate}"]`);
    await card.waitFor();
    const [, numerator, denominator] = await waitFor(
      async () => /(\d+) \/ (\d+)/.exec((await card.textContent()) ?? '') ?? undefined,
      15_000,
      `the ${rate} card`,
    );
    return { numerator: Number(numerator), denominator: Number(denominator) };
  };

  it('serves the console at / and keeps the API paths for the API', async () => {
    const page = await fetch(`${stack.api.url}/cases/anything`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    // The console is served under the API's content security policy (the last test checks it ran without a violation).
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const api = await fetch(`${stack.api.url}/api/v1/no-such-endpoint`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
  });

  it('an operator logs a call from the keyboard and reads back the case number', async () => {
    const page = await open('operator');
    await page.goto('/intake');
    await page.getByTestId('caller-phone').fill(phone);
    await page.getByTestId('caller-name').fill('王五');
    // The caller's history appears once the number is complete: a first-time caller has none.
    await page.getByText('首次来电').waitFor();
    await page.getByTestId('category').click();
    await page.keyboard.type('室温不达标');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '室温不达标' }).click();
    await page.getByTestId('case-title').fill('暖气不热');
    await page.getByTestId('case-description').fill('家里暖气不热，室温只有12度');
    await page.getByTestId('case-address').fill('白云街道云峰社区5号楼2单元');
    await page.getByTestId('community').click();
    await page.keyboard.type('云峰');
    await page.keyboard.press('Enter');
    await screenshot(page, 'intake');
    await page.keyboard.press('Control+Enter');

    caseNo = (await page.getByTestId('case-no').textContent())!.trim();
    expect(caseNo).toMatch(/^XG\d{14}$/);
    await screenshot(page, 'intake-case-number');
    const { rows } = await stack.db.query<{ id: string; status: string; channel: string; kind: string }>(
      `SELECT id, status, channel, kind FROM cases WHERE case_no = $1`,
      [caseNo],
    );
    expect(rows[0]).toMatchObject({ channel: 'phone', kind: 'complaint' });
    caseId = rows[0].id;
    // Routed by the worker (rule R11) to the heating office.
    await waitFor(
      async () =>
        (await stack.db.query<{ status: string }>(`SELECT status FROM cases WHERE id = $1`, [caseId])).rows[0].status ===
        'dispatched'
          ? true
          : undefined,
      15_000,
      'dispatch',
    );

    // The same caller again: the earlier case shows as soon as the number is typed, and as a likely duplicate.
    await page.getByRole('button', { name: /下一个来电/ }).click();
    await page.getByTestId('caller-phone').fill(phone);
    await page.getByTestId('caller-history').getByText(caseNo).waitFor();
    await page.getByTestId('duplicates').getByText(caseNo).waitFor();
    await screenshot(page, 'intake-caller-history');
  });

  it('the department accepts and replies from its inbox, showing only what it may do', async () => {
    const page = await open('staff-heating');
    await page.goto('/cases');
    const row = page.locator('tr', { hasText: caseNo });
    await row.waitFor();
    await expect(row.locator('[data-sla]').getAttribute('data-sla')).resolves.toBe('normal');
    // Dispatched: accept and return are offered; reply is not (the API would refuse it before acceptance).
    await row.locator('[data-action="accept"]').waitFor();
    expect(await row.locator('[data-action="reply"]').count()).toBe(0);
    await screenshot(page, 'department-inbox');
    await row.locator('[data-action="accept"]').click();
    await row.locator('[data-action="reply"]').click();
    await page.getByLabel('办理结果').fill('已上门排查，更换阀门后室温恢复到20度');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await waitFor(
      async () =>
        (await stack.db.query<{ status: string }>(`SELECT status FROM cases WHERE id = $1`, [caseId])).rows[0].status ===
        'replied'
          ? true
          : undefined,
      30_000,
      'reply',
    );

    await page.goto(`/cases/${caseId}`);
    await page.getByTestId('timeline').locator('[data-event="replied"]').waitFor();
    expect(await page.getByTestId('caller').textContent()).toContain('****'); // the department sees the caller masked
    expect(await page.getByTestId('caller').textContent()).not.toContain(phone);
    await page.getByTestId('case-map').locator('svg').waitFor(); // the case's map is drawn as SVG (its labels and pin are elements)
    await screenshot(page, 'case-detail');
  });

  it('a supervisor calls the citizen back and the dashboard rates change accordingly', async () => {
    const page = await open('supervisor');
    await page.goto('/supervisor/callbacks');
    await page.getByTestId('callback-queue').locator('tr', { hasText: caseNo }).waitFor();
    await screenshot(page, 'supervisor-callbacks');

    await page.goto('/dashboard');
    const before = await rateCard(page, 'satisfactionRate');
    // The watched rate (repeat calls, defined in libs/stats) is shown beside the five.
    await rateCard(page, 'repeatRate');
    await page.goto('/supervisor/callbacks');
    const row = page.getByTestId('callback-queue').locator('tr', { hasText: caseNo });
    await row.waitFor();
    await row.locator('[data-action="callback"]').click();
    await checkByLabel(page, '满意');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await waitFor(
      async () =>
        (await stack.db.query<{ status: string }>(`SELECT status FROM cases WHERE id = $1`, [caseId])).rows[0].status === 'closed'
          ? true
          : undefined,
      30_000,
      'callback',
    );

    // The statistics follow the history through the worker's projection: reload until the figure moves.
    const after = await waitFor(
      async () => {
        await page.goto('/dashboard');
        const now = await rateCard(page, 'satisfactionRate');
        return now.denominator === before.denominator + 1 ? now : undefined;
      },
      30_000,
      'the dashboard to count the callback',
    );
    expect(after.numerator).toBe(before.numerator + 1);
    await page.getByTestId('grid-map').locator('canvas').waitFor();
    await screenshot(page, 'dashboard');

    // Drill-down: the cases behind the satisfaction rate include this one.
    await page.locator('[data-rate="satisfactionRate"]').click();
    await page.locator('tr', { hasText: caseNo }).waitFor();
  });

  it('a department user can neither list nor open another department’s case', async () => {
    const page = await open('staff-market');
    await page.goto('/cases');
    await page.locator('.ant-table').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('tr', { hasText: caseNo }).count()).toBe(0);
    await page.goto(`/cases/${caseId}`);
    await page.getByTestId('case-refused').waitFor();
    expect(await page.getByTestId('case-refused').textContent()).toContain('无权查看');
    await screenshot(page, 'other-department-refused');
  });

  it('an admin manages SLA policies, holiday overrides and API keys', async () => {
    const page = await open('admin');
    await page.goto('/admin/sla');
    await page.locator('tr', { hasText: 'consultation' }).first().waitFor();
    await screenshot(page, 'admin-sla');
    await page.goto('/admin/keys');
    await page.locator('tr', { hasText: 'demo' }).first().waitFor();
  });

  it("warns the admin from 1 November that next year's holidays are only predicted", async () => {
    clock.set(new Date('2026-11-15T10:00:00+08:00'));
    const page = await open('admin');
    await page.goto('/admin/holidays');
    const banner = page.locator('[data-calendar="degraded"]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('2027 年尚无国务院节假日安排');
    await screenshot(page, 'admin-calendar-degraded');

    // The State Council's notice pasted and previewed: the days it changes, nothing stored (confirming
    // would change the calendar of every suite on this database; test/sla/calendar-notices does it).
    await page
      .locator('[data-field="notice-text"]')
      .fill(readFileSync(join(__dirname, '../../seeds/holiday-notices/2026.txt'), 'utf8'));
    await page.locator('[data-action="notice-preview"]').click();
    const preview = page.locator('[data-preview-year="2026"]');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('2026 年：放假');
    expect(await page.locator('[data-action="notice-import"]').isEnabled()).toBe(true);
    await screenshot(page, 'admin-holiday-notice-preview');
  });

  it('ran every screen above without a content-security-policy violation', () => {
    expect(pages.length).toBeGreaterThan(3);
    expect(cspViolations).toEqual([]);
  });
});
