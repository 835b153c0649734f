import { loadConfig } from '@hotline/config';
import { PersonalDataCipher } from '@hotline/privacy';
import type { RatesReport } from '@hotline/stats';
import { useStack, waitFor, type CaseBody, type Page, type Wire } from '@hotline/testing';

/** GET /api/v1/stats/handling-time, the fields these tests read. */
interface HandlingTimeBody {
  rows: Array<{ medianHours: number }>;
}
/** GET /api/v1/stats/rankings, the fields these tests read. */
interface RankingBody {
  rows: Array<{ rank: number; key: { code: string }; score: number }>;
}

/**
 * Rates over hand-built histories whose figures are known exactly: written straight into the history
 * tables (January 2020, a month no other suite touches), handed to the worker through the outbox like any
 * committed change, then read back through /api/v1/stats and drilled into through /api/v1/cases.
 */
describe('rates from hand-built histories', () => {
  const stack = useStack();
  const JAN = { from: '2020-01-01T00:00:00%2B08:00', to: '2020-02-01T00:00:00%2B08:00' };
  const FEB = { from: '2020-02-01T00:00:00%2B08:00', to: '2020-03-01T00:00:00%2B08:00' };
  const ids: Record<string, string> = {};

  type Ev = [type: string, at: string, data?: Record<string, unknown>];
  type Dl = [stage: string, startedAt: string, deadline: string, endedAt: string | null];
  const t = (local: string) => `${local}+08:00`;
  const config = loadConfig(process.env);
  const cipher = new PersonalDataCipher(config.PII_KEY, config.PII_HASH_KEY);

  async function handBuilt(
    name: string,
    c: { department: string | null; status: string; kind?: string; sla?: [string, string] },
    events: Ev[],
    deadlines: Dl[],
  ) {
    const { db } = stack;
    const ref = (
      await db.query<{ category: string; grid: string; community: string; street: string; department: string | null }>(
        `SELECT (SELECT id FROM categories WHERE code = 'heating.no-heat') AS category, g.id AS grid, g.community_id AS community, m.street_id AS street,
              (SELECT id FROM departments WHERE code = $1) AS department
         FROM grids g JOIN communities m ON m.id = g.community_id WHERE g.code = 'baiyun-01-g1'`,
        [c.department],
      )
    ).rows[0];
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO cases (case_no, status, kind, category_id, channel, priority, title, description, address, street_id, community_id, grid_id,
                          caller_name_sealed, caller_phone_sealed, caller_phone_hash, lead_department_id, received_at, sla_stage, sla_deadline, sla_warn_at)
       VALUES ($1, $2, $3, $4, 'phone', 'normal', '手工历史', '手工历史', '白云街道', $5, $6, $7, $12, $13, $14, $8, $9, $10, $11, $11)
       RETURNING id`,
      [
        `XT${Date.now()}${Math.floor(Math.random() * 1e6)}`,
        c.status,
        c.kind ?? 'complaint',
        ref.category,
        ref.street,
        ref.community,
        ref.grid,
        ref.department,
        t(events[0][1]),
        c.sla?.[0] ?? null,
        c.sla ? t(c.sla[1]) : null,
        cipher.encrypt('李四'),
        cipher.encrypt('13900000000'),
        cipher.phoneHash('13900000000'),
      ],
    );
    const id: string = rows[0].id;
    ids[name] = id;
    for (const [type, at, data] of events) {
      await db.query(
        `INSERT INTO case_events (case_id, type, actor_name, actor_role, at, from_status, to_status, data) VALUES ($1, $2, 'test', 'system', $3, NULL, 'x', $4::jsonb)`,
        [id, type, t(at), JSON.stringify(data ?? {})],
      );
    }
    for (const [stage, startedAt, deadline, endedAt] of deadlines) {
      await db.query(
        `INSERT INTO case_deadlines (case_id, stage, policy_code, started_at, deadline, warn_at, reason, ended_at) VALUES ($1, $2, 'default', $3, $4, $4, 'test', $5)`,
        [id, stage, t(startedAt), t(deadline), endedAt ? t(endedAt) : null],
      );
    }
    // As appendHistory does for every committed change: ask the worker to re-derive the case's figures.
    const [{ last }] = (
      await db.query<{ last: string | null }>(`SELECT max(id)::text AS last FROM case_events WHERE case_id = $1`, [id])
    ).rows;
    await db.query(
      `INSERT INTO outbox (queue, job_name, job_id, payload) VALUES ('stats', 'project-case-stats', $1, $2::jsonb)`,
      [`project-case-stats.${id}.e${last}`, JSON.stringify({ caseId: id, eventId: last })],
    );
    await db.query(`SELECT pg_notify('hotline_outbox', '')`);
  }

  beforeAll(async () => {
    // A: on time at every stage, satisfied and solved.
    await handBuilt(
      'A',
      { department: 'heating', status: 'closed' },
      [
        ['received', '2020-01-06T08:55:00'],
        ['dispatched', '2020-01-06T09:00:00'],
        ['accepted', '2020-01-06T10:00:00'],
        ['replied', '2020-01-07T10:00:00'],
        ['calledBack', '2020-01-08T09:00:00', { verdict: 'satisfied', solved: true }],
        ['closed', '2020-01-08T09:00:00'],
      ],
      [
        ['accept', '2020-01-06T09:00:00', '2020-01-07T17:30:00', '2020-01-06T10:00:00'],
        ['reply', '2020-01-06T09:00:00', '2020-01-13T17:30:00', '2020-01-07T10:00:00'],
        ['callback', '2020-01-07T10:00:00', '2020-01-08T17:30:00', '2020-01-08T09:00:00'],
      ],
    );
    // B: accepted late; an approved extension moves the reply deadline, met; basically satisfied, not solved.
    await handBuilt(
      'B',
      { department: 'heating', status: 'closed' },
      [
        ['received', '2020-01-06T09:55:00'],
        ['dispatched', '2020-01-06T10:00:00'],
        ['accepted', '2020-01-09T10:00:00'],
        ['extensionRequested', '2020-01-10T10:00:00', { days: 5 }],
        ['extensionApproved', '2020-01-10T11:00:00', { days: 5 }],
        ['replied', '2020-01-17T10:00:00'],
        ['calledBack', '2020-01-17T15:00:00', { verdict: 'basicallySatisfied', solved: false }],
        ['closed', '2020-01-17T15:00:00'],
      ],
      [
        ['accept', '2020-01-06T10:00:00', '2020-01-07T17:30:00', '2020-01-09T10:00:00'],
        ['reply', '2020-01-06T10:00:00', '2020-01-13T17:30:00', '2020-01-10T11:00:00'],
        ['reply', '2020-01-10T11:00:00', '2020-01-20T17:30:00', '2020-01-17T10:00:00'],
        ['callback', '2020-01-17T10:00:00', '2020-01-20T17:30:00', '2020-01-17T15:00:00'],
      ],
    );
    // C: unsatisfied, reopened (重办), replied again after the reopen's deadline, then satisfied and solved.
    await handBuilt(
      'C',
      { department: 'heating', status: 'closed' },
      [
        ['received', '2020-01-07T08:55:00'],
        ['dispatched', '2020-01-07T09:00:00'],
        ['accepted', '2020-01-07T09:30:00'],
        ['replied', '2020-01-08T09:00:00'],
        ['calledBack', '2020-01-08T15:00:00', { verdict: 'unsatisfied', solved: false }],
        ['reopened', '2020-01-08T15:00:00'],
        ['accepted', '2020-01-09T09:00:00'],
        ['replied', '2020-01-14T09:00:00'],
        ['calledBack', '2020-01-14T15:00:00', { verdict: 'satisfied', solved: true }],
        ['closed', '2020-01-14T15:00:00'],
      ],
      [
        ['accept', '2020-01-07T09:00:00', '2020-01-08T17:30:00', '2020-01-07T09:30:00'],
        ['reply', '2020-01-07T09:00:00', '2020-01-14T17:30:00', '2020-01-08T09:00:00'],
        ['callback', '2020-01-08T09:00:00', '2020-01-09T17:30:00', '2020-01-08T15:00:00'],
        ['reply', '2020-01-08T15:00:00', '2020-01-10T17:30:00', '2020-01-14T09:00:00'],
        ['callback', '2020-01-14T09:00:00', '2020-01-15T17:30:00', '2020-01-14T15:00:00'],
      ],
    );
    // D: a duplicate, merged into A after it had been dispatched and accepted: counts as received and merged only.
    await handBuilt(
      'D',
      { department: 'heating', status: 'merged' },
      [
        ['received', '2020-01-06T09:05:00'],
        ['dispatched', '2020-01-06T09:06:00'],
        ['accepted', '2020-01-06T09:30:00'],
        ['merged', '2020-01-06T11:00:00'],
      ],
      [
        ['accept', '2020-01-06T09:06:00', '2020-01-07T17:30:00', '2020-01-06T09:30:00'],
        ['reply', '2020-01-06T09:06:00', '2020-01-13T17:30:00', '2020-01-06T11:00:00'],
      ],
    );
    // E: received at 23:30 on 31 January, everything else in February: a January case. Its callback is overdue now.
    await handBuilt(
      'E',
      { department: 'heating', status: 'replied', sla: ['callback', '2020-02-06T17:30:00'] },
      [
        ['received', '2020-01-31T23:30:00'],
        ['dispatched', '2020-01-31T23:31:00'],
        ['accepted', '2020-02-03T09:00:00'],
        ['replied', '2020-02-05T09:00:00'],
        ['slaWarned', '2020-02-06T15:00:00'],
        ['mergedIn', '2020-02-06T15:10:00', { sourceCaseId: 'someone' }],
      ],
      [
        ['accept', '2020-01-31T23:31:00', '2020-02-04T17:30:00', '2020-02-03T09:00:00'],
        ['reply', '2020-01-31T23:31:00', '2020-02-10T17:30:00', '2020-02-05T09:00:00'],
        ['callback', '2020-02-05T09:00:00', '2020-02-06T17:30:00', null],
      ],
    );
    // F: returned by heating, re-dispatched to housing, never accepted: housing's, returned, overdue now.
    await handBuilt(
      'F',
      { department: 'housing', status: 'dispatched', sla: ['accept', '2020-01-10T17:30:00'] },
      [
        ['received', '2020-01-08T08:55:00'],
        ['dispatched', '2020-01-08T09:00:00'],
        ['returned', '2020-01-08T10:00:00'],
        ['dispatched', '2020-01-09T09:00:00'],
        ['slaBreached', '2020-01-10T17:30:00'],
      ],
      [
        ['accept', '2020-01-08T09:00:00', '2020-01-09T17:30:00', '2020-01-08T10:00:00'],
        ['accept', '2020-01-09T09:00:00', '2020-01-10T17:30:00', null],
      ],
    );
    // G: a consultation answered on the call (no department), then called back satisfied.
    await handBuilt(
      'G',
      { department: null, status: 'closed', kind: 'consultation' },
      [
        ['received', '2020-01-09T10:00:00'],
        ['directAnswered', '2020-01-09T10:05:00'],
        ['calledBack', '2020-01-10T10:00:00', { verdict: 'satisfied', solved: true }],
        ['closed', '2020-01-10T10:00:00'],
      ],
      [['callback', '2020-01-09T10:05:00', '2020-01-10T17:30:00', '2020-01-10T10:00:00']],
    );
    await waitFor(
      async () => {
        const { rows } = await stack.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM stats_case_facts WHERE case_id = ANY($1::uuid[])`,
          [Object.values(ids)],
        );
        return rows[0].n === 7 ? true : undefined;
      },
      20_000,
      'the worker to project the hand-built cases',
    );
  });

  /** A GET whose body is a rates report unless the test names another type. */
  const get = <T = Wire<RatesReport>>(path: string, user = 'supervisor') => stack.client.as<T>(user, 'GET', path);
  const rowOf = (body: Wire<RatesReport>, code: string) => body.rows.find((r) => r.key.code === code);

  it('gives exactly the known counts and rates per department, on the rollup', async () => {
    const r = await get(`/api/v1/stats/rates?groupBy=department&from=${JAN.from}&to=${JAN.to}`);
    expect(r.status).toBe(200);
    expect(r.body.source).toBe('rollup');
    expect(rowOf(r.body, 'heating')).toEqual({
      key: { code: 'heating', name: expect.any(String) as unknown },
      received: 5,
      dispatched: 4,
      acceptedOnTime: 3,
      replied: 4,
      repliedOnTime: 3,
      calledBack: 3,
      satisfied: 3,
      solved: 2,
      returned: 0,
      reopened: 1,
      extended: 1,
      merged: 1,
      directAnswered: 0,
      reviewReturned: 0,
      closed: 3,
      repeatCalled: 0,
      overdueNow: 1,
      responseRate: 0.75,
      completionRate: 1,
      onTimeRate: 0.75,
      satisfactionRate: 1,
      resolutionRate: 2 / 3,
      repeatRate: 0,
    });
    expect(rowOf(r.body, 'housing')).toMatchObject({
      received: 1,
      dispatched: 1,
      acceptedOnTime: 0,
      returned: 1,
      overdueNow: 1,
      responseRate: 0,
      completionRate: 0,
      onTimeRate: null,
      satisfactionRate: null,
    });
    expect(rowOf(r.body, '_none')).toMatchObject({
      received: 1,
      dispatched: 0,
      directAnswered: 1,
      calledBack: 1,
      satisfied: 1,
      solved: 1,
      responseRate: null,
      satisfactionRate: 1,
    });
    expect(r.body.total).toMatchObject({
      received: 7,
      dispatched: 5,
      acceptedOnTime: 3,
      replied: 4,
      repliedOnTime: 3,
      calledBack: 4,
      satisfied: 4,
      solved: 3,
      returned: 1,
      reopened: 1,
      merged: 1,
      overdueNow: 2,
    });
  });

  it('counts a case in the month it was received, not the month it was handled', async () => {
    const feb = await get(`/api/v1/stats/rates?groupBy=department&from=${FEB.from}&to=${FEB.to}`);
    expect(feb.status).toBe(200);
    expect(feb.body.total.received).toBe(0);
    const lastDay = await get(`/api/v1/stats/rates?groupBy=kind&from=2020-01-31T00:00:00%2B08:00&to=${JAN.to}`);
    expect(rowOf(lastDay.body, 'complaint')).toMatchObject({ received: 1, replied: 1, repliedOnTime: 1, acceptedOnTime: 1 });
  });

  it('answers the same from the per-case facts when the filters need them', async () => {
    // A street filter with a department grouping cannot come from the one-dimension rollup.
    const facts = await get(`/api/v1/stats/rates?groupBy=department&street=baiyun&from=${JAN.from}&to=${JAN.to}`);
    const rollup = await get(`/api/v1/stats/rates?groupBy=department&from=${JAN.from}&to=${JAN.to}`);
    expect(facts.body.source).toBe('facts');
    expect(facts.body.rows).toEqual(rollup.body.rows);
    // The same period given off midnight (one second later) also goes to the facts, with the same numbers.
    const shifted = await get(`/api/v1/stats/rates?groupBy=department&from=2020-01-01T00:00:01%2B08:00&to=${JAN.to}`);
    expect(shifted.body.source).toBe('facts');
    expect(shifted.body.rows).toEqual(rollup.body.rows);
  });

  it('drills every figure into exactly the cases behind it', async () => {
    const expected: Record<string, string[]> = {
      received: ['A', 'B', 'C', 'D', 'E'],
      dispatched: ['A', 'B', 'C', 'E'],
      acceptedOnTime: ['A', 'C', 'E'],
      replied: ['A', 'B', 'C', 'E'],
      repliedOnTime: ['A', 'B', 'E'],
      calledBack: ['A', 'B', 'C'],
      satisfied: ['A', 'B', 'C'],
      solved: ['A', 'C'],
      reopened: ['C'],
      extended: ['B'],
      merged: ['D'],
      returned: [],
      overdueNow: ['E'],
    };
    for (const [figure, names] of Object.entries(expected)) {
      const list = await get<Page<CaseBody>>(
        `/api/v1/cases?figure=${figure}&department=heating&from=${JAN.from}&to=${JAN.to}&pageSize=100`,
      );
      expect({ figure, status: list.status, ids: list.body.items.map((c) => c.id).sort() }).toEqual({
        figure,
        status: 200,
        ids: names.map((n) => ids[n]).sort(),
      });
    }
    const none = await get<Page<CaseBody>>(`/api/v1/cases?figure=directAnswered&department=_none&from=${JAN.from}&to=${JAN.to}`);
    expect(none.body.items.map((c) => c.id)).toEqual([ids.G]);
  });

  it('reports handling time in working hours, trends by month and rankings by the default weights', async () => {
    const handling = await get<HandlingTimeBody>(
      `/api/v1/stats/handling-time?groupBy=department&department=heating&from=${JAN.from}&to=${JAN.to}`,
    );
    expect(handling.status).toBe(200);
    // A: Mon 09:00 → Tue 10:00 = 3 + 4.5 + 1.5 = 9 working hours; the others are longer.
    expect(handling.body.rows[0]).toMatchObject({ key: { code: 'heating' }, replied: 4 });
    expect(handling.body.rows[0].medianHours).toBeGreaterThanOrEqual(9);

    const trends = await get<{ series: unknown }>(
      `/api/v1/stats/trends?interval=month&from=2019-12-01T00:00:00%2B08:00&to=${FEB.to}&department=heating`,
    );
    expect(trends.status).toBe(200);
    expect(trends.body.series).toEqual([
      expect.objectContaining({ period: '2020-01-01', received: 5, responseRate: 0.75, change: null }),
    ]);

    const ranking = await get<RankingBody>(`/api/v1/stats/rankings?by=department&from=${JAN.from}&to=${JAN.to}`);
    expect(ranking.status).toBe(200);
    expect(ranking.body.rows.map((r) => [r.rank, r.key.code])).toEqual([
      [1, 'heating'],
      [2, 'housing'],
    ]);
    // Default weights: response, satisfaction and resolution equally (三率).
    expect(ranking.body.rows[0].score).toBeCloseTo((0.75 + 1 + 2 / 3) / 3, 10);
    expect(ranking.body.rows[1].score).toBe(0);
  });
});
