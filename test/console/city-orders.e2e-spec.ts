import { sampleOrder } from '@hotline/upstream-sim';
import { waitFor, type CaseBody } from '@hotline/testing';
import { connectCity, useCitySimulator } from '../upstream/use-city-simulator';
import { cspViolations, screenshot, useSignedInPage } from './browser';

jest.setTimeout(180_000);

/**
 * The city 12345 orders' console for a supervisor, in a real browser against the city simulator: an
 * order whose report the city refuses appears in the dead-letter list with its error; the order opens
 * with every report and its delivery state; the retry button puts it back on the queue, the row leaves
 * the list, and the city receives the report.
 */
describe('the city orders and their dead letters in the console', () => {
  // Before the stack's beforeAll: the worker must know where the city is.
  const { simulator, options } = useCitySimulator();
  const { stack, page } = useSignedInPage('supervisor', options);
  const orderNo = `UI-${process.pid}-${Date.now()}`;

  beforeAll(() => connectCity(simulator, stack));

  it('lists a dead letter with its error, shows the order, and retries it with the button', async () => {
    const sent = await simulator.sendOrder(sampleOrder(orderNo));
    expect(sent.status).toBe(201);
    const caseId = (sent.body as { caseId: string }).caseId;
    const status = async () =>
      (await stack.db.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [caseId])).rows[0].status;
    await waitFor(async () => ((await status()) === 'dispatched' ? true : undefined), 30_000, 'automatic dispatch');
    const act = (action: string, body: unknown = {}) =>
      stack.client.as<CaseBody>('staff-heating', 'POST', `/api/v1/cases/${caseId}/${action}`, body);
    expect((await act('accept')).status).toBe(200);
    await waitFor(() => (simulator.reportsOf(orderNo).length >= 1 ? true : undefined), 30_000, 'accepted report');
    simulator.setMode('reject');
    expect((await act('progress', { note: '进展被拒' })).status).toBe(200);
    await waitFor(
      async () => {
        const list = await stack.client.as<Array<{ orderNo: string }>>(
          'supervisor',
          'GET',
          '/api/v1/upstream/12345/dead-letters',
        );
        return list.body.some((item) => item.orderNo === orderNo) ? true : undefined;
      },
      60_000,
      'dead letter',
    );

    const p = page();
    await p.goto('/supervisor/city-orders');
    const row = p.getByTestId('dead-letter-list').locator('tr', { hasText: orderNo });
    await row.waitFor();

    // The order: the accepted report delivered, the progress report dead-lettered with the city's error.
    await row.getByRole('button', { name: orderNo }).click();
    const reports = p.getByTestId('upstream-reports');
    await reports.locator('tr', { hasText: '签收' }).getByText('已送达').waitFor();
    const refused = reports.locator('tr', { hasText: '进展' });
    await refused.getByText('死信').waitFor();
    expect(await refused.textContent()).toMatch(/400/);
    await screenshot(p, 'city-order');
    await p.keyboard.press('Escape');
    await p.getByTestId('upstream-order').waitFor({ state: 'detached' });

    simulator.setMode('ok');
    await row.getByRole('button', { name: /重\s*试/ }).click();
    await row.waitFor({ state: 'detached' });
    await waitFor(() => (simulator.reportsOf(orderNo).length >= 2 ? true : undefined), 30_000, 'retried report');
    expect(simulator.reportsOf(orderNo).map((r) => `${r.seq}:${r.type}`)).toEqual(['1:accepted', '2:progress']);
    expect(simulator.problems).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
