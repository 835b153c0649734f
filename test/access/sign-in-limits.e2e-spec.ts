import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '@hotline/auth';
import { auditedSql, useStack } from '@hotline/testing';
import type { ErrorBody, TestStack } from '@hotline/testing';
import { ACCESS_TABLE, SAMPLE_REQUESTS } from './access-table';

/**
 * The throttler's default for routes without their own limit is PUBLIC_THROTTLE_PER_MINUTE (600 unless
 * set); this suite lowers it, since 601 requests to /health can take more than the minute's window on a
 * loaded machine and the window would roll over before the limit is reached. Above the sign-in test's
 * own count of requests, so that only the sign-in limit answers there.
 */
const TEST_LIMIT_PER_MINUTE = 60;

async function newUsers(stack: TestStack, count: number, password: string, prefix = 'signin'): Promise<string[]> {
  const hash = await hashPassword(password);
  const names = Array.from({ length: count }, (_, i) => `${prefix}-${randomBytes(4).toString('hex')}-${i}`);
  await auditedSql(
    stack.db,
    'user',
    `INSERT INTO users (username, password_hash, display_name, role) SELECT name, $2, '登录测试', 'operator' FROM unnest($1::text[]) AS name
     RETURNING id::text AS key`,
    [names, hash],
  );
  return names;
}

const login = (stack: TestStack, username: string, password: string, from?: string) =>
  stack.client.request<ErrorBody>('POST', '/api/v1/auth/login', {
    body: { username, password },
    headers: from ? { 'x-forwarded-for': from } : {},
  });

describe('sign-in limit per address (no proxy trusted)', () => {
  const LIMIT = 35;
  const stack = useStack({
    worker: false,
    overrides: { SIGN_IN_PER_ADDRESS_PER_MINUTE: String(LIMIT), PUBLIC_THROTTLE_PER_MINUTE: String(TEST_LIMIT_PER_MINUTE) },
  });

  it('lets 30 operators behind one NAT address sign in within a minute; the configured limit then answers 429', async () => {
    const password = 'shift-change-0800';
    const operators = await newUsers(stack, 30, password, 'shift');
    const statuses = await Promise.all(operators.map(async (name) => (await login(stack, name, password)).status));
    expect(statuses).toEqual(Array<number>(30).fill(200));

    const more: number[] = [];
    for (let i = 0; i < LIMIT - 30 + 1; i++) more.push((await login(stack, `nobody-${i}`, 'wrong-password')).status);
    expect(more).toEqual([...Array<number>(LIMIT - 30).fill(401), 429]);
    const refused = await login(stack, operators[0], password);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'TooManyRequests',
      message: expect.any(String) as unknown,
      details: [],
    });
    // Without TRUST_PROXY an X-Forwarded-For header is not believed: a client cannot pick a fresh address.
    expect((await login(stack, operators[0], password, '198.51.100.77')).status).toBe(429);
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

describe('behind a trusted reverse proxy (TRUST_PROXY=loopback)', () => {
  const stack = useStack({ worker: false, overrides: { TRUST_PROXY: 'loopback', SIGN_IN_PER_ADDRESS_PER_MINUTE: '3' } });

  it('limits each client by the address the proxy names, not the proxy’s own', async () => {
    const attempts = async (from: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await login(stack, `nobody-${i}`, 'wrong-password', from)).status);
      return statuses;
    };
    expect(await attempts('203.0.113.1')).toEqual([401, 401, 401, 429]);
    expect(await attempts('203.0.113.2')).toEqual([401, 401, 401, 429]);
  });
});

describe('lock-out by account and address', () => {
  const stack = useStack({ worker: false, overrides: { TRUST_PROXY: 'loopback' } });
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL!);
  });
  afterAll(() => redis.disconnect());

  /** Milliseconds left on the lock of some account for `address` (addresses are unique to each test). */
  async function lockLeftMs(address: string): Promise<number> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(
        cursor,
        'MATCH',
        `{${process.env.REDIS_PREFIX}}:signin:lock:*:${address}`,
        'COUNT',
        1000,
      );
      keys.push(...found);
      cursor = next;
    } while (cursor !== '0');
    expect(keys).toHaveLength(1);
    return redis.pttl(keys[0]);
  }

  it('gives one answer for an unknown user, a wrong password, an inactive and a locked account', async () => {
    const password = 'the-right-password-1';
    const [active, inactive] = await newUsers(stack, 2, password, 'same-answer');
    await auditedSql(stack.db, 'user', `UPDATE users SET active = false WHERE username = $1 RETURNING id::text AS key`, [
      inactive,
    ]);
    const from = '198.51.100.10';
    for (let i = 0; i < 5; i++) await login(stack, active, `wrong-${i}`, from);
    const answers = [
      await login(stack, `unknown-${randomBytes(4).toString('hex')}`, password, from),
      await login(stack, active, 'wrong-password', '198.51.100.11'),
      await login(stack, inactive, password, from),
      await login(stack, active, password, from), // locked for this address
    ];
    for (const answer of answers)
      expect({ status: answer.status, body: answer.body }).toEqual({ status: answers[0].status, body: answers[0].body });
    expect(answers[0].status).toBe(401);
    expect(answers[0].body.error).toBe('LoginFailed');
  });

  it('a stranger failing from elsewhere locks only their own address out; the lock grows with each further failure', async () => {
    const password = 'the-right-password-2';
    const [colleague] = await newUsers(stack, 1, password, 'lockout');
    const stranger = '198.51.100.20';
    const desk = '198.51.100.21';

    for (let i = 0; i < 5; i++) expect((await login(stack, colleague, `guess-${i}`, stranger)).body.error).toBe('LoginFailed');
    expect((await login(stack, colleague, password, stranger)).status).toBe(401);
    const firstLock = await lockLeftMs(stranger);
    // The right password from the stranger's address was one more failure: locked 60 s, not 30 s.
    expect(firstLock).toBeGreaterThan(30_000);
    expect(firstLock).toBeLessThanOrEqual(60_000);
    await login(stack, colleague, 'guess-again', stranger);
    expect(await lockLeftMs(stranger)).toBeGreaterThan(60_000);

    // The colleague at their own desk is not locked out, and their success does not unlock the stranger.
    const atDesk = await login(stack, colleague, password, desk);
    expect(atDesk.status).toBe(200);
    expect((await login(stack, colleague, password, stranger)).status).toBe(401);
  });
});

describe('no rate limit on signed-in staff', () => {
  // Its own app: the sign-in limit used up above would refuse this suite's sign-in. The public default
  // is lowered as above, so that going past it takes few requests.
  const stack = useStack({ worker: false, overrides: { PUBLIC_THROTTLE_PER_MINUTE: String(TEST_LIMIT_PER_MINUTE) } });

  it('does not limit signed-in staff: a surge of requests from one address is all answered', async () => {
    const token = await stack.client.token('operator');
    const statuses = new Set<number>();
    for (let i = 0; i <= TEST_LIMIT_PER_MINUTE; i++)
      statuses.add((await stack.client.request('GET', '/api/v1/departments', { token })).status);
    expect([...statuses]).toEqual([200]);
  }, 120_000);
});
