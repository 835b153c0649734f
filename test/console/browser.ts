import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { useStack, waitFor, type TestStack } from '@hotline/testing';
import { chooseBrowser } from './browser-choice';
import { cjkFontEnv } from './cjk-font';
import { npmChromium } from './npm-chromium';

const ROOT = join(__dirname, '..', '..');
/** Where the run's screenshots go (git-ignored); docs/screenshots holds the committed copies the README shows. */
export const SCREENSHOT_DIR = join(ROOT, '.screenshots');

/** `npm test` builds the console first; a single spec run builds it when it is missing. */
export function ensureConsoleBuilt(): void {
  if (existsSync(join(ROOT, 'apps/console/dist/index.html'))) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'apps/console', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** The Chromium to drive and where it came from (see browser-choice.ts for the order). */
export function browserExecutable(): { executablePath: string; source: string } {
  const choice = chooseBrowser({ env: process.env, platform: process.platform, arch: process.arch, exists: existsSync });
  if (choice.source === 'none') throw new Error(`No browser for the console tests: ${choice.reason}`);
  if (choice.source === 'npm') return { executablePath: npmChromium(), source: 'npm (@sparticuz/chromium)' };
  return choice;
}

/**
 * Chromium driven by playwright-core (no browser download): headless, no network of its own
 * (no updates, sync, QUIC), a fresh profile per run, a Chinese font from npm.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await launchChromium(browserExecutable().executablePath);
  return { browser, close: () => browser.close() };
}

/** That launch, for a given Chromium binary (the npm one's own spec drives it directly). */
export function launchChromium(executablePath: string): Promise<Browser> {
  // launch() runs chromium --headless with a fresh temporary --user-data-dir of its own, removed on close.
  return chromium.launch({
    executablePath,
    headless: true,
    env: { ...process.env, ...cjkFontEnv() },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Every content-security-policy violation any page of the run reported (the console must work under the API's CSP). */
export const cspViolations: string[] = [];

/** Records the page's CSP violations: the DOM event (as a console error) and chromium's own console report. */
export async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));`,
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /CSP violation|Content Security Policy/i.test(message.text()))
      cspViolations.push(`${page.url()}: ${message.text()}`);
  });
}

/** A signed-in page of its own (own session storage) for one demo user. */
export async function signedIn(browser: Browser, baseUrl: string, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await watchCsp(page);
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('hotline365');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('signed-in-user').waitFor();
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.waitForTimeout(300); // let charts finish their entry animation
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * Checks a radio or switch by its label. On a loaded machine a modal that has just opened can swallow
 * the first click, so the click is repeated, but only once the last one has shown no effect.
 */
export async function checkByLabel(page: Page, label: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  for (let attempt = 0; attempt < 5 && !(await input.isChecked()); attempt += 1) {
    await input.click();
    await waitFor(async () => ((await input.isChecked()) ? true : undefined), 3_000, `${label} checked`).catch(() => undefined);
  }
  if (!(await input.isChecked())) throw new Error(`${label} could not be checked`);
}

/**
 * A suite's stack and one page signed in as `username`, with the hooks in the order that closes cleanly:
 * jest runs afterAll hooks in declaration order, so the page and the browser close before the API they
 * hold connections to. The console is built first when missing. Read `page()` inside tests.
 */
export function useSignedInPage(
  username: string,
  options: Parameters<typeof useStack>[0] = {},
): { stack: TestStack; page: () => Page } {
  beforeAll(ensureConsoleBuilt);
  let closeBrowser: (() => Promise<void>) | undefined;
  let page: Page | undefined;
  afterAll(async () => {
    await page?.context().close();
    await closeBrowser?.();
  });
  const stack = useStack(options);
  beforeAll(async () => {
    const launched = await launchBrowser();
    closeBrowser = launched.close;
    page = await signedIn(launched.browser, stack.api.url, username);
  });
  return { stack, page: () => page! };
}
