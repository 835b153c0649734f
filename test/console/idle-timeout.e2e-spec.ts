import type { Browser, Page } from 'playwright-core';
import { useStack } from '@hotline/testing';
import { ensureConsoleBuilt, launchBrowser, screenshot, signedIn } from './browser';

jest.setTimeout(180_000);

/**
 * The idle time-out in a real browser: with the setting made short, a console left alone longer than it
 * is signed out by the server at its next request and the sign-in page says why.
 */
describe('the console’s idle time-out', () => {
  const IDLE_SECONDS = 10;
  beforeAll(ensureConsoleBuilt);
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page | undefined;
  let original = 1800;
  const setIdle = (seconds: number) =>
    stack.client.as<{ idleTimeoutSeconds: number }>('admin', 'PUT', '/api/v1/settings/security', { idleTimeoutSeconds: seconds });

  beforeAll(async () => {
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await page?.context().close();
    await closeBrowser?.();
  });
  // Before the stack's hooks (declaration order): the setting is put back while the API still runs.
  afterAll(async () => {
    stack.client.forget('admin');
    expect((await setIdle(original)).status).toBe(200);
  });
  const stack = useStack({ worker: false });

  it('signs an idle console out and says why', async () => {
    original = (await stack.client.as<{ idleTimeoutSeconds: number }>('admin', 'GET', '/api/v1/settings/security')).body
      .idleTimeoutSeconds;
    expect((await setIdle(IDLE_SECONDS)).status).toBe(200);
    page = await signedIn(browser, stack.api.url, 'operator');
    // Idleness is the behaviour under test: nothing happens in the console for longer than the setting.
    await page.waitForTimeout((IDLE_SECONDS + 2) * 1000);
    await page.getByRole('menuitem', { name: '工单' }).click();
    await page.locator('[data-signed-out-idle]').waitFor();
    expect(await page.locator('[data-signed-out-idle]').textContent()).toContain('长时间未操作');
    await screenshot(page, 'idle-signed-out');
  });
});
