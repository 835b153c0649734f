import { heatingComplaint, uniquePhone, useStack, waitFor, type CaseBody, type ErrorBody, type Page } from '@hotline/testing';
import { open311 } from '../open311/open311-client';

/** One of GET /api/v1/enterprises/request-types (the field these tests pick out). */
interface RequestTypeBody {
  type: string;
}

/** Valid USCCs in Xigang (division 210203), check characters computed per GB 32100-2015. */
const ACME = '91210203MA0YR8N31R';
const BETA = '91210203MA10B7K2XK';

describe('enterprise requests (企业诉求)', () => {
  const stack = useStack({ overrides: { PUBLIC_RATE_PER_ADDRESS: '100000' } });
  const userId = async (username: string) =>
    (await stack.db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username])).rows[0].id;
  const enterpriseRequest = (overrides: Record<string, unknown> = {}) =>
    heatingComplaint({
      kind: 'enterpriseRequest',
      categoryCode: 'enterprise.financing',
      title: '流动资金贷款需求',
      description: '企业需要 500 万元流动资金贷款',
      enterpriseUscc: ACME,
      ...overrides,
    });

  beforeAll(async () => {
    const made = await stack.client.as('admin', 'POST', '/api/v1/enterprises', {
      uscc: ACME.toLowerCase(),
      name: '大连西岗示范科技有限公司',
      industry: 'informationTechnology',
      streetCode: 'baiyun',
      contactName: '李经理',
      contactPhone: '13900001111',
      responsibleUserId: await userId('lead-enterprise'),
    });
    expect(made.status).toBe(201);
  });

  it('registers enterprises with a checked USCC and a responsible person, admins only', async () => {
    const got = await stack.client.as('operator', 'GET', `/api/v1/enterprises/${ACME}`);
    expect(got.body).toMatchObject({
      uscc: ACME,
      street: { code: 'baiyun' },
      contact: { name: '李经理', phone: '13900001111' },
      responsibleUser: { username: 'lead-enterprise' },
    });
    const {
      rows: [row],
    } = await stack.db.query<{ contact_phone_sealed: string }>(`SELECT contact_phone_sealed FROM enterprises WHERE uscc = $1`, [
      ACME,
    ]);
    expect(row.contact_phone_sealed).not.toContain('13900001111');

    const body = {
      uscc: BETA,
      name: '大连西岗测试贸易有限公司',
      industry: 'wholesaleRetail',
      contactName: '周女士',
      contactPhone: '13900002222',
    };
    const wrongCheck = await stack.client.as<ErrorBody>('admin', 'POST', '/api/v1/enterprises', {
      ...body,
      uscc: '91210203MA10B7K2XA',
    });
    expect(wrongCheck.status).toBe(400);
    expect(wrongCheck.body.details).toEqual([{ field: 'uscc', reason: 'check character is A, but GB 32100-2015 gives K' }]);
    expect((await stack.client.as('operator', 'POST', '/api/v1/enterprises', body)).status).toBe(403);
    const unknownUser = await stack.client.as<ErrorBody>('admin', 'POST', '/api/v1/enterprises', {
      ...body,
      responsibleUserId: '00000000-0000-4000-8000-000000000000',
      streetCode: 'nowhere',
    });
    expect(unknownUser.body.details.map((d) => d.field).sort()).toEqual(['responsibleUserId', 'streetCode']);
    expect((await stack.client.as('admin', 'POST', '/api/v1/enterprises', body)).status).toBe(201);
    expect((await stack.client.as('admin', 'POST', '/api/v1/enterprises', body)).status).toBe(409);
    const updated = await stack.client.as<{ responsibleUser: unknown }>('admin', 'PATCH', `/api/v1/enterprises/${BETA}`, {
      responsibleUserId: await userId('supervisor'),
    });
    expect(updated.body.responsibleUser).toMatchObject({ username: 'supervisor' });
    expect((await stack.client.as('admin', 'GET', '/api/v1/enterprises/91210203MA10B7K2XA')).status).toBe(400);
    expect((await stack.client.as('admin', 'GET', '/api/v1/enterprises/91350100M000100Y43')).status).toBe(404);
  });

  it('an enterprise request names a registered enterprise, gets the enterprise SLA policy, and is listed under it, in scope', async () => {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', enterpriseRequest());
    expect(created.status).toBe(201);
    const id = created.body.id;
    await waitFor(
      async () =>
        (await stack.db.query<{ status: string }>(`SELECT status FROM cases WHERE id = $1`, [id])).rows[0].status === 'dispatched'
          ? true
          : undefined,
      30_000,
      'dispatch',
    );
    const {
      rows: [deadline],
    } = await stack.db.query<{ policy_code: string }>(`SELECT policy_code FROM case_deadlines WHERE case_id = $1`, [id]);
    expect(deadline.policy_code).toBe('enterprise-request');

    // The enterprise's responsible person (lead-enterprise) was told, in the case's own transaction.
    const { rows: told } = await stack.db.query<{ recipient_user_id: string; type: string; data: unknown }>(
      `SELECT recipient_user_id, type, data FROM notifications WHERE case_id = $1 AND type = 'enterpriseRequestReceived'`,
      [id],
    );
    expect(told).toEqual([
      {
        recipient_user_id: await userId('lead-enterprise'),
        type: 'enterpriseRequestReceived',
        data: { caseNo: created.body.caseNo, uscc: ACME, categoryCode: 'enterprise.financing' },
      },
    ]);

    const listed = await stack.client.as<Page<CaseBody>>('supervisor', 'GET', `/api/v1/enterprises/${ACME}/cases`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c) => c.id)).toContain(id);
    const enterpriseDept = await stack.client.as<Page<CaseBody>>('staff-enterprise', 'GET', `/api/v1/enterprises/${ACME}/cases`);
    expect(enterpriseDept.body.items.map((c) => c.id)).toContain(id);
    const otherDept = await stack.client.as<Page<CaseBody>>('staff-heating', 'GET', `/api/v1/enterprises/${ACME}/cases`);
    expect(otherDept.body.items.map((c) => c.id)).not.toContain(id);
    expect(
      (await stack.client.as<Page<CaseBody>>('supervisor', 'GET', `/api/v1/enterprises/${BETA}/cases`)).body.items.map(
        (c) => c.id,
      ),
    ).not.toContain(id);
  });

  it('refuses an enterprise request without a registered enterprise, and an enterprise on other kinds, changing nothing', async () => {
    const before = Number((await stack.db.query<{ count: string }>('SELECT count(*) FROM cases')).rows[0].count);
    const missing = await stack.client.as<ErrorBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      enterpriseRequest({ enterpriseUscc: undefined }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.details[0]).toMatchObject({ field: 'enterpriseUscc' });
    const unregistered = await stack.client.as<ErrorBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      enterpriseRequest({ enterpriseUscc: '9144030071526726XG' }),
    );
    expect(unregistered.body.details[0].reason).toMatch(/is registered/);
    const badCheck = await stack.client.as<ErrorBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      enterpriseRequest({ enterpriseUscc: '9144030071526726XA' }),
    );
    expect(badCheck.body.details[0].reason).toMatch(/check character/);
    const onComplaint = await stack.client.as<ErrorBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ enterpriseUscc: ACME }),
    );
    expect(onComplaint.body.details[0].reason).toMatch(/only enterprise requests/);
    expect(Number((await stack.db.query<{ count: string }>('SELECT count(*) FROM cases')).rows[0].count)).toBe(before);
  });

  it('an Open311 enterprise service takes the USCC as its attribute and links the enterprise', async () => {
    const posted = await open311<Array<{ token: string }>>(stack.api.url, 'POST', 'requests.json', {
      api_key: 'demo-open311-key',
      service_code: 'enterprise.approvals',
      address_id: 'baiyun-01',
      'attribute[uscc]': ACME,
      phone: uniquePhone(),
      description: '施工许可审批进度咨询',
    });
    expect(posted.status).toBe(201);
    const {
      rows: [row],
    } = await stack.db.query<{ kind: string; uscc: string }>(
      `SELECT c.kind, e.uscc FROM open311_requests r JOIN cases c ON c.id = r.case_id JOIN enterprise_cases ec ON ec.case_id = c.id
         JOIN enterprises e ON e.id = ec.enterprise_id WHERE r.token = $1`,
      [posted.data[0].token],
    );
    expect(row).toEqual({ kind: 'enterpriseRequest', uscc: ACME });
  });

  it('lists the request types with their category and SLA policy', async () => {
    const r = await stack.client.as<RequestTypeBody[]>('operator', 'GET', '/api/v1/enterprises/request-types');
    expect(r.body.map((t) => t.type)).toEqual([
      'financing',
      'approvals',
      'project-support',
      'employment',
      'policy-consultation',
      'infrastructure',
    ]);
    expect(r.body[0]).toMatchObject({
      category: { code: 'enterprise.financing', name: '融资' },
      slaPolicy: { code: 'enterprise-request', reply: { amount: 5, unit: 'workingDays' } },
    });
  });
});
