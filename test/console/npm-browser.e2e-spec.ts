import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { npmChromium } from './npm-chromium';

/**
 * The Chromium and the Chinese font that come from the npm registry, driven directly: on a machine
 * that has its own Chromium the console specs use that one, and this spec still proves that a fresh
 * machine without one would run them (`npm install && npm test`, nothing installed by hand).
 */
const linuxX64 = process.platform === 'linux' && process.arch === 'x64';

(linuxX64 ? describe : describe.skip)('the browser and font from npm', () => {
  let browser: Browser;

  beforeAll(async () => {
    const executablePath = npmChromium();
    expect(existsSync(executablePath)).toBe(true);
    browser = await launchChromium(executablePath);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is a Chromium that playwright-core drives over CDP: it renders, runs script and takes clicks', async () => {
    expect(browser.version()).toMatch(/^\d{3}\./);
    const page = await browser.newPage();
    await page.setContent('<button onclick="this.textContent = \'已受理\'">受理</button>');
    await page.getByRole('button', { name: '受理' }).click();
    await expect(page.getByRole('button').textContent()).resolves.toBe('已受理');
    await page.close();
  });

  it('draws Chinese characters as distinct glyphs, not the same empty box (the CJK font is found)', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<body style="font: 48px sans-serif"><span id="a">中</span> <span id="b">国</span> <span id="c">市</span></body>',
    );
    const shots = await Promise.all(['#a', '#b', '#c'].map((id) => page.locator(id).screenshot()));
    // Without a font for Han, every character is the same .notdef box: identical pixels.
    expect(shots[0].equals(shots[1])).toBe(false);
    expect(shots[1].equals(shots[2])).toBe(false);
    await page.close();
  });
});
