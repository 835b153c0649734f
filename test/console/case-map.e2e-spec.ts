import type { Page } from 'playwright-core';
import { heatingComplaint, type CaseBody } from '@hotline/testing';
import { screenshot, useSignedInPage } from './browser';

jest.setTimeout(180_000);

/**
 * The case page's grid map (issue 17): every grid labelled (community and number, 云峰1) and the case's point
 * pinned. Drawn as SVG, so the labels and the pin are elements this test finds.
 */
describe('the case page’s grid map', () => {
  const { stack, page: current } = useSignedInPage('supervisor', { worker: false });
  let page: Page;
  beforeEach(() => {
    page = current();
  });

  it('labels the grids and pins the case’s point', async () => {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', heatingComplaint());
    expect(created.status).toBe(201);
    expect(created.body.grid).toMatchObject({ code: 'baiyun-01-g1' });
    await page.goto(`/cases/${created.body.id}`);
    const map = page.getByTestId('case-map');
    // The case's own grid (白云街道云峰社区第1网格), labelled by community and number.
    await map.locator('svg text', { hasText: '云峰1' }).first().waitFor();
    expect(await map.locator('svg text').count()).toBeGreaterThan(20);
    const pin = map.locator('svg path[fill="#f5222d"], svg path[fill="rgb(245,34,45)"]');
    await pin.first().waitFor();
    await screenshot(page, 'case-map');
  });
});
