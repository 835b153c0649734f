import type { Browser, Page } from 'playwright-core';
import { neighbourhoodDispute, useStack, waitFor, type CaseBody } from '@hotline/testing';
import { checkByLabel, ensureConsoleBuilt, launchBrowser, signedIn } from './browser';

jest.setTimeout(180_000);

/**
 * 挂起 in the browser: the department asks to suspend the reply clock from the case page (reason and
 * note), a supervisor approves there and the case shows the suspended badge; the department resumes and
 * the time left is back.
 */
describe('the console: suspending a case clock', () => {
  beforeAll(ensureConsoleBuilt);
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  const pages: Page[] = [];
  beforeAll(async () => {
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  // Declared before the stack: the browser closes while the API still answers.
  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await closeBrowser?.();
  });
  const stack = useStack({ worker: false });

  const suspensionStatus = async (id: string) =>
    (
      await stack.db.query<{ status: string }>(
        `SELECT status FROM case_suspensions WHERE case_id = $1 ORDER BY requested_at DESC LIMIT 1`,
        [id],
      )
    ).rows[0]?.status;
  const untilSuspension = (id: string, status: string) =>
    waitFor(async () => ((await suspensionStatus(id)) === status ? true : undefined), 30_000, `suspension ${status}`);
  /** An option of the select list open now (antd keeps closed lists in the page, hidden). */
  const option = (page: Page, text: string) =>
    page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first();

  it('the department asks, the supervisor approves, the badge shows; the department resumes', async () => {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', neighbourhoodDispute());
    const { id } = created.body;
    for (const [user, action, body] of [
      ['dispatcher', 'dispatch', { leadDepartmentCode: 'heating' }],
      ['staff-heating', 'accept', {}],
    ] as const) {
      expect((await stack.client.as(user, 'POST', `/api/v1/cases/${id}/${action}`, body)).status).toBe(200);
    }

    const staff = await signedIn(browser, stack.api.url, 'staff-heating');
    pages.push(staff);
    await staff.goto(`/cases/${id}`);
    await staff.locator('[data-action="suspend"]').click();
    const dialog = staff.getByRole('dialog');
    await dialog.locator('.ant-select').click();
    await option(staff, '涉及诉讼').click();
    await dialog.getByLabel('备注').fill('当事双方已诉至法院');
    await staff.getByRole('button', { name: /提\s*交/ }).click();
    await untilSuspension(id, 'pending');

    const supervisor = await signedIn(browser, stack.api.url, 'supervisor');
    pages.push(supervisor);
    await supervisor.goto(`/cases/${id}`);
    await supervisor.locator('[data-action="decideSuspension"]').click();
    await checkByLabel(supervisor, '同意');
    await supervisor.getByRole('button', { name: /提\s*交/ }).click();
    await untilSuspension(id, 'active');
    await supervisor.locator('[data-sla="suspended"]').first().waitFor();

    await staff.reload();
    await staff.locator('[data-sla="suspended"]').first().waitFor();
    await staff.locator('[data-action="resume"]').click();
    await staff.getByRole('button', { name: /提\s*交/ }).click();
    await untilSuspension(id, 'ended');
    await staff.locator('[data-sla="normal"]').first().waitFor();
    expect(await staff.locator('[data-sla="suspended"]').count()).toBe(0);
  });
});
