import type { Browser, Page } from 'playwright-core';
import { neighbourhoodDispute, useStack, waitFor, type CaseBody } from '@hotline/testing';
import { checkByLabel, ensureConsoleBuilt, launchBrowser, screenshot, signedIn } from './browser';

jest.setTimeout(180_000);

/**
 * 办结审核 in the browser: the department lead approves a reply from the case page, and a supervisor
 * returns it from the review queue, a note required. The department (health) is set up by this suite only.
 */
describe('the console: reply review', () => {
  beforeAll(ensureConsoleBuilt);
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  const pages: Page[] = [];
  beforeAll(async () => {
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  // Declared before the stack, so they run while the API still answers and before it waits for the
  // browser's connections: the settings go back, then the browser closes.
  afterAll(async () => {
    await stack.client.as('admin', 'PUT', '/api/v1/departments/health/review-settings', {
      leadApproval: false,
      centreReview: false,
    });
    for (const page of pages) await page.context().close();
    await closeBrowser?.();
  });
  const stack = useStack();

  const statusOf = async (id: string) =>
    (await stack.db.query<{ status: string }>(`SELECT status FROM cases WHERE id = $1`, [id])).rows[0].status;
  const untilStatus = (id: string, status: string) =>
    waitFor(async () => ((await statusOf(id)) === status ? true : undefined), 30_000, status);

  it('the lead approves the reply, the centre returns it with a reason', async () => {
    // The admin turns both steps on for the department, from the departments table.
    const admin = await signedIn(browser, stack.api.url, 'admin');
    pages.push(admin);
    await admin.goto('/admin/departments');
    await admin.locator('[data-review-settings="health"]').click();
    await checkByLabel(admin, '部门负责人审核每件答复');
    await checkByLabel(admin, '中心审核后再回访');
    await admin.getByRole('button', { name: /保\s*存/ }).click();
    await waitFor(
      async () => {
        const r = await stack.client.as<{ leadApproval: boolean; centreReview: boolean }>(
          'admin',
          'GET',
          '/api/v1/departments/health/review-settings',
        );
        return r.body.leadApproval && r.body.centreReview ? true : undefined;
      },
      30_000,
      'the review settings saved',
    );
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', neighbourhoodDispute());
    const { id, caseNo } = created.body;
    for (const [user, action, body] of [
      ['dispatcher', 'dispatch', { leadDepartmentCode: 'health' }],
      ['staff-health', 'accept', {}],
      ['staff-health', 'reply', { result: '已上门核查，诊所已整改' }],
    ] as const) {
      expect((await stack.client.as(user, 'POST', `/api/v1/cases/${id}/${action}`, body)).status).toBe(200);
    }
    expect(await statusOf(id)).toBe('awaitingLeadApproval');

    const lead = await signedIn(browser, stack.api.url, 'lead-health');
    pages.push(lead);
    await lead.goto(`/cases/${id}`);
    await lead.locator('[data-action="leadReview"]').click();
    await checkByLabel(lead, '同意');
    await lead.getByRole('button', { name: /提\s*交/ }).click();
    await untilStatus(id, 'awaitingCentreReview');

    const supervisor = await signedIn(browser, stack.api.url, 'supervisor');
    pages.push(supervisor);
    await supervisor.goto('/supervisor/reviews');
    const row = supervisor.getByTestId('review-queue').locator('tr', { hasText: caseNo });
    await row.waitFor();
    await screenshot(supervisor, 'supervisor-reviews');
    await row.locator('[data-action="review"]').click();
    await checkByLabel(supervisor, '退回');
    // The note becomes required with the choice (its label gets the required mark) before submitting.
    await supervisor.locator('label.ant-form-item-required', { hasText: '备注' }).waitFor();
    await supervisor.getByRole('button', { name: /提\s*交/ }).click();
    // A return without a note does not leave the form.
    await supervisor.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await statusOf(id)).toBe('awaitingCentreReview');
    await supervisor.getByLabel('备注', { exact: true }).fill('答复未说明整改期限');
    await supervisor.getByRole('button', { name: /提\s*交/ }).click();
    await untilStatus(id, 'accepted');
    const events = await stack.db.query<{ type: string; note: string | null }>(
      `SELECT type, note FROM case_events WHERE case_id = $1 ORDER BY id`,
      [id],
    );
    expect(events.rows.slice(-2)).toEqual([
      { type: 'replyApproved', note: null },
      { type: 'reviewReturned', note: '答复未说明整改期限' },
    ]);
  });
});
