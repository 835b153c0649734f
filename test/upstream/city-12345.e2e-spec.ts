import { sampleOrder } from '@hotline/upstream-sim';
import { useStack, waitFor, type CaseBody, type ErrorBody } from '@hotline/testing';
import { connectCity, useCitySimulator } from './use-city-simulator';

/**
 * The city 12345 platform, both ways, against its simulator (a real HTTP server on a free port): orders
 * and decisions in, signed; reports out in seq order through the `upstream` queue, through an outage.
 */
describe('the city 12345 platform, both ways', () => {
  // Before useStack's beforeAll: the worker must know where the city is.
  const { simulator, options } = useCitySimulator();
  const stack = useStack(options);
  let sequence = 0;
  const orderNo = () => `E2E-${process.pid}-${Date.now()}-${++sequence}`;

  beforeAll(() => connectCity(simulator, stack));

  const caseRow = async (id: string) =>
    (
      await stack.db.query<{
        status: string;
        channel: string;
        grid_id: string | null;
        category: string;
        caller_name_sealed: string;
        sla_stage: string | null;
        sla_deadline: Date | null;
      }>(
        `SELECT c.status, c.channel, c.grid_id, cat.code AS category, c.caller_name_sealed, c.sla_stage, c.sla_deadline
           FROM cases c JOIN categories cat ON cat.id = c.category_id WHERE c.id = $1`,
        [id],
      )
    ).rows[0];
  const statusIs = (id: string, status: string) => async () => ((await caseRow(id)).status === status ? true : undefined);
  const act = (user: string, id: string, action: string, body: unknown = {}) =>
    stack.client.as<CaseBody>(user, 'POST', `/api/v1/cases/${id}/${action}`, body);
  const decide = (no: string, decision: object) => simulator.sendDecision(no, { at: new Date().toISOString(), ...decision });

  /** A new order, taken in and routed to the heating office. */
  async function dispatchedOrder(no = orderNo()): Promise<{ no: string; caseId: string }> {
    const sent = await simulator.sendOrder(sampleOrder(no));
    expect(sent.status).toBe(201);
    const caseId = (sent.body as { caseId: string }).caseId;
    await waitFor(statusIs(caseId, 'dispatched'), 30_000, 'automatic dispatch');
    return { no, caseId };
  }
  const reportTypes = (no: string) => simulator.reportsOf(no).map((r) => `${r.seq}:${r.type}`);

  it('takes an order in signed, idempotently, mapped and placed, under the stricter of the deadlines', async () => {
    const no = orderNo();
    const order = sampleOrder(no);
    const first = await simulator.sendOrder(order);
    expect(first.status).toBe(201);
    const { caseId, caseNo } = first.body as { caseId: string; caseNo: string };
    expect(caseNo).toMatch(/^XG\d{14}$/);
    const again = await simulator.sendOrder(order);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ caseId, caseNo });

    const row = await caseRow(caseId);
    expect(row.channel).toBe('transfer12345');
    expect(row.category).toBe('heating.no-heat');
    expect(row.grid_id).not.toBeNull();
    expect(row.caller_name_sealed).not.toContain('王五');
    await waitFor(statusIs(caseId, 'dispatched'), 30_000, 'automatic dispatch');
    // The city's accept deadline (30 minutes) is stricter than any working-hours policy.
    const routed = await caseRow(caseId);
    expect(routed.sla_stage).toBe('accept');
    expect(routed.sla_deadline!.getTime()).toBe(new Date((order.deadlines as { accept: string }).accept).getTime());
  });

  it('takes an order whose category is not mapped in, waiting for a dispatcher', async () => {
    const sent = await simulator.sendOrder(sampleOrder(orderNo(), { category: '其他>未知分类' }));
    expect(sent.status).toBe(201);
    const row = await caseRow((sent.body as { caseId: string }).caseId);
    expect(row.category).toBe('public-safety.neighbourhood-dispute');
    const intents = await stack.db.query(`SELECT 1 FROM outbox WHERE job_name = 'route-case' AND payload->>'caseId' = $1`, [
      (sent.body as { caseId: string }).caseId,
    ]);
    expect(intents.rowCount).toBe(0);
  });

  it('reports accepted, extension, progress and reply in seq order, honours the city decisions and its callback', async () => {
    const { no, caseId } = await dispatchedOrder();
    expect((await act('staff-heating', caseId, 'accept')).status).toBe(200);
    expect((await act('staff-heating', caseId, 'extension-requests', { days: 2, reason: '需要更换管道' })).status).toBe(200);
    const approved = await decide(no, { seq: 1, type: 'extensionDecided', approved: true, days: 2, note: '同意' });
    expect(approved).toEqual({ status: 200, body: { orderNo: no, seq: 1, applied: true, caseStatus: 'accepted' } });
    const repeated = await decide(no, { seq: 1, type: 'extensionDecided', approved: true, days: 2, note: '同意' });
    expect(repeated.body).toMatchObject({ applied: false });
    const extension = await stack.db.query(`SELECT status FROM extension_requests WHERE case_id = $1`, [caseId]);
    expect(extension.rows).toEqual([{ status: 'approved' }]);
    expect((await act('staff-heating', caseId, 'progress', { note: '已派人上门' })).status).toBe(200);
    expect((await act('staff-heating', caseId, 'reply', { result: '已更换阀门，室温恢复' })).status).toBe(200);
    await waitFor(statusIs(caseId, 'replied'), 30_000, 'replied');

    await waitFor(() => (simulator.reportsOf(no).length >= 4 ? true : undefined), 30_000, 'four reports');
    expect(reportTypes(no)).toEqual(['1:accepted', '2:extensionRequested', '3:progress', '4:replied']);
    expect(simulator.reportsOf(no)[1]).toMatchObject({ days: 2, reason: '需要更换管道' });
    expect(simulator.reportsOf(no)[3]).toMatchObject({ result: '已更换阀门，室温恢复' });

    const calledBack = await decide(no, {
      seq: 2,
      type: 'calledBack',
      satisfaction: 'satisfied',
      solved: true,
      note: '市民满意',
    });
    expect(calledBack.body).toMatchObject({ applied: true, caseStatus: 'closed' });
    const view = await stack.client.as<{
      reports: Array<{ seq: number; state: string }>;
      decisions: unknown[];
      case: { status: string };
    }>('supervisor', 'GET', `/api/v1/upstream/12345/orders/${no}`);
    expect(view.status).toBe(200);
    expect(view.body.case.status).toBe('closed');
    // The city's own callback is not reported back to it.
    expect(view.body.reports.map((r) => `${r.seq}:${r.state}`)).toEqual([
      '1:delivered',
      '2:delivered',
      '3:delivered',
      '4:delivered',
    ]);
    expect(view.body.decisions).toHaveLength(2);
    expect(simulator.problems).toEqual([]);
  });

  it('delivers reports once each and in seq order after an outage of the city', async () => {
    const { no, caseId } = await dispatchedOrder();
    simulator.setMode('fail');
    const attemptsBefore = simulator.attempts;
    expect((await act('staff-heating', caseId, 'accept')).status).toBe(200);
    expect((await act('staff-heating', caseId, 'progress', { note: '第一次进展' })).status).toBe(200);
    expect((await act('staff-heating', caseId, 'progress', { note: '第二次进展' })).status).toBe(200);
    await waitFor(() => (simulator.attempts > attemptsBefore + 1 ? true : undefined), 30_000, 'failed deliveries');
    const pending = await stack.db.query(
      `SELECT r.seq FROM upstream_reports r JOIN upstream_orders o ON o.id = r.order_id WHERE o.order_no = $1 AND r.delivered_at IS NULL`,
      [no],
    );
    expect(pending.rowCount).toBe(3);
    expect(simulator.reportsOf(no)).toEqual([]);
    simulator.setMode('ok');
    await waitFor(() => (simulator.reportsOf(no).length >= 3 ? true : undefined), 60_000, 'reports after recovery');
    expect(reportTypes(no)).toEqual(['1:accepted', '2:progress', '3:progress']);
    expect(simulator.reportsOf(no).map((r) => r.note ?? null)).toEqual([null, '第一次进展', '第二次进展']);
    expect(simulator.reportsOf(no).filter((r) => r.repeat)).toEqual([]);
    expect(simulator.problems).toEqual([]);
  });

  it('closes a recalled order as withdrawn', async () => {
    const { no, caseId } = await dispatchedOrder();
    const recalled = await decide(no, { seq: 1, type: 'recalled', reason: '市民撤回诉求' });
    expect(recalled.body).toMatchObject({ applied: true, caseStatus: 'closed' });
    const last = await stack.db.query<{ type: string; data: { closure: string } }>(
      `SELECT type, data FROM case_events WHERE case_id = $1 ORDER BY id DESC LIMIT 1`,
      [caseId],
    );
    expect(last.rows[0]).toMatchObject({ type: 'closed', data: { closure: 'withdrawn' } });
  });

  it('returns an order to the city, which takes it back', async () => {
    const { no, caseId } = await dispatchedOrder();
    const returned = await stack.client.as<{ case: { status: string } }>(
      'dispatcher',
      'POST',
      `/api/v1/upstream/12345/orders/${no}/return`,
      { reason: '不属于本区管辖' },
    );
    expect(returned.status).toBe(200);
    await waitFor(() => (simulator.reportsOf(no).length >= 1 ? true : undefined), 30_000, 'returned report');
    expect(simulator.reportsOf(no)[0]).toMatchObject({ seq: 1, type: 'returned', reason: '不属于本区管辖' });
    const refused = await decide(no, { seq: 1, type: 'returnDecided', accepted: false, note: '请继续办理' });
    expect(refused.body).toMatchObject({ applied: true, caseStatus: 'dispatched' });
    const taken = await decide(no, { seq: 2, type: 'returnDecided', accepted: true, note: '同意退回' });
    expect(taken.body).toMatchObject({ applied: true, caseStatus: 'closed' });
    expect((await caseRow(caseId)).status).toBe('closed');
  });

  it('takes one case for an order sent twice at once', async () => {
    const order = sampleOrder(orderNo());
    const [a, b] = await Promise.all([simulator.sendOrder(order), simulator.sendOrder(order)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body).toEqual(b.body);
  });

  it('refuses a bad signature, a stale timestamp and a malformed body, storing nothing', async () => {
    const count = async () =>
      (await stack.db.query<{ n: string }>(`SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM upstream_orders) AS n`))
        .rows[0].n;
    const before = await count();
    const order = sampleOrder(orderNo());
    const badSignature = await simulator.sendOrder(order, { secret: 'not-the-city-secret' });
    expect(badSignature.status).toBe(401);
    expect((badSignature.body as ErrorBody).error).toBe('UpstreamSignatureInvalid');
    const stale = await simulator.sendOrder(order, { skewSeconds: -600 });
    expect(stale.status).toBe(401);
    const tampered = await simulator.sendOrder(order, { bodySent: JSON.stringify({ ...order, title: '被篡改的标题' }) });
    expect(tampered.status).toBe(401);
    const malformed = await simulator.sendOrder({ ...order, deadlines: 'soon', callerPhone: 'x' });
    expect(malformed.status).toBe(400);
    const fields = (malformed.body as ErrorBody).details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['callerPhone']));
    const notJson = await simulator.post('/api/v1/upstream/12345/orders', '{"orderNo": ');
    expect(notJson.status).toBe(400);
    const unsigned = await fetch(`${stack.api.url}/api/v1/upstream/12345/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(order),
    });
    expect(unsigned.status).toBe(401);
    expect(await count()).toBe(before);
  });

  it('lists an order whose reports the city refuses as a dead letter, and retries it', async () => {
    const { no, caseId } = await dispatchedOrder();
    expect((await act('staff-heating', caseId, 'accept')).status).toBe(200);
    await waitFor(() => (simulator.reportsOf(no).length >= 1 ? true : undefined), 30_000, 'accepted report');
    simulator.setMode('reject');
    expect((await act('staff-heating', caseId, 'progress', { note: '进展被拒' })).status).toBe(200);
    const dead = await waitFor(
      async () => {
        const list = await stack.client.as<Array<{ orderNo: string; pendingReports: number }>>(
          'supervisor',
          'GET',
          '/api/v1/upstream/12345/dead-letters',
        );
        return list.body.find((item) => item.orderNo === no);
      },
      30_000,
      'dead letter',
    );
    expect(dead.pendingReports).toBe(1);
    simulator.setMode('ok');
    const retried = await stack.client.as<{ deadLetter: unknown }>(
      'supervisor',
      'POST',
      `/api/v1/upstream/12345/dead-letters/${no}/retry`,
    );
    expect(retried.status).toBe(200);
    expect(retried.body.deadLetter).toBeNull();
    await waitFor(() => (simulator.reportsOf(no).length >= 2 ? true : undefined), 30_000, 'retried report');
    expect(reportTypes(no)).toEqual(['1:accepted', '2:progress']);
    const list = await stack.client.as<Array<{ orderNo: string }>>('supervisor', 'GET', '/api/v1/upstream/12345/dead-letters');
    expect(list.body.map((item) => item.orderNo)).not.toContain(no);
    const again = await stack.client.as<ErrorBody>('supervisor', 'POST', `/api/v1/upstream/12345/dead-letters/${no}/retry`);
    expect(again.status).toBe(409);
  });

  it("counts the city's orders in the figures by their channel, each under its capped deadlines", async () => {
    const taken = await stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE channel = 'transfer12345'`);
    const byChannel = async () => {
      const r = await stack.client.as<{ rows: Array<{ key: { code: string }; received: number }> }>(
        'supervisor',
        'GET',
        '/api/v1/stats/rates?groupBy=channel',
      );
      const row = r.body.rows.find((item) => item.key.code === 'transfer12345');
      return row && row.received === taken.rows[0].n ? row : undefined;
    };
    await waitFor(byChannel, 30_000, 'the figures of the city orders');
    // The deadlines the figures judge by are the capped ones: no accept stage of a city order ends after the city's.
    const later = await stack.db.query(
      `SELECT 1 FROM case_deadlines d JOIN upstream_orders o ON o.case_id = d.case_id
        WHERE d.stage = 'accept' AND o.accept_deadline IS NOT NULL AND d.deadline > o.accept_deadline`,
    );
    expect(later.rowCount).toBe(0);
  });
});
