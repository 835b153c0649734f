import { maskName, maskPhone } from '@hotline/privacy';
import {
  apiOperations,
  heatingComplaint,
  uniquePhone,
  useStack,
  type ApiOperation,
  type ApiResponse,
  type CaseBody,
} from '@hotline/testing';
import { SAMPLE_REQUESTS } from '../access/access-table';

/** A registered enterprise of this suite only (valid USCC, GB 32100-2015 check character). */
const USCC = '91210203MA0PRHN71W';

interface Case {
  id: string;
  caseNo: string;
}

/**
 * Confidential stays confidential: one caller has ordinary cases, a confidential report (举报) and a
 * confidential enterprise request, all with the heating office and in grid baiyun-01-g1. Every route the
 * router serves is then called as each role outside the centre (department staff, department lead, grid
 * worker), with the path and query values such a user knows (the case ids and numbers they see, the
 * masked caller's last four digits, the enterprise's code, the caller's name and number), and each answer
 * is read for a tie between a confidential case and its caller:
 * - a record (an answer, or one element of a listed answer) that names a confidential case carries no
 *   trace of the caller (name, phone, their masks, the phone hash, the enterprise) and no other case of
 *   the same caller;
 * - an answer to a request made with the caller's traces names no confidential case at all.
 */
describe('no confidential case can be tied to its caller outside the centre', () => {
  const stack = useStack({
    worker: false,
    overrides: {
      PUBLIC_RATE_PER_ADDRESS: '100000',
      CASE_STATUS_TRIES_PER_ADDRESS: '100000',
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-linkage`,
    },
  });

  const phone = uniquePhone();
  const name = `鬯${phone.slice(-3)}`;
  const enterpriseName = `隐私测试企业${phone.slice(-4)}有限公司`;
  let ordinary: Case[] = [];
  let confidential: Case[] = [];
  let extensionRequestId = '';
  let phoneHash = '';

  const as = async <T = CaseBody>(user: string, method: string, path: string, body?: unknown): Promise<ApiResponse<T>> => {
    const r = await stack.client.as<T>(user, method, path, body);
    if (r.status >= 300) throw new Error(`${user} ${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };
  const logged = async (overrides: Record<string, unknown>): Promise<Case> => {
    const created = await as(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ callerName: name, callerPhone: phone, ...overrides }),
    );
    await as('dispatcher', 'POST', `/api/v1/cases/${created.body.id}/dispatch`, { leadDepartmentCode: 'heating' });
    await as('staff-heating', 'POST', `/api/v1/cases/${created.body.id}/accept`, {});
    return { id: created.body.id, caseNo: created.body.caseNo };
  };

  beforeAll(async () => {
    const lead = (await stack.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'lead-heating'`)).rows[0].id;
    await as('admin', 'POST', '/api/v1/enterprises', {
      uscc: USCC,
      name: enterpriseName,
      industry: 'informationTechnology',
      streetCode: 'baiyun',
      contactName: name,
      contactPhone: phone,
      responsibleUserId: lead,
    });
    const enterprise = {
      kind: 'enterpriseRequest',
      categoryCode: 'enterprise.financing',
      title: '融资需求',
      description: '企业需要流动资金贷款',
      enterpriseUscc: USCC,
    };
    ordinary = [await logged({}), await logged({ title: '暖气漏水' }), await logged(enterprise)];
    // The operator wrote the caller's number into the report, as happens: it must not show outside the centre.
    const report = await logged({
      kind: 'report',
      title: '举报供热站违规收费',
      description: `举报人请求保密，回电 ${phone}`,
      confidential: true,
    });
    const enterpriseReport = await logged({
      ...enterprise,
      title: '举报有关人员吃拿卡要',
      description: '企业举报',
      confidential: true,
    });
    confidential = [report, enterpriseReport];
    await as('staff-heating', 'POST', `/api/v1/cases/${report.id}/reply`, { result: `已核实处理，已电话 ${phone} 告知举报人` });
    await as('staff-heating', 'POST', `/api/v1/cases/${enterpriseReport.id}/extension-requests`, { days: 1, reason: '需调查' });
    extensionRequestId = (
      await stack.db.query<{ id: string }>(`SELECT id FROM extension_requests WHERE case_id = $1`, [enterpriseReport.id])
    ).rows[0].id;
    phoneHash = (
      await stack.db.query<{ caller_phone_hash: string }>(`SELECT caller_phone_hash FROM cases WHERE id = $1`, [report.id])
    ).rows[0].caller_phone_hash;
  });

  it('refuses to merge a confidential case with an ordinary one (the merge would tie them in every view)', async () => {
    for (const [from, to] of [
      [confidential[0], ordinary[0]],
      [ordinary[1], confidential[0]],
    ]) {
      const r = await stack.client.as<CaseBody>('dispatcher', 'POST', `/api/v1/cases/${from.id}/merge`, { targetCaseId: to.id });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({
        error: 'MergeAcrossConfidentiality',
        details: [{ field: 'targetCaseId', reason: expect.any(String) as unknown }],
      });
    }
  });

  /**
   * Calls every route of the router (reads, or writes) as `user` and returns what ties a confidential
   * case to its caller; writes use the access matrix's sample bodies, aimed at the confidential cases.
   */
  async function walk(user: string, kind: 'reads' | 'writes'): Promise<{ problems: string[]; calls: number; routes: number }> {
    const caseIds = (c: Case) => [c.id, c.caseNo];
    const callerTraces = [name, phone, maskName(name), maskPhone(phone), phoneHash, enterpriseName, USCC];
    const everyCase = [...ordinary, ...confidential];
    /** What ties confidential case `c` to its caller: their traces, and the caller's other cases. */
    const tiesOf = (c: Case) => [...callerTraces, ...everyCase.filter((o) => o !== c).flatMap(caseIds)];
    const last4 = phone.slice(-4);
    const token = await stack.client.token(user);
    const notification = (
      await stack.db.query<{ id: string }>(`SELECT id FROM notifications WHERE case_id = $1 LIMIT 1`, [confidential[0].id])
    ).rows[0]?.id;

    const { operations } = apiOperations(stack.api.app);
    const ordered = operations.filter((o) => (o.method === 'GET') === (kind === 'reads'));
    const problems: string[] = [];
    let calls = 0;
    for (const operation of ordered) {
      for (const { path, query, keyedByCaller } of requestsFor(operation)) {
        const url = query ? `${path}?${query}` : path;
        const sample = SAMPLE_REQUESTS[operation.key];
        const response = await stack.client.request(operation.method, url, {
          token,
          body: sample?.body?.({
            caseId: confidential[0].id,
            otherCaseId: confidential[1].id,
            staffUserId: '00000000-0000-4000-8000-000000000000',
            extensionRequestId,
          }),
        });
        calls += 1;
        const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
        for (const c of confidential) {
          const names = (s: string) => caseIds(c).some((v) => s.includes(v));
          if (keyedByCaller && names(text))
            problems.push(`${operation.method} ${url} (asked with the caller's traces) names confidential ${c.caseNo}`);
          const records = names(url) ? [text] : recordsOf(response.body).filter(names);
          for (const record of records) {
            const tie = tiesOf(c).find((t) => record.includes(t));
            if (tie) problems.push(`${operation.method} ${url}: a record naming confidential ${c.caseNo} also shows ${tie}`);
          }
        }
      }
    }
    return { problems, calls, routes: ordered.length };

    /** The requests a user outside the centre could make of one route, with the values they know. */
    function requestsFor(operation: ApiOperation): Array<{ path: string; query: string; keyedByCaller: boolean }> {
      const targets = [...confidential, ordinary[0]];
      const fills: Array<Record<string, string>> =
        operation.path.includes('{id}') || operation.path.includes('{caseNo}') || operation.path.includes('{file}')
          ? targets.map((c) => ({ id: c.id, caseNo: c.caseNo, file: `${c.caseNo}.json` }))
          : [{}];
      const values = (fill: Record<string, string>): Record<string, string> => ({
        rid: extensionRequestId,
        phone,
        uscc: USCC,
        code: 'heating',
        date: '2026-12-01',
        file: 'none.json',
        ...fill,
        // A notification's {id}: one about the report, which the department was told of.
        ...(operation.path.startsWith('/api/v1/notifications/')
          ? { id: notification ?? '00000000-0000-4000-8000-000000000000' }
          : {}),
      });
      const queries = QUERIES[operation.key]?.({ name, last4, caseNos: [...ordinary, ...confidential].map((c) => c.caseNo) }) ?? [
        '',
      ];
      return fills.flatMap((fill) => {
        const path = operation.path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(values(fill)[key] ?? key));
        return queries.map((query) => ({
          path,
          query,
          keyedByCaller:
            /\{(phone|uscc)\}/.test(operation.path) || query.includes(encodeURIComponent(name)) || query.includes(last4),
        }));
      });
    }
  }

  it.each(['staff-heating', 'lead-heating', 'grid'])('holds on every route that reads, for %s', async (user) => {
    const { problems, calls, routes } = await walk(user, 'reads');
    expect(problems).toEqual([]);
    expect(routes).toBeGreaterThan(30);
    expect(calls).toBeGreaterThan(routes);
  });

  // Last: a write may move a case on (a return takes it away from the department).
  it.each(['lead-heating', 'staff-heating'])('holds on every route that writes, for %s', async (user) => {
    const { problems, routes } = await walk(user, 'writes');
    expect(problems).toEqual([]);
    expect(routes).toBeGreaterThan(20);
  });
});

