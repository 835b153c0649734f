import { heatingComplaint, useStack, waitFor, type CaseBody, type Page } from '@hotline/testing';

/** `GET /api/v1/cases?sla=warning|overdue` lists the cases whose running stage is past its warning time / deadline. */
describe('SLA filter on the inbox', () => {
  const stack = useStack();

  const dispatchedCase = async (title: string) => {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', heatingComplaint({ title }));
    return waitFor(
      async () => {
        const r = await stack.client.as<CaseBody>('operator', 'GET', `/api/v1/cases/${created.body.id}`);
        return r.body.sla?.deadline ? r.body : undefined;
      },
      30_000,
      'dispatch with an accept deadline',
    );
  };

  it('separates normal, warning and overdue cases and agrees with each case’s sla.state', async () => {
    const normal = await dispatchedCase('时限正常');
    const warning = await dispatchedCase('时限预警');
    const overdue = await dispatchedCase('时限超期');
    // Move the running stage of two cases as if time had passed (the deadlines themselves are tested elsewhere).
    await stack.db.query(
      `UPDATE cases SET sla_warn_at = now() - interval '1 minute', sla_deadline = now() + interval '1 hour' WHERE id = $1`,
      [warning.id],
    );
    await stack.db.query(
      `UPDATE cases SET sla_warn_at = now() - interval '2 hours', sla_deadline = now() - interval '1 minute' WHERE id = $1`,
      [overdue.id],
    );

    const ids = async (sla: string) =>
      (await stack.client.as<Page<CaseBody>>('staff-heating', 'GET', `/api/v1/cases?sla=${sla}&pageSize=100`)).body.items.map(
        (c) => c.id,
      );
    const warnings = await ids('warning');
    const overdues = await ids('overdue');
    expect(warnings).toContain(warning.id);
    expect(warnings).not.toContain(overdue.id);
    expect(warnings).not.toContain(normal.id);
    expect(overdues).toContain(overdue.id);
    expect(overdues).not.toContain(warning.id);
    expect(overdues).not.toContain(normal.id);

    expect((await stack.client.as<CaseBody>('operator', 'GET', `/api/v1/cases/${normal.id}`)).body.sla.state).toBe('normal');
    expect((await stack.client.as<CaseBody>('operator', 'GET', `/api/v1/cases/${warning.id}`)).body.sla.state).toBe('warning');
    expect((await stack.client.as<CaseBody>('operator', 'GET', `/api/v1/cases/${overdue.id}`)).body.sla.state).toBe('overdue');
    expect((await stack.client.as('operator', 'GET', '/api/v1/cases?sla=late')).status).toBe(400);
  });
});
