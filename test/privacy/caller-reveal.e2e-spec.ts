import { heatingComplaint, uniquePhone, useStack, type CaseBody, type ErrorBody } from '@hotline/testing';

/**
 * A reveal of the caller (先行联系): department staff see the caller masked and may ask for them in full
 * with a reason; each reveal writes an audit row (who, which case, why; not the data), a missing reason
 * is 400, a confidential case (举报) is 403 with no audit row, and a case of another department is 403.
 */
describe('revealing a case’s caller', () => {
  const stack = useStack({ worker: false });
  const phone = uniquePhone();
  const name = `揭${phone.slice(-3)}`;

  const logged = async (overrides: Record<string, unknown> = {}) => {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', {
      ...heatingComplaint({ callerName: name, callerPhone: phone }),
      ...overrides,
    });
    expect(created.status).toBe(201);
    const dispatched = await stack.client.as('dispatcher', 'POST', `/api/v1/cases/${created.body.id}/dispatch`, {
      leadDepartmentCode: 'heating',
    });
    expect(dispatched.status).toBe(200);
    return created.body;
  };
  const reveals = async (caseId: string) =>
    (
      await stack.db.query<{ actor_username: string; action: string; after: Record<string, unknown> }>(
        `SELECT actor_username, action, after FROM audit_log WHERE entity = 'caseCaller' AND entity_id = $1 ORDER BY id`,
        [caseId],
      )
    ).rows;

  it('answers the caller in full to department staff with a reason, and audits it', async () => {
    const c = await logged();
    const seen = await stack.client.as<CaseBody & { caller: { phone: string } }>('staff-heating', 'GET', `/api/v1/cases/${c.id}`);
    expect(seen.body.caller.phone).not.toBe(phone);

    const missing = await stack.client.as<ErrorBody>('staff-heating', 'POST', `/api/v1/cases/${c.id}/reveal`, {});
    expect(missing.status).toBe(400);
    expect(await reveals(c.id)).toEqual([]);

    const revealed = await stack.client.as<{ caseNo: string; name: string; phone: string }>(
      'staff-heating',
      'POST',
      `/api/v1/cases/${c.id}/reveal`,
      { reason: '先行联系市民核实现场' },
    );
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ caseNo: c.caseNo, name, phone });
    expect(await reveals(c.id)).toEqual([
      {
        actor_username: 'staff-heating',
        action: 'reveal',
        after: { caseNo: c.caseNo, fields: ['name', 'phone'], reason: '先行联系市民核实现场', visibility: 'masked' },
      },
    ]);
    // The audit row names what was revealed, never the data itself.
    const raw = await stack.db.query<{ text: string }>(
      `SELECT after::text AS text FROM audit_log WHERE entity = 'caseCaller' AND entity_id = $1`,
      [c.id],
    );
    expect(raw.rows[0].text).not.toContain(phone);
  });

  it('refuses a confidential case (举报) outside the centre, and another department’s case, with nothing audited', async () => {
    const report = await logged({ kind: 'report', confidential: true });
    const refused = await stack.client.as<ErrorBody>('staff-heating', 'POST', `/api/v1/cases/${report.id}/reveal`, {
      reason: '先行联系',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('CallerConfidential');

    const ordinary = await logged();
    const elsewhere = await stack.client.as<ErrorBody>('staff-civil', 'POST', `/api/v1/cases/${ordinary.id}/reveal`, {
      reason: '先行联系',
    });
    expect(elsewhere.status).toBe(403);
    expect([...(await reveals(report.id)), ...(await reveals(ordinary.id))]).toEqual([]);
  });
});
