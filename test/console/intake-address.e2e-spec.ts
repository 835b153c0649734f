import type { Browser, Page } from 'playwright-core';
import { uniquePhone, useStack } from '@hotline/testing';
import { ensureConsoleBuilt, launchBrowser, screenshot, signedIn } from './browser';

jest.setTimeout(180_000);

/**
 * Intake places the case in its grid from the console (issue 17): the operator searches the standard
 * address register and picks a suggestion (the case is sent with its addressId), or, when a typed address
 * names no single register entry, picks one of the candidates the API offers, or takes it in to place later.
 */
describe('the console intake: address search', () => {
  beforeAll(ensureConsoleBuilt);
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page;

  // Declared before the stack: jest runs afterAll hooks in declaration order, so the page closes before
  // the API it holds connections to; the browser opens (below) once the stack is up.
  afterAll(async () => {
    await page?.context().close();
    await closeBrowser?.();
  });
  const stack = useStack();
  beforeAll(async () => {
    ({ browser, close: closeBrowser } = await launchBrowser());
    page = await signedIn(browser, stack.api.url, 'operator');
  });

  /** Everything but the address, as an operator types it. */
  const startCall = async (title: string) => {
    await page.goto('/intake');
    await page.getByTestId('caller-phone').fill(uniquePhone());
    await page.getByTestId('caller-name').fill('赵六');
    await page.getByTestId('category').click();
    await page.keyboard.type('室温不达标');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '室温不达标' }).click();
    await page.getByTestId('case-title').fill(title);
    await page.getByTestId('case-description').fill('暖气不热，室温只有14度');
  };

  /** Submits and returns the stored case: its address text, grid and the received event's placement. */
  const submitted = async () => {
    await page.getByTestId('submit-case').click();
    const caseNo = (await page.getByTestId('case-no').textContent())!.trim();
    const { rows } = await stack.db.query<{ address: string; grid_code: string | null; placement: unknown }>(
      `SELECT c.address, g.code AS grid_code, e.data->'placement' AS placement
         FROM cases c LEFT JOIN grids g ON g.id = c.grid_id
         JOIN case_events e ON e.case_id = c.id AND e.type = 'received'
        WHERE c.case_no = $1`,
      [caseNo],
    );
    return rows[0];
  };

  it('the operator types 云峰 5号楼, picks the first suggestion and the case lands in its grid', async () => {
    await startCall('暖气不热（地址库）');
    await page.getByTestId('case-address').fill('云峰 5号楼');
    const first = page.locator('.ant-select-dropdown [data-address-id]').first();
    await first.waitFor();
    const addressId = (await first.getAttribute('data-address-id'))!;
    const label = (await first.locator('div').first().textContent())!.trim();
    expect(label).toMatch(/5号楼/);
    await screenshot(page, 'intake-address-search');
    await first.click();
    await expect(page.getByTestId('case-address').inputValue()).resolves.toBe(label);
    await page.getByTestId('address-placed').waitFor();

    const stored = await submitted();
    expect(stored.grid_code).not.toBeNull();
    expect(stored.address).toBe(label);
    expect(stored.placement).toEqual({ method: 'addressId', addressId });
  });

  it('a typed address that names two buildings offers the candidates; picking one places the case', async () => {
    await startCall('暖气不热（候选地址）');
    await page.getByTestId('case-address').fill('锦绣小区5号楼');
    await page.getByTestId('case-title').click(); // leaves the suggestions unchosen
    await page.getByTestId('submit-case').click();
    const candidates = page.getByTestId('address-candidates');
    await candidates.waitFor();
    expect(await candidates.locator('.ant-list-item').count()).toBe(2);
    await screenshot(page, 'intake-address-candidates');
    await candidates.locator('.ant-list-item').nth(1).getByRole('button').click();

    const stored = await submitted();
    expect(stored.grid_code).toBe('xianglujiao-01-g3');
    expect(stored.address).toBe('锦绣小区5号楼');
    expect(stored.placement).toMatchObject({ method: 'addressId' });
  });

  it('稍后定位 takes the case in without a grid', async () => {
    await startCall('暖气不热（稍后定位）');
    await page.getByTestId('case-address').fill('锦绣小区5号楼');
    await page.getByTestId('case-title').click(); // leaves the suggestions unchosen
    await page.getByTestId('submit-case').click();
    await page.getByTestId('place-later').check();

    const stored = await submitted();
    expect(stored.grid_code).toBeNull();
    expect(stored.placement).toEqual({ method: 'none' });
  });

  it('the operator clicks the spot on the map and the case is placed there, in the grid clicked', async () => {
    await startCall('暖气不热（地图选点）');
    await page.getByTestId('case-address').fill('云峰社区小广场东侧');
    await page.getByTestId('case-title').click(); // leaves the suggestions unchosen
    const map = page.getByTestId('intake-map');
    await map.locator('canvas').waitFor();
    const box = (await map.boundingBox())!;
    // The district's middle lies inside a grid; the map fills its box.
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    const placed = page.getByTestId('map-placed');
    await placed.waitFor();
    const grid = await placed.getAttribute('data-grid');
    await screenshot(page, 'intake-map-pick');

    const stored = await submitted();
    expect(stored.grid_code).toBe(grid);
    expect(stored.placement).toEqual({ method: 'coordinates' });
  });
});
