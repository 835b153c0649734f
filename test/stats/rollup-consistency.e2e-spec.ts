import ExcelJS from 'exceljs';
import { CASE_FIGURES, districtDay, sqlOfClient, type RatesReport } from '@hotline/stats';
import { loadDistrictCalendar, verifyStats } from '@hotline/stats-tools';
import {
  heatingComplaint,
  startWorker,
  useStack,
  waitFor,
  type RunningWorker,
  type CaseBody,
  type ErrorBody,
  type Page,
  type Wire,
} from '@hotline/testing';

/** GET /api/v1/stats/rankings, the fields these tests compare. */
interface RankingBody {
  rows: Array<{ score: number | null; completionRate: number | null }>;
}

/**
 * Cases driven through the API by many concurrent requests (racing accepts, extensions, returns, a merge,
 * callbacks and a reopen); once the worker has caught up, the rollup must equal the recompute from
 * history, and every figure must list exactly its cases.
 */
describe('statistics after concurrent updates', () => {
  const stack = useStack();
  // A second worker: two processes project at once, as in production with several replicas.
  let second: RunningWorker;
  afterAll(async () => second?.close());
  const zone = 'Asia/Shanghai';
  const day = (offset: number) => districtDay(new Date(Date.now() + offset * 86_400_000), zone);
  // Yesterday to tomorrow, so a run across midnight still sees its cases.
  const period = { from: `${day(-1)}T00:00:00%2B08:00`, to: `${day(1)}T00:00:00%2B08:00` };
  const act = (user: string, id: string, action: string, body: unknown = {}) =>
    stack.client.as(user, 'POST', `/api/v1/cases/${id}/${action}`, body);
  /** A GET whose body is a rates report unless the test names another type. */
  const get = <T = Wire<RatesReport>>(path: string, user = 'supervisor') => stack.client.as<T>(user, 'GET', path);

  async function verify() {
    const sql = sqlOfClient(stack.db);
    return verifyStats(sql, { fromDay: day(-1), toDay: day(1), timeZone: zone, calendar: await loadDistrictCalendar(sql, zone) });
  }

  beforeAll(async () => {
    // Sign in one by one first: concurrent first requests would each sign in and trip the sign-in limit.
    for (const user of ['operator', 'dispatcher', 'supervisor', 'staff-heating', 'lead-heating', 'admin'])
      await stack.client.token(user);
    second = await startWorker();
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const created = await stack.client.as<CaseBody>(
        'operator',
        'POST',
        '/api/v1/cases',
        heatingComplaint({ title: `并发统计 ${i}` }),
      );
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    await waitFor(
      async () => {
        const { rows } = await stack.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[]) AND status = 'dispatched'`,
          [ids],
        );
        return rows[0].n === ids.length ? true : undefined;
      },
      15_000,
      'automatic dispatch',
    );

    // Two staff accept each case at once: one wins, the other gets 409.
    const accepts = await Promise.all(
      ids.slice(0, 8).flatMap((id) => [act('staff-heating', id, 'accept'), act('staff-heating', id, 'accept')]),
    );
    expect(accepts.filter((r) => r.status === 200)).toHaveLength(8);

    const extension = await act('staff-heating', ids[7], 'extension-requests', { days: 3, reason: '需要协调燃气公司' });
    expect(extension.status).toBe(200);
    const requestId = (await stack.db.query<{ id: string }>(`SELECT id FROM extension_requests WHERE case_id = $1`, [ids[7]]))
      .rows[0].id;
    const round = await Promise.all([
      ...ids.slice(0, 7).map((id) => act('staff-heating', id, 'reply', { result: '已修复' })),
      act('supervisor', ids[7], `extension-requests/${requestId}/approve`, {}),
      act('staff-heating', ids[8], 'return', { reason: '不属于供热' }),
      act('dispatcher', ids[9], 'merge', { targetCaseId: ids[0] }),
    ]);
    expect(round.map((r) => r.status)).toEqual(Array(10).fill(200));
    const verdicts = [
      'satisfied',
      'satisfied',
      'satisfied',
      'basicallySatisfied',
      'basicallySatisfied',
      'unsatisfied',
      'satisfied',
    ];
    const last = await Promise.all([
      ...ids
        .slice(0, 7)
        .map((id, i) => act('supervisor', id, 'callback', { satisfaction: verdicts[i], solved: i !== 5 && i !== 4 })),
      act('dispatcher', ids[8], 'dispatch', { leadDepartmentCode: 'housing' }),
      act('staff-heating', ids[7], 'reply', { result: '延期后办结' }),
    ]);
    expect(last.map((r) => r.status)).toEqual(Array(9).fill(200));
  });

  it('keeps the rollup equal to the recompute from history', async () => {
    const report = await waitFor(
      async () => {
        const r = await verify();
        return r.rollupDifferences.length === 0 && r.factDifferences.length === 0 ? r : undefined;
      },
      30_000,
      'the rollup to equal the recompute',
    );
    expect(report.cases).toBeGreaterThanOrEqual(10);
  });

  it('lists exactly the counted cases for every figure of every department', async () => {
    const rates = await get(`/api/v1/stats/rates?groupBy=department&from=${period.from}&to=${period.to}`);
    expect(rates.status).toBe(200);
    expect(rates.body.source).toBe('rollup');
    const heating = rates.body.rows.find((r) => r.key.code === 'heating');
    expect(heating!.received).toBeGreaterThanOrEqual(9);
    for (const row of rates.body.rows) {
      for (const figure of [...CASE_FIGURES, 'overdueNow' as const]) {
        const list = await get<Page<CaseBody>>(
          `/api/v1/cases?figure=${figure}&department=${row.key.code}&from=${period.from}&to=${period.to}&pageSize=1`,
        );
        expect({ department: row.key.code, figure, total: list.body.total }).toEqual({
          department: row.key.code,
          figure,
          total: row[figure],
        });
      }
    }
    for (const figure of CASE_FIGURES) {
      const sum = rates.body.rows.reduce((s: number, r) => s + r[figure], 0);
      expect({ figure, sum }).toEqual({ figure, sum: rates.body.total[figure] });
    }
  });

  it('limits a department lead to their department and refuses other roles and bad input', async () => {
    const lead = await get(`/api/v1/stats/rates?groupBy=department&from=${period.from}&to=${period.to}`, 'lead-heating');
    expect(lead.status).toBe(200);
    expect(lead.body.rows.map((r) => r.key.code)).toEqual(['heating']);
    expect((await get(`/api/v1/stats/rates?groupBy=grid&department=housing`, 'lead-heating')).status).toBe(403);
    expect((await get(`/api/v1/stats/rates?groupBy=department`, 'operator')).status).toBe(403);
    expect((await get(`/api/v1/stats/rates?groupBy=department`, 'staff-heating')).status).toBe(403);

    const missing = await get<ErrorBody>(`/api/v1/stats/rates`);
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'groupBy' })]));
    const unknown = await get<ErrorBody>(`/api/v1/stats/rates?groupBy=department&department=nope`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ field: 'department', reason: 'unknown code "nope"' }]);
    expect((await get(`/api/v1/stats/rates?groupBy=department&colour=red`)).status).toBe(400);
    expect((await get(`/api/v1/cases?figure=happiness`)).status).toBe(400);
  });

  it('lets an admin set the ranking weights, and refuses weights that are all zero', async () => {
    const zero = { responseRate: 0, completionRate: 0, onTimeRate: 0, satisfactionRate: 0, resolutionRate: 0 };
    expect(
      (await stack.client.as('supervisor', 'PUT', '/api/v1/stats/ranking-weights', { ...zero, responseRate: 1 })).status,
    ).toBe(403);
    expect((await stack.client.as('admin', 'PUT', '/api/v1/stats/ranking-weights', zero)).status).toBe(400);
    const set = await stack.client.as('admin', 'PUT', '/api/v1/stats/ranking-weights', { ...zero, completionRate: 1 });
    expect(set.status).toBe(200);
    try {
      const ranking = await get<RankingBody>(`/api/v1/stats/rankings?by=department&from=${period.from}&to=${period.to}`);
      for (const row of ranking.body.rows) expect(row.score).toBe(row.completionRate);
    } finally {
      await stack.client.as('admin', 'PUT', '/api/v1/stats/ranking-weights', {
        responseRate: 1,
        completionRate: 0,
        onTimeRate: 0,
        satisfactionRate: 1,
        resolutionRate: 1,
      });
    }
  });

  it('exports the rates as CSV and as an Excel workbook with period, filters and generation time', async () => {
    const query = `groupBy=department&from=${period.from}&to=${period.to}&kind=complaint`;
    const rates = await get(`/api/v1/stats/rates?${query}`);
    const csv = await get<string>(`/api/v1/stats/rates/export?${query}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body)
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('report,rates by department');
    expect(lines[1]).toMatch(new RegExp(`^period,from ${day(-1)}T00:00:00.000\\+08:00 to ${day(1)}T00:00:00.000\\+08:00`));
    expect(lines[2]).toBe('filters,kind=complaint');
    expect(lines[3]).toMatch(/^generated at,\d{4}-\d{2}-\d{2}T/);
    expect(lines[6].split(',')).toEqual(expect.arrayContaining(['code', 'acceptedOnTime', 'overdueNow', 'responseRate']));
    expect(lines).toHaveLength(7 + rates.body.rows.length + 1);

    const token = await stack.client.token('supervisor');
    const response = await fetch(`${stack.client.baseUrl}/api/v1/stats/rates/export?${query}&format=xlsx`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('rates')!;
    expect(sheet.getCell('A1').value).toBe('report');
    expect(sheet.getCell('A3').value).toBe('filters');
    expect(sheet.getCell('B3').value).toBe('kind=complaint');
    expect(sheet.getCell('A4').value).toBe('generated at');
    const heating = rates.body.rows.findIndex((r) => r.key.code === 'heating');
    expect(sheet.getRow(8 + heating).getCell(3).value).toBe(rates.body.rows[heating].received);
  });
});
