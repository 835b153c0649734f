import { randomBytes } from 'node:crypto';
import { hashPassword } from '@hotline/auth';
import { useStack } from '@hotline/testing';
import { ACCESS_TABLE, SAMPLE_REQUESTS } from './access-table';

/** The throttler's default for routes without their own @Throttle (PUBLIC_THROTTLE_PER_MINUTE, 600 in production). */
const DEFAULT_LIMIT_PER_MINUTE = 600;
/**
 * A lower default for the suite that must reach it: 601 requests to /health need more than the
 * minute's window on a loaded machine, and the window would roll over before the limit is reached.
 */
const TEST_LIMIT_PER_MINUTE = 30;

describe('rate limits on sign-in and the public endpoints', () => {
  const stack = useStack({ worker: false, overrides: { PUBLIC_THROTTLE_PER_MINUTE: String(TEST_LIMIT_PER_MINUTE) } });

  it('answers 429 to the eleventh sign-in within a minute from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await stack.client.request('POST', '/api/v1/auth/login', { body: { username: `nobody-${i}`, password: 'wrong-password' } })).status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    const refused = await stack.client.request('POST', '/api/v1/auth/login', { body: { username: 'operator', password: 'hotline365' } });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ statusCode: 429, error: 'TooManyRequests', message: expect.any(String), details: [] });
  });

  it('limits every other public endpoint too', async () => {
    const publicRoutes = Object.entries(ACCESS_TABLE).filter(([key, rule]) => rule.public && key !== 'POST /api/v1/auth/login');
    expect(publicRoutes.length).toBeGreaterThan(0);
    for (const [key] of publicRoutes) {
      const [method, path] = key.split(' ');
      const sample = SAMPLE_REQUESTS[key] ?? {};
      let limited = false;
      for (let i = 0; i <= TEST_LIMIT_PER_MINUTE && !limited; i++) {
        const r = await stack.client.request(method, sample.query ? `${path}?${sample.query}` : path, {
          body: sample.body?.({ caseId: '', otherCaseId: '', staffUserId: '', extensionRequestId: '' }),
        });
        limited = r.status === 429;
      }
      expect({ key, limited }).toEqual({ key, limited: true });
    }
  }, 120_000);
});

describe('no rate limit on signed-in staff', () => {
  // Its own app: the sign-in limit used up above would refuse this suite's sign-in.
  const stack = useStack({ worker: false });

  it('does not limit signed-in staff: a surge of requests from one address is all answered', async () => {
    const token = await stack.client.token('operator');
    const statuses = new Set<number>();
    for (let i = 0; i <= DEFAULT_LIMIT_PER_MINUTE; i++) statuses.add((await stack.client.request('GET', '/api/v1/departments', { token })).status);
    expect([...statuses]).toEqual([200]);
  }, 120_000);
});

describe('lock-out after repeated failed sign-ins', () => {
  const stack = useStack({ worker: false });

  it('locks the account after five wrong passwords: even the right one is refused, and it is recorded', async () => {
    const username = `lockout-${randomBytes(4).toString('hex')}`;
    const password = 'the-right-password-1';
    await stack.db.query(`INSERT INTO users (username, password_hash, display_name, role) VALUES ($1, $2, '锁定测试', 'operator')`, [
      username,
      await hashPassword(password),
    ]);
    const login = (pw: string) => stack.client.request('POST', '/api/v1/auth/login', { body: { username, password: pw } });

    expect((await login(password)).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const wrong = await login(`wrong-${i}`);
      expect({ attempt: i + 1, status: wrong.status, error: wrong.body.error }).toEqual({ attempt: i + 1, status: 401, error: 'LoginFailed' });
    }
    const locked = await login(password);
    expect(locked.status).toBe(401);
    expect(locked.body.error).toBe('AccountLocked');
    const { rows } = await stack.db.query(`SELECT failed_logins, locked_until > now() + interval '10 minutes' AS "lockedLong" FROM users WHERE username = $1`, [username]);
    expect(rows[0]).toEqual({ failed_logins: 5, lockedLong: true });

    // The lock lapses: once its time is past, the right password works and the count starts again.
    await stack.db.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE username = $1`, [username]);
    expect((await login(password)).status).toBe(200);
    expect((await stack.db.query(`SELECT failed_logins FROM users WHERE username = $1`, [username])).rows[0].failed_logins).toBe(0);
  });
});
