import type { Browser, BrowserContext } from 'playwright-core';
import { useStack } from '@hotline/testing';
import { cspViolations, ensureConsoleBuilt, launchBrowser, screenshot, signedIn, watchCsp } from './browser';

jest.setTimeout(120_000);

/**
 * The queue board in a real browser under the API's CSP and helmet headers: signed in, the browser asks
 * for the board's cookie the way a page would (same origin, its bearer token), then navigates to
 * /admin/queues; bull-board's own scripts and styles load and draw the four queues with no CSP
 * violation and no script error. A supervisor sees the read-only board.
 */
describe('the queue board in a browser', () => {
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await closeBrowser?.();
  });
  // After the browser's hooks: jest runs afterAll hooks in the order they were declared, so the
  // browser (and its polling pages) closes before the API it holds connections to.
  const stack = useStack({ worker: false });

  async function boardPage(username: string) {
    const context = await browser.newContext({ baseURL: stack.api.url, viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const token = await stack.client.token(username);
    // The context's request client shares the browser's cookie jar: the Set-Cookie lands where a page's fetch would put it.
    const opened = await context.request.post('/api/v1/queue-board/session', { headers: { authorization: `Bearer ${token}` } });
    expect(opened.status()).toBe(204);
    const page = await context.newPage();
    await watchCsp(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto('/admin/queues');
    expect(response?.status()).toBe(200);
    return { page, errors };
  }

  it('draws every queue for an admin, under the CSP, with no script error', async () => {
    const { page, errors } = await boardPage('admin');
    for (const queue of ['dispatch', 'sla', 'notify', 'stats']) await page.getByText(queue, { exact: true }).first().waitFor();
    await screenshot(page, 'queue-board');
    expect(errors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('draws the board for a supervisor too, and refuses a page without the cookie', async () => {
    const { page, errors } = await boardPage('supervisor');
    await page.getByText('notify', { exact: true }).first().waitFor();
    expect(errors).toEqual([]);
    expect(cspViolations).toEqual([]);

    const stranger = await browser.newContext({ baseURL: stack.api.url });
    contexts.push(stranger);
    const refused = await (await stranger.newPage()).goto('/admin/queues');
    expect(refused?.status()).toBe(401);
  });

  it('opens from the console’s button for a supervisor, and offers no button to an operator', async () => {
    ensureConsoleBuilt();
    const supervisorConsole = await signedIn(browser, stack.api.url, 'supervisor');
    contexts.push(supervisorConsole.context());
    const [board] = await Promise.all([
      supervisorConsole.context().waitForEvent('page'),
      supervisorConsole.locator('[data-queue-board]').click(),
    ]);
    await board.waitForURL(/\/admin\/queues/);
    await board.getByText('notify', { exact: true }).first().waitFor();

    const operator = await signedIn(browser, stack.api.url, 'operator');
    contexts.push(operator.context());
    expect(await operator.locator('[data-queue-board]').count()).toBe(0);
  });
});
