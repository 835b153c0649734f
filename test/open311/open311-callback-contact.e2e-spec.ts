import { routingDone, useStack, waitFor, type CaseBody } from '@hotline/testing';
import { open311 } from './open311-client';

interface Facts {
  closed: boolean;
  called_back: boolean;
  satisfied: boolean;
}

/**
 * Open311 reports that leave no phone (issue 17): the supervisor sees how the callback (回访) can go —
 * by the report's e-mail, or not at all — and the figures (libs/stats) count them accordingly: an
 * e-mail callback is a callback; a case closed because the citizen left no way to be reached is closed,
 * not called back, so it is in no satisfaction or resolution denominator and never a missed callback.
 */
describe('the callback of an Open311 report without a phone', () => {
  const stack = useStack({ overrides: { PUBLIC_RATE_PER_ADDRESS: '100000' } });
  const report = (overrides: Record<string, string> = {}) => ({
    api_key: 'demo-open311-key',
    service_code: 'heating.no-heat',
    lat: '38.908793',
    long: '121.602056',
    'attribute[room_temperature]': '13',
    first_name: 'Resident',
    description: '暖气不热，家里只有13度',
    ...overrides,
  });

  /** Submits, lets the router send it to the heating office, which accepts and replies: the callback stage. */
  const repliedCase = async (form: Record<string, string>) => {
    const r = await open311<Array<{ token: string }>>(stack.api.url, 'POST', 'requests.json', form);
    expect(r.status).toBe(201);
    const { rows } = await stack.db.query<{ id: string }>('SELECT case_id AS id FROM open311_requests WHERE token = $1', [
      r.data[0].token,
    ]);
    const id = rows[0].id;
    await routingDone(id);
    expect((await stack.client.as('staff-heating', 'POST', `/api/v1/cases/${id}/accept`, {})).status).toBe(200);
    expect((await stack.client.as('staff-heating', 'POST', `/api/v1/cases/${id}/reply`, { result: '已修复阀门' })).status).toBe(
      200,
    );
    return id;
  };
  const factsOnceClosed = (id: string) =>
    waitFor(async () => {
      const { rows } = await stack.db.query<Facts>(
        'SELECT closed, called_back, satisfied FROM stats_case_facts WHERE case_id = $1 AND closed',
        [id],
      );
      return rows[0];
    });

  it('no phone, no e-mail: the supervisor sees "no callback", closes it, and it counts as closed, not called back', async () => {
    const id = await repliedCase(report());
    const seen = await stack.client.as<CaseBody & { caller: { phone: null; callbackBy: string } }>(
      'supervisor',
      'GET',
      `/api/v1/cases/${id}`,
    );
    expect(seen.body.caller).toMatchObject({ phone: null, callbackBy: 'none' });
    const closed = await stack.client.as<CaseBody>('supervisor', 'POST', `/api/v1/cases/${id}/close`, {
      reason: '市民未留电话和邮箱，无法回访',
    });
    expect(closed.status).toBe(200);
    expect(await factsOnceClosed(id)).toEqual({ closed: true, called_back: false, satisfied: false });
  });

  it('an e-mail and no phone: the supervisor calls back by e-mail, and it counts as a callback', async () => {
    const id = await repliedCase(report({ email: 'resident@example.com' }));
    const seen = await stack.client.as<CaseBody & { caller: { phone: null; callbackBy: string } }>(
      'supervisor',
      'GET',
      `/api/v1/cases/${id}`,
    );
    expect(seen.body.caller).toMatchObject({ phone: null, callbackBy: 'email' });
    const called = await stack.client.as<CaseBody>('supervisor', 'POST', `/api/v1/cases/${id}/callback`, {
      satisfaction: 'satisfied',
      solved: true,
      note: '邮件回访：市民回复满意',
    });
    expect(called.status).toBe(200);
    expect(await factsOnceClosed(id)).toEqual({ closed: true, called_back: true, satisfied: true });
  });

  it('a phone: the callback goes by phone as for any call', async () => {
    const r = await open311<Array<{ token: string }>>(stack.api.url, 'POST', 'requests.json', report({ phone: '13912345670' }));
    const { rows } = await stack.db.query<{ id: string }>('SELECT case_id AS id FROM open311_requests WHERE token = $1', [
      r.data[0].token,
    ]);
    const seen = await stack.client.as<CaseBody & { caller: { callbackBy: string } }>(
      'supervisor',
      'GET',
      `/api/v1/cases/${rows[0].id}`,
    );
    expect(seen.body.caller.callbackBy).toBe('phone');
  });
});
