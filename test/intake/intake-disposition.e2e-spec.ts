import {
  dispatchDrained,
  heatingComplaint,
  routingDone,
  uniquePhone,
  useStack,
  type CaseBody,
  type ErrorBody,
} from '@hotline/testing';

/**
 * 直接答复 at intake: the operator's answer travels with the intake, so the case is stored answered and
 * the router never gets it. Heating consultations are caught by rule R11, so without the answer the
 * router would dispatch them: these tests would fail if intake still queued the routing intent.
 */
describe('POST /api/v1/cases with directAnswer: taken in and answered in one transaction, never routed', () => {
  const stack = useStack();
  const consultation = (overrides: Record<string, unknown> = {}) =>
    heatingComplaint({ kind: 'consultation', title: '供暖时间咨询', description: '请问今年什么时候开始供暖', ...overrides });
  const caseCount = async () => Number((await stack.db.query<{ count: string }>('SELECT count(*) FROM cases')).rows[0].count);
  const eventsOf = async (id: string) =>
    (
      await stack.db.query<{
        type: string;
        fromStatus: string | null;
        toStatus: string;
        note: string | null;
        data: Record<string, unknown>;
        actorRole: string;
      }>(
        `SELECT type, from_status AS "fromStatus", to_status AS "toStatus", note, data, actor_role AS "actorRole" FROM case_events WHERE case_id = $1 ORDER BY id`,
        [id],
      )
    ).rows;

  it('stores the consultation replied with the same events as the direct-answer action, and the router never dispatches it', async () => {
    const answer = '供暖期为11月1日至次年4月1日';
    const answered = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      consultation({ directAnswer: `  ${answer} ` }),
    );
    expect(answered.status).toBe(201);
    expect(answered.body).toMatchObject({
      status: 'replied',
      kind: 'consultation',
      category: { code: 'heating.no-heat' },
      leadDepartment: null,
    });
    const id: string = answered.body.id;

    // The same consultation without an answer: rule R11 routes it, so the category is one the router catches.
    const control = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', consultation());
    await routingDone(control.body.id);
    expect(
      (await stack.db.query<{ status: string }>(`SELECT status FROM cases WHERE id = $1`, [control.body.id])).rows[0].status,
    ).toBe('dispatched');
    await dispatchDrained(stack.db);

    const events = await eventsOf(id);
    expect(events).toEqual([
      {
        type: 'received',
        fromStatus: null,
        toStatus: 'received',
        note: null,
        data: expect.objectContaining({ channel: 'phone' }) as unknown,
        actorRole: 'operator',
      },
      {
        type: 'directAnswered',
        fromStatus: 'received',
        toStatus: 'replied',
        note: answer,
        data: { answer },
        actorRole: 'operator',
      },
    ]);
    const { rows: intents } = await stack.db.query<{ job_name: string }>(
      `SELECT job_name FROM outbox WHERE payload->>'caseId' = $1 AND queue = 'dispatch'`,
      [id],
    );
    expect(intents).toEqual([]);
    const { rows } = await stack.db.query(`SELECT status, version, lead_department_id, dispatched_at FROM cases WHERE id = $1`, [
      id,
    ]);
    expect(rows[0]).toEqual({ status: 'replied', version: 2, lead_department_id: null, dispatched_at: null });

    // Its life goes on as after the action: the callback closes it.
    const closed = await stack.client.as<CaseBody>('supervisor', 'POST', `/api/v1/cases/${id}/callback`, {
      satisfaction: 'satisfied',
      solved: true,
    });
    expect(closed.body.status).toBe('closed');
  });

  it('is the same case on a repeated submit with the same Idempotency-Key', async () => {
    const phone = uniquePhone();
    const body = consultation({ directAnswer: '可拨打供热热线咨询', callerPhone: phone });
    const token = await stack.client.token('operator');
    const first = await stack.client.request<CaseBody>('POST', '/api/v1/cases', {
      token,
      body,
      headers: { 'idempotency-key': `disp-${phone}` },
    });
    const again = await stack.client.request<CaseBody>('POST', '/api/v1/cases', {
      token,
      body,
      headers: { 'idempotency-key': `disp-${phone}` },
    });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toMatchObject({ id: first.body.id, status: 'replied' });
    expect((await eventsOf(first.body.id)).map((e: { type: string }) => e.type)).toEqual(['received', 'directAnswered']);
  });

  it("refuses what the direct-answer action refuses, with the machine's error and nothing created", async () => {
    const before = await caseCount();
    const complaint = await stack.client.as<ErrorBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ directAnswer: '答复' }),
    );
    expect(complaint.status).toBe(409);
    expect(complaint.body).toMatchObject({ statusCode: 409, error: 'NotConsultation' });
    expect(complaint.body.message).toContain('only consultations can be answered directly');

    const byDispatcher = await stack.client.as<ErrorBody>(
      'dispatcher',
      'POST',
      '/api/v1/cases',
      consultation({ directAnswer: '答复' }),
    );
    expect(byDispatcher.status).toBe(403);
    expect(byDispatcher.body).toMatchObject({ statusCode: 403, error: 'RoleForbidsAction' });

    for (const directAnswer of ['', 'x'.repeat(5001), 'bad\u0000answer', 42]) {
      const bad = await stack.client.as<ErrorBody>('operator', 'POST', '/api/v1/cases', consultation({ directAnswer }));
      expect({ status: bad.status, fields: [...new Set(bad.body.details?.map((d: { field: string }) => d.field))] }).toEqual({
        status: 400,
        fields: ['directAnswer'],
      });
    }
    expect(await caseCount()).toBe(before);
  });

  it('leaves the separate action for a consultation still received', async () => {
    const created = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      consultation({ categoryCode: 'public-safety.neighbourhood-dispute' }),
    );
    await routingDone(created.body.id);
    expect(
      (await stack.db.query<{ status: string }>(`SELECT status FROM cases WHERE id = $1`, [created.body.id])).rows[0].status,
    ).toBe('received');
    const answered = await stack.client.as<CaseBody>('operator', 'POST', `/api/v1/cases/${created.body.id}/direct-answer`, {
      answer: '可向社区调解委员会申请调解',
    });
    expect(answered.body.status).toBe('replied');
  });
});
