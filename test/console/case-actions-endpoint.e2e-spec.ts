import { ManualClock } from '@hotline/clock';
import { heatingComplaint, uniquePhone, useStack, waitFor, type CaseBody, type Page } from '@hotline/testing';

/** What the console's buttons rest on: GET /cases/{id}/actions and the working time left on every case. */
describe('GET /api/v1/cases/{id}/actions and sla.workingMinutesLeft', () => {
  // A fixed business time, a Tuesday morning in office hours: the working time left depends on the time of
  // day (a case dispatched before opening has the whole day ahead of it), so the test must not take the
  // machine's.
  const clock = new ManualClock();
  clock.set(new Date('2026-11-24T10:00:00+08:00'));
  const stack = useStack({ clock });

  async function dispatchedCase(): Promise<string> {
    const created = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ callerPhone: uniquePhone() }),
    );
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    await waitFor(
      async () =>
        (await stack.db.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [id])).rows[0].status === 'dispatched'
          ? true
          : undefined,
      30_000,
      'dispatch',
    );
    return id;
  }
  const actionsOf = async (user: string, id: string) =>
    stack.client.as<{ actions: string[] }>(user, 'GET', `/api/v1/cases/${id}/actions`);

  it('offers each user exactly what the state machine lets them do now, and the API accepts it', async () => {
    const id = await dispatchedCase();
    const staff = await actionsOf('staff-heating', id);
    expect(staff.status).toBe(200);
    expect(staff.body.actions).toEqual(expect.arrayContaining(['accept', 'return']));
    expect(staff.body.actions).not.toContain('reply');
    // The refused action really is refused, the offered one really is accepted.
    expect((await stack.client.as('staff-heating', 'POST', `/api/v1/cases/${id}/reply`, { result: '已处理' })).status).toBe(409);
    expect((await stack.client.as('staff-heating', 'POST', `/api/v1/cases/${id}/accept`, {})).status).toBe(200);

    const afterAccept = await actionsOf('staff-heating', id);
    expect(afterAccept.body.actions).toEqual(expect.arrayContaining(['reply', 'progress', 'requestExtension']));
    expect(afterAccept.body.actions).not.toContain('accept');

    const supervisor = await actionsOf('supervisor', id);
    expect(supervisor.body.actions).toEqual(expect.arrayContaining(['supervise', 'urge']));
    expect(supervisor.body.actions).not.toContain('reply');
  });

  it('tells another department nothing: 403, as for the case itself', async () => {
    const id = await dispatchedCase();
    const other = await actionsOf('staff-market', id);
    expect(other.status).toBe(403);
    expect((await stack.client.as('staff-market', 'GET', `/api/v1/cases/${id}`)).status).toBe(403);
  });

  it('gives the working time left to the running deadline, counted on the district calendar', async () => {
    const id = await dispatchedCase();
    const view = await stack.client.as<CaseBody>('staff-heating', 'GET', `/api/v1/cases/${id}`);
    expect(view.body.sla.stage).toBe('accept');
    const left = view.body.sla.workingMinutesLeft!;
    // The accept stage allows one working day from the next day's midnight: Thursday 08:30. Left on
    // Tuesday 10:00: the rest of Tuesday's office hours (6.5 h) and Wednesday's (8 h).
    expect(view.body.sla.deadline).toBe('2026-11-26T08:30:00.000+08:00');
    expect(left).toBe(14.5 * 60);
    const listed = await stack.client.as<Page<CaseBody>>('staff-heating', 'GET', '/api/v1/cases?status=dispatched&pageSize=100');
    expect(listed.body.items.find((c: { id: string }) => c.id === id)!.sla.workingMinutesLeft).toBe(left);
  });
});
