import {
  OUTSIDE_DISTRICT,
  heatingComplaint,
  neighbourhoodDispute,
  routingDone,
  uniquePhone,
  useStack,
  waitFor,
  type CaseBody,
  type CaseEventBody,
  type Page,
  type ErrorBody,
} from '@hotline/testing';
import type { DepartmentRef } from '@hotline/reference';

/** A node of GET /api/v1/categories (the tree). */
interface CategoryNode {
  code: string;
  name: string;
  children: CategoryNode[];
}

describe('intake → BullMQ dispatch → department inbox', () => {
  const stack = useStack();

  const caseCount = async () => Number((await stack.db.query<{ count: string }>('SELECT count(*) FROM cases')).rows[0].count);
  const statusOf = async (id: string) =>
    (await stack.db.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [id])).rows[0]?.status;

  it('dispatches a logged call to the department its rule names, within seconds, into that inbox only', async () => {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', heatingComplaint());
    expect(created.status).toBe(201);
    // Read after the commit, so the router may already have dispatched it; the history below shows the order.
    expect(['received', 'dispatched']).toContain(created.body.status);
    expect(created.body).toMatchObject({
      kind: 'complaint',
      category: { code: 'heating.no-heat' },
      grid: { code: 'baiyun-01-g1' },
      community: { code: 'baiyun-01' },
      street: { code: 'baiyun' },
    });
    expect(created.body.caseNo).toMatch(/^XG\d{8}\d{6,}$/);
    expect(created.body.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/);
    const id = created.body.id;

    const dispatched = await waitFor(
      async () => {
        const r = await stack.client.as<CaseBody>('operator', 'GET', `/api/v1/cases/${id}`);
        return r.body.status === 'dispatched' ? r.body : undefined;
      },
      30_000,
      'automatic dispatch',
    );
    expect(dispatched.leadDepartment).toMatchObject({ code: 'heating' });

    const events = await stack.client.as<CaseEventBody[]>('operator', 'GET', `/api/v1/cases/${id}/events`);
    expect(events.body.map((e) => e.type)).toEqual(['received', 'dispatched']);
    expect(events.body[1]).toMatchObject({
      fromStatus: 'received',
      toStatus: 'dispatched',
      actor: { role: 'system' },
      data: { ruleCode: 'R11', leadDepartmentCode: 'heating' },
    });
    expect(events.body[1].note).toContain('matched rule R11');

    const heatingInbox = await stack.client.as<Page<CaseBody>>(
      'staff-heating',
      'GET',
      '/api/v1/cases?status=dispatched&pageSize=100',
    );
    expect(heatingInbox.status).toBe(200);
    expect(heatingInbox.body.items.map((c) => c.id)).toContain(id);
    expect(heatingInbox.body.items.every((c) => c.leadDepartment?.code === 'heating')).toBe(true);
    const mine = heatingInbox.body.items.find((c) => c.id === id);
    expect(mine!.caller).toEqual({ name: '张*', phone: '138****5678', visibility: 'masked', callbackBy: 'phone' });

    for (const other of ['staff-market', 'lead-housing', 'staff-street-baiyun']) {
      const inbox = await stack.client.as<Page<CaseBody>>(other, 'GET', '/api/v1/cases?pageSize=100');
      expect(inbox.body.items.map((c) => c.id)).not.toContain(id);
      const direct = await stack.client.as<CaseBody>(other, 'GET', `/api/v1/cases/${id}`);
      expect(direct.status).toBe(403);
      expect((await stack.client.as(other, 'GET', `/api/v1/cases/${id}/events`)).status).toBe(403);
    }
    // The grid worker responsible for baiyun-01 sees cases of their grids.
    const gridInbox = await stack.client.as<Page<CaseBody>>('grid', 'GET', '/api/v1/cases?pageSize=100');
    expect(gridInbox.body.items.map((c) => c.id)).toContain(id);
  });

  it('shows a grid worker the case they logged outside their grids (placed by community), not only their grids', async () => {
    const { lat, lng, ...withoutPoint } = heatingComplaint();
    expect(lat && lng).toBeTruthy();
    const created = await stack.client.as<CaseBody>('grid', 'POST', '/api/v1/cases', {
      ...withoutPoint,
      communityCode: 'baiyun-04',
    });
    expect(created.status).toBe(201);
    expect(created.body.community!.code).toBe('baiyun-04');
    expect((await stack.client.as('grid', 'GET', `/api/v1/cases/${created.body.id}`)).status).toBe(200);
    const mine = await stack.client.as<Page<CaseBody>>('grid', 'GET', '/api/v1/cases?pageSize=100');
    expect(mine.body.items.map((c) => c.id)).toContain(created.body.id);
    // A case someone else logged outside this worker's grids stays out of sight.
    const other = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', {
      ...withoutPoint,
      communityCode: 'baiyun-04',
    });
    expect((await stack.client.as('grid', 'GET', `/api/v1/cases/${other.body.id}`)).status).toBe(403);
  });

  it('leaves a case no rule covers for a dispatcher, who dispatches it by hand', async () => {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', neighbourhoodDispute());
    expect(created.status).toBe(201);
    const id = created.body.id;
    // The routing job has run (completed in the worker) and left the case to a dispatcher.
    await routingDone(id);
    expect(await statusOf(id)).toBe('received');

    const refused = await stack.client.as<CaseBody>('staff-civil', 'POST', `/api/v1/cases/${id}/dispatch`, {
      leadDepartmentCode: 'civil',
    });
    expect(refused.status).toBe(403);
    const unknown = await stack.client.as<ErrorBody>('dispatcher', 'POST', `/api/v1/cases/${id}/dispatch`, {
      leadDepartmentCode: 'nope',
      assistingDepartmentCodes: ['police', 'zzz'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.map((d) => d.field).sort()).toEqual(['assistingDepartmentCodes.1', 'leadDepartmentCode']);
    expect(await statusOf(id)).toBe('received');

    const manual = await stack.client.as<CaseBody>('dispatcher', 'POST', `/api/v1/cases/${id}/dispatch`, {
      leadDepartmentCode: 'street-baiyun',
      assistingDepartmentCodes: ['police'],
    });
    expect(manual.status).toBe(200);
    expect(manual.body).toMatchObject({
      status: 'dispatched',
      leadDepartment: { code: 'street-baiyun' },
      assistingDepartments: [{ code: 'police' }],
    });
    const police = await stack.client.as<CaseBody>('staff-police', 'GET', `/api/v1/cases/${id}`);
    expect(police.status).toBe(200);

    const again = await stack.client.as<ErrorBody>('dispatcher', 'POST', `/api/v1/cases/${id}/dispatch`, {
      leadDepartmentCode: 'civil',
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('dispatched');
  });

  it('refuses bad input with 400 naming each problem, and writes nothing', async () => {
    const before = await caseCount();
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [heatingComplaint({ title: undefined, callerPhone: undefined }), ['title', 'callerPhone']],
      [heatingComplaint({ categoryCode: 'no-such-category' }), ['categoryCode']],
      [heatingComplaint({ categoryCode: 'heating' }), ['categoryCode']],
      [heatingComplaint({ description: '长'.repeat(5001), title: 't'.repeat(201) }), ['description', 'title']],
      [heatingComplaint({ callerPhone: '12345' }), ['callerPhone']],
      [heatingComplaint(OUTSIDE_DISTRICT), ['lat', 'lng']],
      [heatingComplaint({ lat: undefined }), ['lat']],
      [heatingComplaint({ isVip: true, departmentId: 'x' }), ['isVip', 'departmentId']],
      [
        heatingComplaint({ kind: 'gossip', channel: 'fax', priority: 'asap', confidential: 'no' }),
        ['kind', 'channel', 'priority', 'confidential'],
      ],
      [heatingComplaint({ communityCode: 'rixin-01' }), ['communityCode']],
      [heatingComplaint({ title: 'bad\u0000title' }), ['title']],
    ];
    for (const [body, fields] of cases) {
      const response = await stack.client.as<ErrorBody>('operator', 'POST', '/api/v1/cases', body);
      expect({ status: response.status, error: response.body.error }).toEqual({
        status: 400,
        error: expect.any(String) as unknown,
      });
      const named = new Set(response.body.details.map((d) => d.field));
      for (const field of fields) expect([...named]).toContain(field);
      expect(response.body.details.every((d) => typeof d.reason === 'string' && d.reason.length > 0)).toBe(true);
    }
    const malformed = await stack.client.request<CaseBody>('POST', '/api/v1/cases', {
      token: await stack.client.token('operator'),
      rawBody: '{"kind": ',
    });
    expect(malformed.status).toBe(400);
    const oversize = await stack.client.request<CaseBody>('POST', '/api/v1/cases', {
      token: await stack.client.token('operator'),
      body: heatingComplaint({ description: 'x'.repeat(100_000) }),
    });
    expect(oversize.status).toBe(413);
    expect(await caseCount()).toBe(before);
  });

  it('requires a token (401) and the right role (403)', async () => {
    expect((await stack.client.request('GET', '/api/v1/cases')).status).toBe(401);
    expect((await stack.client.request('POST', '/api/v1/cases', { body: heatingComplaint() })).status).toBe(401);
    expect((await stack.client.request('GET', '/api/v1/cases', { token: 'not-a-token' })).status).toBe(401);
    const before = await caseCount();
    const byDepartment = await stack.client.as<CaseBody>('staff-heating', 'POST', '/api/v1/cases', heatingComplaint());
    expect(byDepartment.status).toBe(403);
    expect(byDepartment.body).toMatchObject({ statusCode: 403, error: 'RoleNotAllowed' });
    expect(await caseCount()).toBe(before);
    const wrongPassword = await stack.client.request('POST', '/api/v1/auth/login', {
      body: { username: 'operator', password: 'wrong' },
    });
    expect(wrongPassword.status).toBe(401);
  });

  it('places a case without coordinates by its community, and finds a caller by phone (centre roles only)', async () => {
    const phone = uniquePhone();
    const first = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ lat: undefined, lng: undefined, communityCode: 'rixin-02', callerPhone: phone }),
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ grid: null, community: { code: 'rixin-02' }, street: { code: 'rixin' } });
    await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ callerPhone: phone, title: '第二次来电' }),
    );

    const history = await stack.client.as<Page<CaseBody>>('operator', 'GET', `/api/v1/callers/${phone}/cases`);
    expect(history.status).toBe(200);
    expect(history.body.total).toBe(2);
    expect(history.body.items.every((c) => c.caller!.phone === phone)).toBe(true);
    expect((await stack.client.as('staff-heating', 'GET', `/api/v1/callers/${phone}/cases`)).status).toBe(403);
    expect((await stack.client.as('operator', 'GET', '/api/v1/callers/not-a-phone/cases')).status).toBe(400);

    // The phone is stored sealed: no column holds it in clear.
    const { rows } = await stack.db.query<{ caller_phone_sealed: string; caller_name_sealed: string }>(
      `SELECT caller_phone_sealed, caller_name_sealed FROM cases WHERE id = $1`,
      [first.body.id],
    );
    expect(JSON.stringify(rows[0])).not.toContain(phone);
  });

  it('hides the caller of a confidential case from departments entirely', async () => {
    const created = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ confidential: true, kind: 'report' }),
    );
    const id = created.body.id;
    expect(created.body.caller!.phone).toBe('13812345678');
    await waitFor(async () => ((await statusOf(id)) === 'dispatched' ? true : undefined), 30_000, 'dispatch');
    const seen = await stack.client.as<CaseBody>('staff-heating', 'GET', `/api/v1/cases/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.caller).toBeNull();
  });

  it('filters the inbox and pages it', async () => {
    const token = await stack.client.token('operator');
    const byStreet = await stack.client.request<Page<CaseBody>>(
      'GET',
      '/api/v1/cases?street=baiyun&category=heating&pageSize=2',
      { token },
    );
    expect(byStreet.status).toBe(200);
    expect(byStreet.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(byStreet.body.items.length).toBeLessThanOrEqual(2);
    expect(byStreet.body.items.every((c) => c.street!.code === 'baiyun' && c.category!.code.startsWith('heating'))).toBe(true);
    const bad = await stack.client.request<ErrorBody>('GET', '/api/v1/cases?status=lost&pageSize=1000&from=yesterday', {
      token,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d) => d.field).sort()).toEqual(['from', 'pageSize', 'status']);
    const unknownStreet = await stack.client.request<Page<CaseBody>>('GET', '/api/v1/cases?street=atlantis', { token });
    expect(unknownStreet.status).toBe(400);
  });

  it('serves reference data and health', async () => {
    const departments = await stack.client.as<DepartmentRef[]>('operator', 'GET', '/api/v1/departments');
    expect(departments.body.filter((d) => d.type === 'bureau').length).toBeGreaterThanOrEqual(15);
    const categories = await stack.client.as<CategoryNode[]>('operator', 'GET', '/api/v1/categories');
    const leaves = categories.body.flatMap((c) => c.children).filter((c) => c.children.length === 0);
    expect(leaves.length).toBeGreaterThanOrEqual(40);
    const grids = await stack.client.as<unknown[]>('operator', 'GET', '/api/v1/grids');
    expect(grids.body).toHaveLength(60);
    expect(grids.body[0]).toMatchObject({
      community: { code: expect.any(String) as unknown },
      street: { code: expect.any(String) as unknown },
      geometry: { type: 'Polygon' },
    });
    const health = await stack.client.request<{ status: string }>('GET', '/health');
    expect({ status: health.status, body: health.body }).toEqual({ status: 200, body: { status: 'ok' } });
    const details = await stack.client.as<{ components: Record<string, unknown> }>('admin', 'GET', '/health/details');
    expect(details.body.components).toMatchObject({
      database: { status: 'up' },
      redis: { status: 'up' },
      queues: { status: 'up' },
      outbox: { status: 'up' },
    });
  });
});
