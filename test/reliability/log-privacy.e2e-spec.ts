import { heatingComplaint, uniquePhone, useStack, waitFor, type CaseBody } from '@hotline/testing';

/**
 * No personal data in the logs: the API's and the worker's pino output (at debug level, the most they
 * ever write) is captured while a caller's case goes through intake, lookups, errors and dispatch, then
 * searched for the caller's phone number, name and the credentials used.
 */
describe('logs carry no personal data', () => {
  const lines: string[] = [];
  const stack = useStack({ overrides: { LOG_LEVEL: 'debug' }, logSink: { write: (line) => lines.push(line) } });

  it('never writes the test callers’ phone numbers or names, nor passwords or tokens', async () => {
    const phone = uniquePhone();
    const name = `隐私测试${phone.slice(-4)}`;
    const landline = `0411-8${phone.slice(-7)}`;
    const created = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ callerName: name, callerPhone: phone }),
    );
    expect(created.status).toBe(201);
    await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ callerName: name, callerPhone: landline, confidential: true }),
    );
    await waitFor(
      async () => {
        const r = await stack.client.as<CaseBody>('operator', 'GET', `/api/v1/cases/${created.body.id}`);
        return r.body.status === 'dispatched' ? true : undefined;
      },
      10_000,
      'dispatch',
    );

    // Reads, lookups and refusals that carry the personal data in the path, the query or the body.
    expect((await stack.client.as('operator', 'GET', `/api/v1/callers/${phone}/cases`)).status).toBe(200);
    expect((await stack.client.as('staff-heating', 'GET', `/api/v1/callers/${phone}/cases`)).status).toBe(403);
    expect((await stack.client.as('operator', 'GET', `/api/v1/cases?text=${encodeURIComponent(name)}`)).status).toBe(200);
    expect(
      (
        await stack.client.as<CaseBody>(
          'operator',
          'POST',
          '/api/v1/cases',
          heatingComplaint({ callerName: name, callerPhone: `${phone}999` }),
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await stack.client.as<CaseBody>(
          'operator',
          'POST',
          '/api/v1/cases',
          heatingComplaint({ callerName: name, callerPhone: phone, extra: phone }),
        )
      ).status,
    ).toBe(400);
    expect(
      (await stack.client.request('POST', '/api/v1/auth/login', { body: { username: 'operator', password: phone } })).status,
    ).toBe(401);
    const token = await stack.client.token('supervisor');

    const output = lines.join('');
    // The capture works: requests and the worker's dispatch are in it, with the case id.
    expect(output).toContain('/api/v1/cases');
    expect(output).toContain('case dispatched by rule');
    expect(output).toContain(created.body.id);
    for (const secret of [
      phone,
      phone.slice(-8),
      landline,
      landline.replace('-', ''),
      name,
      encodeURIComponent(name),
      'hotline365',
      token,
    ]) {
      expect({ secret, found: output.includes(secret) }).toEqual({ secret, found: false });
    }
  });
});
