import { request as httpRequest } from 'node:http';
import type { PublicCaseStatus } from '@hotline/cases';
import {
  heatingComplaint,
  neighbourhoodDispute,
  uniquePhone,
  useStack,
  type TestStack,
  type CaseBody,
  type ErrorBody,
  type Wire,
} from '@hotline/testing';

/**
 * A GET from another loopback address (127.0.0.x), as a citizen elsewhere: the API sees that address
 * as the client's (no proxy in between), so per-address limits apply to it separately.
 */
function getFrom(
  stack: TestStack,
  localAddress: string,
  path: string,
): Promise<{ status: number; body: unknown; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${stack.api.url}${path}`, { localAddress }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: text ? JSON.parse(text) : undefined,
          retryAfter: res.headers['retry-after'],
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('citizen case status: GET /api/v1/public/cases/{caseNo}?phoneLast4=', () => {
  const stack = useStack({
    worker: false,
    overrides: { PUBLIC_RATE_PER_ADDRESS: '100000', CASE_STATUS_TRIES_PER_ADDRESS: '100000' },
  });
  const look = (caseNo: string, last4: string) =>
    stack.client.request<Wire<PublicCaseStatus>>('GET', `/api/v1/public/cases/${caseNo}?phoneLast4=${last4}`);

  it('shows status, department, deadlines and the public answer, and nothing personal', async () => {
    const phone = uniquePhone();
    // A category no rule catches: dispatched by hand whatever a router on the run's database does meanwhile.
    const created = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      neighbourhoodDispute({ callerPhone: phone, callerName: '赵六' }),
    );
    const { caseNo, id } = created.body;
    expect(
      (await stack.client.as('dispatcher', 'POST', `/api/v1/cases/${id}/dispatch`, { leadDepartmentCode: 'heating' })).status,
    ).toBe(200);

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
    expect(r.body.deadlines.current!.deadline).toMatch(/\+08:00$/);
    expect(Object.keys(r.body).sort()).toEqual([
      'caseNo',
      'deadlines',
      'department',
      'mergedInto',
      'receivedAt',
      'reply',
      'status',
    ]);
    const text = JSON.stringify(r.body);
    for (const secret of ['赵六', phone, phone.slice(0, 7), '5号楼']) expect(text).not.toContain(secret);

    await stack.client.as<CaseBody>('staff-heating', 'POST', `/api/v1/cases/${id}/accept`, {});
    await stack.client.as<CaseBody>('staff-heating', 'POST', `/api/v1/cases/${id}/reply`, { result: '已上门维修，室温恢复正常' });
    const replied = await look(caseNo, phone.slice(-4));
    expect(replied.body).toMatchObject({
      status: 'replied',
      reply: { text: '已上门维修，室温恢复正常' },
      deadlines: { current: { stage: 'callback' } },
    });
    expect(replied.body.deadlines.reply).toMatch(/\+08:00$/);
  });

  it('masks phone numbers (full-width too), ID numbers and e-mail addresses in the reply', async () => {
    const phone = uniquePhone();
    const created = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ callerPhone: phone }),
    );
    const { caseNo, id } = created.body;
    await stack.client.as<CaseBody>('dispatcher', 'POST', `/api/v1/cases/${id}/dispatch`, { leadDepartmentCode: 'heating' });
    await stack.client.as<CaseBody>('staff-heating', 'POST', `/api/v1/cases/${id}/accept`, {});
    const result =
      '已修复。维修师傅１３７００００１１１１（座机0411-82345678），业主身份证21020319900101123X，回执发至li.si@example.com，工单XG20261122000123，费用128元';
    expect((await stack.client.as('staff-heating', 'POST', `/api/v1/cases/${id}/reply`, { result })).status).toBe(200);

    const r = await look(caseNo, phone.slice(-4));
    expect(r.status).toBe(200);
    expect(r.body.reply!.text).toBe(
      '已修复。维修师傅137****1111（座机0411-****78），业主身份证210***********123X，回执发至***@***，工单XG20261122000123，费用128元',
    );
    // The department still reads its own words in full.
    expect((await stack.client.as<CaseBody>('staff-heating', 'GET', `/api/v1/cases/${id}`)).body.result).toBe(result);
  });

  it('gives the same 404 for an unknown number and for wrong digits', async () => {
    const phone = uniquePhone();
    const created = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      neighbourhoodDispute({ callerPhone: phone }),
    );
    const wrong = String((Number(phone.slice(-4)) + 1) % 10_000).padStart(4, '0');
    const wrongDigits = await look(created.body.caseNo, wrong);
    const unknown = await look('XG20000101999999', phone.slice(-4));
    expect(wrongDigits.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrongDigits.body).toEqual(unknown.body);
    expect(unknown.body).toEqual({
      statusCode: 404,
      error: 'CaseNotFound',
      message: 'No case matches this case number and these phone digits',
      details: [],
    });
  });

  it('refuses a malformed number or digits with 400', async () => {
    const r = await stack.client.request<ErrorBody>('GET', '/api/v1/public/cases/abc?phoneLast4=12');
    expect(r.status).toBe(400);
    expect(r.body.details.map((d) => d.field).sort()).toEqual(['caseNo', 'phoneLast4']);
    expect((await stack.client.request('GET', '/api/v1/public/cases/XG20000101999999')).status).toBe(400);
  });

  it('shows a merged case with the status and answer of the case it was merged into', async () => {
    const phone = uniquePhone();
    const duplicate = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      neighbourhoodDispute({ callerPhone: phone }),
    );
    const target = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      neighbourhoodDispute({ kind: 'consultation', title: '噪音投诉怎么处理', callerPhone: uniquePhone() }),
    );
    expect(
      (
        await stack.client.as<CaseBody>('dispatcher', 'POST', `/api/v1/cases/${duplicate.body.id}/merge`, {
          targetCaseId: target.body.id,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await stack.client.as<CaseBody>('operator', 'POST', `/api/v1/cases/${target.body.id}/direct-answer`, {
          answer: '可向社区调解委员会申请调解',
        })
      ).status,
    ).toBe(200);

    const r = await look(duplicate.body.caseNo, phone.slice(-4));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      caseNo: duplicate.body.caseNo,
      mergedInto: target.body.caseNo,
      status: 'replied',
      reply: { text: '可向社区调解委员会申请调解' },
    });
  });

  it('asks for the whole phone number on a confidential case; four digits get the usual 404', async () => {
    const phone = uniquePhone();
    const created = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      neighbourhoodDispute({ callerPhone: phone, confidential: true }),
    );
    const byDigits = await look(created.body.caseNo, phone.slice(-4));
    const unknown = await look('XG20000101999999', phone.slice(-4));
    expect(byDigits.status).toBe(404);
    expect(byDigits.body).toEqual(unknown.body);
    const byPhone = await stack.client.request<Wire<PublicCaseStatus>>(
      'GET',
      `/api/v1/public/cases/${created.body.caseNo}?phone=${phone}`,
    );
    expect(byPhone.status).toBe(200);
    expect(byPhone.body.caseNo).toBe(created.body.caseNo);
    expect((await stack.client.request('GET', `/api/v1/public/cases/${created.body.caseNo}?phone=${uniquePhone()}`)).status).toBe(
      404,
    );
    const malformed = await stack.client.request<ErrorBody>('GET', `/api/v1/public/cases/${created.body.caseNo}?phone=abc`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([{ field: 'phone', reason: expect.any(String) as unknown }]);
  });
});

describe('case status look-ups are limited per address, never locking out the citizen', () => {
  // Its own Redis prefix, so that only this suite's tries count.
  const stack = useStack({
    worker: false,
    overrides: {
      PUBLIC_RATE_PER_ADDRESS: '100000',
      CASE_STATUS_TRIES_PER_ADDRESS_CASE: '3',
      CASE_STATUS_TRIES_PER_ADDRESS: '5',
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-tries`,
    },
  });
  const newCase = async () => {
    const phone = uniquePhone();
    const created = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      neighbourhoodDispute({ callerPhone: phone }),
    );
    return {
      caseNo: created.body.caseNo,
      last4: phone.slice(-4),
      wrong: String((Number(phone.slice(-4)) + 1) % 10_000).padStart(4, '0'),
    };
  };
  const path = (caseNo: string, last4: string) => `/api/v1/public/cases/${caseNo}?phoneLast4=${last4}`;

  it('stops a guesser at one address after a few wrong tries of a case, with Retry-After, while the citizen elsewhere still gets in', async () => {
    const target = await newCase();
    const guesses = [];
    for (let i = 0; i < 3; i += 1) guesses.push((await getFrom(stack, '127.0.0.11', path(target.caseNo, target.wrong))).status);
    expect(guesses).toEqual([404, 404, 404]);
    // Used up: even the right digits wait at this address, so a guess cannot be confirmed.
    const refused = await getFrom(stack, '127.0.0.11', path(target.caseNo, target.last4));
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'TooManyRequests' });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(3600);

    // The citizen, from their own address: in, as often as they like (right digits do not count).
    for (let i = 0; i < 6; i += 1) {
      const mine = await getFrom(stack, '127.0.0.12', path(target.caseNo, target.last4));
      expect(mine.status).toBe(200);
    }
    // The guesser's address may still look up another case.
    const other = await newCase();
    expect((await getFrom(stack, '127.0.0.11', path(other.caseNo, other.last4))).status).toBe(200);
  });

  it('also limits wrong tries from one address across case numbers', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const c = await newCase();
      statuses.push((await getFrom(stack, '127.0.0.13', path(c.caseNo, c.wrong))).status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    const fresh = await newCase();
    const refused = await getFrom(stack, '127.0.0.13', path(fresh.caseNo, fresh.last4));
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await getFrom(stack, '127.0.0.14', path(fresh.caseNo, fresh.last4))).status).toBe(200);
  });
});

describe('per-address limit on public endpoints', () => {
  // Its own Redis prefix, so the low limit counts only this suite's requests.
  const stack = useStack({
    worker: false,
    overrides: { PUBLIC_RATE_PER_ADDRESS: '3', REDIS_PREFIX: `${process.env.REDIS_PREFIX}-addr` },
  });

  it("answers 429 past the limit, in each endpoint family's own error shape", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await fetch(`${stack.api.url}/open311/v2/services.json`)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const open311 = await fetch(`${stack.api.url}/open311/v2/services.json`);
    expect(open311.status).toBe(429);
    expect(Number(open311.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await open311.json()).toEqual([{ code: 429, description: expect.stringMatching(/Too many requests/) as unknown }]);
    const status = await stack.client.request('GET', '/api/v1/public/cases/XG20000101999999?phoneLast4=1234');
    expect(status.status).toBe(429);
    expect(status.body).toMatchObject({ statusCode: 429, error: 'TooManyRequests' });
    expect(Number(status.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