/** Query strings worth sending, per route: the searches and groupings that could tie cases to a caller. */
const QUERIES: Record<string, (known: { name: string; last4: string; caseNos: string[] }) => string[]> = {
  'GET /api/v1/cases': ({ name, last4 }) => [
    'pageSize=100',
    `text=${encodeURIComponent(name)}`,
    `text=${last4}`,
    'kind=report',
    'figure=received&pageSize=100',
  ],
  'GET /api/v1/enterprises/{uscc}/cases': () => ['pageSize=100'],
  'GET /api/v1/stats/repeats': () => ['by=caller&min=2', 'by=address&min=2'],
  'GET /api/v1/stats/rates': () => ['groupBy=department', 'groupBy=kind'],
  'GET /api/v1/stats/rates/export': () => ['groupBy=kind&format=csv'],
  'GET /api/v1/stats/hotspots': () => ['by=grid', 'by=category'],
  'GET /api/v1/stats/rankings': () => ['by=department'],
  'GET /api/v1/stats/trends': () => ['interval=day'],
  'GET /api/v1/stats/handling-time': () => ['groupBy=department'],
  'GET /api/v1/notifications': () => ['pageSize=100'],
  'GET /api/v1/public/cases/{caseNo}': ({ last4 }) => [`phoneLast4=${last4}`],
  'GET /open311/v2/requests.json': ({ caseNos }) => ['', ...caseNos.map((caseNo) => `service_request_id=${caseNo}`)],
  'GET /api/v1/knowledge': ({ name }) => [`q=${encodeURIComponent(name)}`],
};

/** The records of an answer: the elements of a list (top-level, `items` or `rows`), else the answer itself; each as JSON text. */
function recordsOf(body: unknown): string[] {
  if (typeof body === 'string') return [body];
  if (Array.isArray(body)) return body.map((item) => JSON.stringify(item));
  if (body && typeof body === 'object') {
    const list = (body as { items?: unknown; rows?: unknown }).items ?? (body as { rows?: unknown }).rows;
    if (Array.isArray(list)) return list.map((item) => JSON.stringify(item));
    return [JSON.stringify(body)];
  }
  return [];
}
