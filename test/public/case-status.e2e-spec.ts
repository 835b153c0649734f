import { neighbourhoodDispute, uniquePhone, useStack } from '@hotline/testing';

describe('citizen case status: GET /api/v1/public/cases/{caseNo}?phoneLast4=', () => {
  const stack = useStack({ worker: false, overrides: { PUBLIC_RATE_PER_ADDRESS: '100000', CASE_STATUS_TRIES_PER_CASE: '6' } });
  const look = (caseNo: string, last4: string) => stack.client.request('GET', `/api/v1/public/cases/${caseNo}?phoneLast4=${last4}`);

  it('shows status, department, deadlines and the public answer, and nothing personal', async () => {
    const phone = uniquePhone();
    // A category no rule catches: dispatched by hand whatever a router on the run's database does meanwhile.
    const created = await stack.client.as('operator', 'POST', '/api/v1/cases', neighbourhoodDispute({ callerPhone: phone, callerName: '赵六' }));
    const { caseNo, id } = created.body;
    expect((await stack.client.as('dispatcher', 'POST', `/api/v1/cases/${id}/dispatch`, { leadDepartmentCode: 'heating' })).status).toBe(200);

    const r = await look(caseNo, phone.slice(-4));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      caseNo,
      status: 'dispatched',
      mergedInto: null,
      department: { code: 'heating', name: '供热办公室' },
      deadlines: { current: { stage: 'accept', state: 'normal' }, reply: null },
      reply: null,
    });
    expect(r.body.deadlines.current.deadline).toMatch(/\+08:00$/);
    expect(Object.keys(r.body).sort()).toEqual(['caseNo', 'deadlines', 'department', 'mergedInto', 'receivedAt', 'reply', 'status']);
    const text = JSON.stringify(r.body);
    for (const secret of ['赵六', phone, phone.slice(0, 7), '5号楼']) expect(text).not.toContain(secret);

    await stack.client.as('staff-heating', 'POST', `/api/v1/cases/${id}/accept`, {});
    await stack.client.as('staff-heating', 'POST', `/api/v1/cases/${id}/reply`, { result: '已上门维修，室温恢复正常' });
    const replied = await look(caseNo, phone.slice(-4));
    expect(replied.body).toMatchObject({ status: 'replied', reply: { text: '已上门维修，室温恢复正常' }, deadlines: { current: { stage: 'callback' } } });
    expect(replied.body.deadlines.reply).toMatch(/\+08:00$/);
  });

  it('gives the same 404 for an unknown number and for wrong digits', async () => {
    const phone = uniquePhone();
    const created = await stack.client.as('operator', 'POST', '/api/v1/cases', neighbourhoodDispute({ callerPhone: phone }));
    const wrong = String((Number(phone.slice(-4)) + 1) % 10_000).padStart(4, '0');
    const wrongDigits = await look(created.body.caseNo, wrong);
    const unknown = await look('XG20000101999999', phone.slice(-4));
    expect(wrongDigits.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrongDigits.body).toEqual(unknown.body);
    expect(unknown.body).toEqual({ statusCode: 404, error: 'CaseNotFound', message: 'No case matches this case number and these phone digits', details: [] });
  });

  it('refuses a malformed number or digits with 400', async () => {
    const r = await stack.client.request('GET', '/api/v1/public/cases/abc?phoneLast4=12');
    expect(r.status).toBe(400);
    expect(r.body.details.map((d: any) => d.field).sort()).toEqual(['caseNo', 'phoneLast4']);
    expect((await stack.client.request('GET', '/api/v1/public/cases/XG20000101999999')).status).toBe(400);
  });

  it('shows a merged case with the status and answer of the case it was merged into', async () => {
    const phone = uniquePhone();
    const duplicate = await stack.client.as('operator', 'POST', '/api/v1/cases', neighbourhoodDispute({ callerPhone: phone }));
    const target = await stack.client.as('operator', 'POST', '/api/v1/cases', neighbourhoodDispute({ kind: 'consultation', title: '噪音投诉怎么处理', callerPhone: uniquePhone() }));
    expect((await stack.client.as('dispatcher', 'POST', `/api/v1/cases/${duplicate.body.id}/merge`, { targetCaseId: target.body.id })).status).toBe(200);
    expect((await stack.client.as('operator', 'POST', `/api/v1/cases/${target.body.id}/direct-answer`, { answer: '可向社区调解委员会申请调解' })).status).toBe(200);

    const r = await look(duplicate.body.caseNo, phone.slice(-4));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ caseNo: duplicate.body.caseNo, mergedInto: target.body.caseNo, status: 'replied', reply: { text: '可向社区调解委员会申请调解' } });
  });

  it('allows only a few tries per case number, so four digits cannot be guessed', async () => {
    const phone = uniquePhone();
    const created = await stack.client.as('operator', 'POST', '/api/v1/cases', neighbourhoodDispute({ callerPhone: phone }));
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await look(created.body.caseNo, String(1000 + i))).status);
    expect(statuses.slice(0, 6).every((s) => s === 404 || s === 200)).toBe(true);
    expect(statuses[6]).toBe(429);
    // Now even the right digits wait: the limit is per case number, not per guess.
    expect((await look(created.body.caseNo, phone.slice(-4))).status).toBe(429);
  });
});

describe('per-address limit on public endpoints', () => {
  // Its own Redis prefix, so the low limit counts only this suite's requests.
  const stack = useStack({ worker: false, overrides: { PUBLIC_RATE_PER_ADDRESS: '3', REDIS_PREFIX: `${process.env.REDIS_PREFIX}-addr` } });

  it('answers 429 past the limit, in each endpoint family\'s own error shape', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await fetch(`${stack.api.url}/open311/v2/services.json`)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const open311 = await fetch(`${stack.api.url}/open311/v2/services.json`);
    expect(open311.status).toBe(429);
    expect(await open311.json()).toEqual([{ code: 429, description: expect.stringMatching(/Too many requests/) }]);
    const status = await stack.client.request('GET', '/api/v1/public/cases/XG20000101999999?phoneLast4=1234');
    expect(status.status).toBe(429);
    expect(status.body).toMatchObject({ statusCode: 429, error: 'TooManyRequests' });
  });
});
