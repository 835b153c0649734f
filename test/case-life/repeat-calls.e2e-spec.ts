import { ManualClock } from '@hotline/clock';
import { neighbourhoodDispute, useStack, waitFor, type CaseBody, type ErrorBody, type TestStack } from '@hotline/testing';

/** Helpers over one stack: a closed case, actions, and the case as stored. */
function helpers(stack: TestStack) {
  const act = <T = CaseBody>(user: string, id: string, action: string, body: unknown = {}) =>
    stack.client.as<T>(user, 'POST', `/api/v1/cases/${id}/${action}`, body);
  const state = async (id: string) => {
    const row = (
      await stack.db.query<{ status: string; version: number; reopens_count: number }>(
        `SELECT status, version, reopens_count FROM cases WHERE id = $1`,
        [id],
      )
    ).rows[0];
    const events = (
      await stack.db.query<{ type: string; note: string | null; data: Record<string, unknown> }>(
        `SELECT type, note, data FROM case_events WHERE case_id = $1 ORDER BY id`,
        [id],
      )
    ).rows;
    return { ...row, events };
  };
  const casesTitled = async (title: string) =>
    Number((await stack.db.query<{ n: string }>(`SELECT count(*) AS n FROM cases WHERE title = $1`, [title])).rows[0].n);
  /** A case handled by civil and closed after a satisfied callback. */
  async function closedCase(): Promise<string> {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', neighbourhoodDispute());
    const id = created.body.id;
    for (const [user, action, body] of [
      ['dispatcher', 'dispatch', { leadDepartmentCode: 'civil' }],
      ['staff-civil', 'accept', {}],
      ['staff-civil', 'reply', { result: '已调解' }],
      ['supervisor', 'callback', { satisfaction: 'satisfied', solved: true }],
    ] as const) {
      const r = await act(user, id, action, body);
      if (r.status !== 200) throw new Error(`${user} ${action}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    expect((await state(id)).status).toBe('closed');
    return id;
  }
  return { act, state, casesTitled, closedCase };
}

describe('a citizen calls again about a closed case (重办 / follow-up)', () => {
  const stack = useStack();

  it('reopens the closed case with the new call on it; refusals change nothing', async () => {
    const { act, state, closedCase } = helpers(stack);
    const id = await closedCase();
    const actions = async (user: string) =>
      (await stack.client.as<{ actions: string[] }>(user, 'GET', `/api/v1/cases/${id}/actions`)).body.actions;
    expect(await actions('operator')).toEqual(expect.arrayContaining(['reopen', 'followUp']));
    expect(await actions('supervisor')).toEqual(expect.arrayContaining(['reopen', 'followUp']));
    expect(await actions('staff-civil')).toEqual([]);

    const before = await state(id);
    for (const [user, body, status] of [
      ['operator', {}, 400],
      ['operator', { note: '  ' }, 400],
      ['staff-civil', { note: '市民再次来电' }, 403],
      ['dispatcher', { note: '市民再次来电' }, 403],
    ] as const) {
      expect({ user, status: (await act<ErrorBody>(user, id, 'reopen', body)).status }).toEqual({ user, status });
    }
    expect(await state(id)).toEqual(before);

    const reopened = await act('operator', id, 'reopen', { note: '市民再次来电：邻居仍在夜间施工' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('reopened');
    const after = await state(id);
    expect(after.reopens_count).toBe(1);
    expect(after.events.at(-1)).toMatchObject({
      type: 'reopened',
      note: '市民再次来电：邻居仍在夜间施工',
      data: expect.objectContaining({ cause: 'repeatCall' }) as unknown,
    });
    const told = await stack.db.query<{ title: string }>(
      `SELECT title FROM notifications WHERE case_id = $1 AND type = 'caseReopened'`,
      [id],
    );
    expect(told.rows.map((r) => r.title)).toEqual([expect.stringContaining('再次来电')]);
    const sla = await stack.db.query(`SELECT sla_stage FROM cases WHERE id = $1`, [id]);
    expect(sla.rows[0]).toEqual({ sla_stage: 'reply' });
    // A reopened case is not closed: a second reopen is refused; the department takes it up again.
    expect((await act('operator', id, 'reopen', { note: '又来电' })).status).toBe(409);
    expect((await act('staff-civil', id, 'accept')).body.status).toBe('accepted');

    await waitFor(
      async () => {
        const f = (await stack.db.query(`SELECT repeat_called, closed FROM stats_case_facts WHERE case_id = $1`, [id]))
          .rows[0] as { repeat_called: boolean; closed: boolean } | undefined;
        return f?.repeat_called && f.closed ? f : undefined;
      },
      30_000,
      'the repeat call in the statistics',
    );
  });

  it('takes a follow-up case linked to the closed one, and refuses one with nothing created', async () => {
    const { state, casesTitled, closedCase } = helpers(stack);
    const original = await closedCase();
    const before = await state(original);
    const title = `跟进件 ${original}`;
    const followUp = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      neighbourhoodDispute({ title, followUpOf: original }),
    );
    expect(followUp.status).toBe(201);
    const link = await stack.db.query(`SELECT follow_up_of_id FROM cases WHERE id = $1`, [followUp.body.id]);
    expect(link.rows[0]).toEqual({ follow_up_of_id: original });
    const originalNo = (await stack.client.as<CaseBody>('operator', 'GET', `/api/v1/cases/${original}`)).body.caseNo;
    expect(followUp.body.followUpOf).toEqual({ id: original, caseNo: originalNo });
    const after = await state(original);
    expect(after.status).toBe('closed');
    expect(after.version).toBe(before.version + 1);
    expect(after.events.at(-1)).toMatchObject({
      type: 'followedUp',
      data: { followUpCaseId: followUp.body.id, followUpCaseNo: followUp.body.caseNo },
    });

    // An open case, an unknown one, or a role that may not take a follow-up: refused, no case created.
    const open = (await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', neighbourhoodDispute())).body.id;
    const refusedTitle = `拒绝的跟进件 ${original}`;
    for (const [user, followUpOf, status] of [
      ['operator', open, 409],
      ['operator', '8d6c3c1e-1111-4111-8111-111111111111', 400],
      ['operator', 'not-a-uuid', 400],
      ['gridWorker', original, 403],
    ] as const) {
      const username = user === 'gridWorker' ? 'grid' : user;
      const r = await stack.client.as<ErrorBody>(
        username,
        'POST',
        '/api/v1/cases',
        neighbourhoodDispute({ title: refusedTitle, followUpOf }),
      );
      expect({ followUpOf, status: r.status }).toEqual({ followUpOf, status });
    }
    expect(await casesTitled(refusedTitle)).toBe(0);
    expect(await state(original)).toEqual(after);

    await waitFor(
      async () => {
        const f = (await stack.db.query(`SELECT repeat_called FROM stats_case_facts WHERE case_id = $1`, [original])).rows[0] as
          { repeat_called: boolean } | undefined;
        return f?.repeat_called ? f : undefined;
      },
      30_000,
      'the follow-up in the statistics',
    );
    const rates = await stack.client.as<{ total: { repeatCalled: number; closed: number; repeatRate: number | null } }>(
      'supervisor',
      'GET',
      '/api/v1/stats/rates?groupBy=department',
    );
    expect(rates.status).toBe(200);
    expect(rates.body.total.repeatCalled).toBeGreaterThanOrEqual(1);
    expect(rates.body.total.repeatRate).toBeCloseTo(rates.body.total.repeatCalled / rates.body.total.closed, 10);
  });

  it('refuses to reopen a directly answered case: no department to send it to', async () => {
    const { act, state } = helpers(stack);
    const answered = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      neighbourhoodDispute({ kind: 'consultation', directAnswer: '可向社区调解委员会申请调解' }),
    );
    expect(answered.status).toBe(201);
    const id = answered.body.id;
    expect((await act('supervisor', id, 'callback', { satisfaction: 'satisfied', solved: true })).body.status).toBe('closed');
    const before = await state(id);
    const refused = await act<ErrorBody>('operator', id, 'reopen', { note: '再次来电' });
    expect(refused.status).toBe(409);
    expect(await state(id)).toEqual(before);
  });
});

describe('the repeat-call window', () => {
  const clock = new ManualClock();
  // No worker: moving the business clock must not let this suite's SLA sweep judge other suites' cases.
  const stack = useStack({ clock, worker: false });

  it('refuses a reopen and a follow-up once the window (30 calendar days) has passed, with nothing changed', async () => {
    const { act, state, casesTitled, closedCase } = helpers(stack);
    const id = await closedCase();
    clock.advance(29 * 86_400_000);
    expect((await stack.client.as<{ actions: string[] }>('operator', 'GET', `/api/v1/cases/${id}/actions`)).body.actions).toEqual(
      expect.arrayContaining(['reopen', 'followUp']),
    );
    clock.advance(2 * 86_400_000);
    const before = await state(id);
    const reopen = await act<ErrorBody>('operator', id, 'reopen', { note: '一个月后再次来电' });
    expect(reopen.status).toBe(409);
    expect(reopen.body.message).toContain('repeat-call window');
    const title = `窗口外的跟进件 ${id}`;
    const followUp = await stack.client.as('operator', 'POST', '/api/v1/cases', neighbourhoodDispute({ title, followUpOf: id }));
    expect(followUp.status).toBe(409);
    expect(await casesTitled(title)).toBe(0);
    expect(await state(id)).toEqual(before);
    expect((await stack.client.as<{ actions: string[] }>('operator', 'GET', `/api/v1/cases/${id}/actions`)).body.actions).toEqual(
      [],
    );
  });
});
