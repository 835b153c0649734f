import { useStack, type ErrorBody } from '@hotline/testing';

/**
 * The idle time-out (等保 2.0): a setting admins change (audited); the server itself refuses a session
 * idle longer than it (401 SessionIdle, for any client) and the session stays ended; activity keeps a
 * session alive. The setting is put back at the end so other suites keep the default.
 */
describe('Idle time-out', () => {
  // Before the stack (afterAll hooks run in declaration order): the setting is put back while the API still runs.
  afterAll(async () => {
    // The admin's cached session went idle during the wait: sign in afresh.
    stack.client.forget('admin');
    expect((await put(original)).status).toBe(200);
  });
  const stack = useStack({ worker: false });
  const put = (seconds: number) =>
    stack.client.as<{ idleTimeoutSeconds: number } & ErrorBody>('admin', 'PUT', '/api/v1/settings/security', {
      idleTimeoutSeconds: seconds,
    });
  let original = 1800;

  beforeAll(async () => {
    original = (await stack.client.as<{ idleTimeoutSeconds: number }>('admin', 'GET', '/api/v1/settings/security')).body
      .idleTimeoutSeconds;
  });

  it('refuses an out-of-bounds setting (400) and records a change in the audit trail', async () => {
    expect((await put(5)).status).toBe(400);
    const changed = await put(12);
    expect(changed.status).toBe(200);
    expect(changed.body.idleTimeoutSeconds).toBe(12);
    const audit = await stack.db.query<{ actor_username: string; after: unknown }>(
      `SELECT actor_username, after FROM audit_log WHERE entity = 'securitySettings' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows[0]).toEqual({ actor_username: 'admin', after: { idleTimeoutSeconds: 12 } });
  });

  it('ends a session idle longer than the setting, and only that one', async () => {
    const signIn = async () =>
      (
        await stack.client.request<{ accessToken: string }>('POST', '/api/v1/auth/login', {
          body: { username: 'operator', password: 'hotline365' },
        })
      ).body.accessToken;
    const idle = await signIn();
    const busy = await signIn();
    expect((await stack.client.request('GET', '/api/v1/auth/me', { token: idle })).status).toBe(200);
    // The behaviour is about time passing: the busy session asks every 3 s, the idle one not at all.
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      expect((await stack.client.request('GET', '/api/v1/auth/me', { token: busy })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    const refused = await stack.client.request<ErrorBody>('GET', '/api/v1/auth/me', { token: idle });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('SessionIdle');
    // Ended for good, not merely paused.
    expect((await stack.client.request<ErrorBody>('GET', '/api/v1/auth/me', { token: idle })).status).toBe(401);
    expect((await stack.client.request('GET', '/api/v1/auth/me', { token: busy })).status).toBe(200);
  });
});
