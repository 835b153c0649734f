import { CitySimulator } from '@hotline/upstream-sim';
import { DEMO_UPSTREAM_12345_SECRET } from '@hotline/config';
import type { TestStack } from '@hotline/testing';

/**
 * The city simulator for a suite, started before the stack: call it BEFORE useStack (or
 * useSignedInPage) and pass `options` on, so the worker learns where the city takes its reports.
 */
export function useCitySimulator(): { simulator: CitySimulator; options: { overrides: Record<string, string> } } {
  const simulator = new CitySimulator({ secret: DEMO_UPSTREAM_12345_SECRET });
  const options = { overrides: {} as Record<string, string> };
  beforeAll(async () => {
    await simulator.start();
    options.overrides.UPSTREAM_12345_URL = simulator.reportUrl;
  });
  afterAll(() => simulator.close());
  return { simulator, options };
}

/** Points the simulator at the stack's API and maps the sample order's category to the heating office's. */
export async function connectCity(simulator: CitySimulator, stack: TestStack): Promise<void> {
  simulator.apiUrl = stack.api.url;
  const mapped = await stack.client.as('admin', 'PUT', '/api/v1/upstream/12345/category-map', {
    cityCategory: '供暖 > 暖气不热',
    categoryCode: 'heating.no-heat',
    kind: 'complaint',
  });
  expect(mapped.status).toBe(200);
}
