import { JwtService } from '@nestjs/jwt';
import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '@hotline/auth';
import { DEVELOPMENT_SECRETS } from '@hotline/config';
import { ApiClient, auditedSql, RunningApi, startApi, waitFor, type ErrorBody } from '@hotline/testing';

/**
 * Sessions end, on every API process: two API apps on the same database (the second in production
 * mode), a user changed by a plain SQL UPDATE (with its audit row, as the database requires) as any
 * admin path would. The users trigger raises the
 * token version and NOTIFYs at commit; each app's cache drops the user, so the next request is 401.
 * Each wait polls for the observable 401 with a deadline (the README's bound is 1 s; the deadline is
 * wider for a loaded machine).
 */
describe('sessions that end', () => {
  let db: Client;
  let apis: RunningApi[];
  let clients: ApiClient[];
  const password = 'a-session-password';

  beforeAll(async () => {
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    apis = [await startApi(), await startApi({ overrides: { NODE_ENV: 'production' } })];
    clients = apis.map((api) => new ApiClient(api.url));
  });

  afterAll(async () => {
    for (const api of apis ?? []) await api.close();
    await db?.end();
  });

  async function newUser(role = 'departmentStaff', department = 'heating'): Promise<{ id: string; username: string }> {
    const username = `session-${randomBytes(4).toString('hex')}`;
    const [id] = await auditedSql(
      db,
      'user',
      `INSERT INTO users (username, password_hash, display_name, role, department_id)
       VALUES ($1, $2, '会话测试', $3, (SELECT id FROM departments WHERE code = $4)) RETURNING id::text AS key`,
      [username, await hashPassword(password), role, department],
    );
    return { id, username };
  }

  async function signIn(username: string, on = 0): Promise<string> {
    const r = await clients[on].request<{ accessToken: string }>('POST', '/api/v1/auth/login', { body: { username, password } });
    expect(r.status).toBe(200);
    return r.body.accessToken;
  }

  /** The status of an authenticated request on each app. */
  const statuses = (token: string) =>
    Promise.all(clients.map(async (c) => (await c.request('GET', '/api/v1/auth/me', { token })).status));

  async function refusedEverywhere(token: string, what: string): Promise<void> {
    const started = Date.now();
    await waitFor(
      async () => ((await statuses(token)).every((s) => s === 401) ? true : undefined),
      10_000,
      `${what}: 401 on both apps`,
    );
    // Once refused, it stays refused (no stale cache entry comes back).
    expect(await statuses(token)).toEqual([401, 401]);
    expect(Date.now() - started).toBeLessThan(10_000);
  }

  it('accepts a fresh token on both apps, and caches the user there', async () => {
    const user = await newUser();
    const token = await signIn(user.username);
    expect(await statuses(token)).toEqual([200, 200]);
    expect(await statuses(token)).toEqual([200, 200]);
  });

  it.each([
    ['disabled', `UPDATE users SET active = false WHERE id = $1`],
    [
      'moved to another department',
      `UPDATE users SET department_id = (SELECT id FROM departments WHERE code = 'housing') WHERE id = $1`,
    ],
    ['given another role', `UPDATE users SET role = 'departmentLead' WHERE id = $1`],
    ['given other grids', `UPDATE users SET grid_codes = '{baiyun-01-g1}' WHERE id = $1`],
    ['given a new password', `UPDATE users SET password_hash = 'scrypt$16384$8$1$c2FsdA==$aGFzaA==' WHERE id = $1`],
  ])('refuses every token of a user %s (SQL UPDATE) on both apps', async (what, sql) => {
    const user = await newUser();
    const tokens = [await signIn(user.username, 0), await signIn(user.username, 1)];
    for (const token of tokens) expect(await statuses(token)).toEqual([200, 200]);
    await auditedSql(db, 'user', `${sql} RETURNING id::text AS key`, [user.id]);
    for (const token of tokens) await refusedEverywhere(token, what);
    const refused = await clients[1].request('GET', '/api/v1/auth/me', { token: tokens[0] });
    expect(refused.body).toEqual({ statusCode: 401, error: 'SessionEnded', message: expect.any(String) as unknown, details: [] });
  });

  it('raises the version only for what a token vouches for, and never lowers it', async () => {
    const user = await newUser();
    const version = async () =>
      (await db.query<{ token_version: number }>(`SELECT token_version FROM users WHERE id = $1`, [user.id])).rows[0]
        .token_version;
    expect(await version()).toBe(1);
    await auditedSql(db, 'user', `UPDATE users SET display_name = '改名' WHERE id = $1 RETURNING id::text AS key`, [user.id]);
    expect(await version()).toBe(1);
    await auditedSql(
      db,
      'user',
      `UPDATE users SET active = false, role = 'departmentLead' WHERE id = $1 RETURNING id::text AS key`,
      [user.id],
    );
    expect(await version()).toBe(2);
    await auditedSql(db, 'user', `UPDATE users SET token_version = 1, active = true WHERE id = $1 RETURNING id::text AS key`, [
      user.id,
    ]);
    expect(await version()).toBe(3);
  });

  it('logout ends this token on both apps; the user’s other session goes on', async () => {
    const user = await newUser();
    const [mine, other] = [await signIn(user.username, 0), await signIn(user.username, 1)];
    expect(await statuses(mine)).toEqual([200, 200]);
    expect((await clients[1].request('POST', '/api/v1/auth/logout', { token: mine })).status).toBe(204);
    await refusedEverywhere(mine, 'logged-out token');
    expect(await statuses(other)).toEqual([200, 200]);
  });

  it('logout-all ends every session of the user on both apps; signing in again works', async () => {
    const user = await newUser();
    const tokens = [await signIn(user.username, 0), await signIn(user.username, 1)];
    expect((await clients[0].request('POST', '/api/v1/auth/logout-all', { token: tokens[1] })).status).toBe(204);
    for (const token of tokens) await refusedEverywhere(token, 'after logout-all');
    expect(await statuses(await signIn(user.username, 1))).toEqual([200, 200]);
  });

  describe('forged tokens', () => {
    let user: { id: string; username: string };
    let claims: Record<string, unknown>;
    const secret = () => process.env.JWT_SECRET!;
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    /** A token with any header, signed with HMAC-SHA256 and the real secret (so only the header is wrong). */
    const handMade = (header: Record<string, unknown>, payload: Record<string, unknown>, sign = true) => {
      const body = `${b64(header)}.${b64(payload)}`;
      return `${body}.${sign ? createHmac('sha256', secret()).update(body).digest('base64url') : ''}`;
    };

    beforeAll(async () => {
      user = await newUser();
      const token = await signIn(user.username);
      claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    });

    it('accepts a hand-made HS256 token with every claim (the forgeries below differ in one thing)', async () => {
      expect(await statuses(handMade({ alg: 'HS256', typ: 'JWT' }, claims))).toEqual([200, 200]);
    });

    it.each([
      ['without exp', (c: Record<string, unknown>) => ({ ...c, exp: undefined })],
      ['without jti', (c: Record<string, unknown>) => ({ ...c, jti: undefined })],
      ['without the version', (c: Record<string, unknown>) => ({ ...c, ver: undefined })],
      ['of another issuer', (c: Record<string, unknown>) => ({ ...c, iss: 'someone-else' })],
      ['expired', (c: Record<string, unknown>) => ({ ...c, exp: Math.floor(Date.now() / 1000) - 60 })],
    ])('refuses a token %s', async (_what, change) => {
      const payload = JSON.parse(JSON.stringify(change(claims))) as Record<string, unknown>;
      const token = handMade({ alg: 'HS256', typ: 'JWT' }, payload);
      expect(await statuses(token)).toEqual([401, 401]);
    });

    it.each([
      ['alg none, unsigned', () => handMade({ alg: 'none', typ: 'JWT' }, claims, false)],
      ['alg none, signed anyway', () => handMade({ alg: 'none', typ: 'JWT' }, claims)],
      ['an HS512 header over an HS256 signature', () => handMade({ alg: 'HS512', typ: 'JWT' }, claims)],
      ['an RS256 header over an HS256 signature', () => handMade({ alg: 'RS256', typ: 'JWT' }, claims)],
      ['HS512 signed with the real secret', () => new JwtService().sign(claims, { secret: secret(), algorithm: 'HS512' })],
      [
        'RS256 signed with a key of its own',
        () =>
          new JwtService().sign(claims, {
            privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
            algorithm: 'RS256',
          }),
      ],
      [
        'HS256 signed with the public development secret',
        () => new JwtService().sign(claims, { secret: DEVELOPMENT_SECRETS.JWT_SECRET, algorithm: 'HS256' }),
      ],
    ])('refuses %s on both apps (one in production mode)', async (_what, make) => {
      const r = await Promise.all(clients.map((c) => c.request<ErrorBody>('GET', '/api/v1/auth/me', { token: make() })));
      expect(r.map((x) => [x.status, x.body.error])).toEqual([
        [401, 'TokenInvalid'],
        [401, 'TokenInvalid'],
      ]);
    });

    it('signs tokens with HS256, an expiry, an id and the version', async () => {
      const header = JSON.parse(Buffer.from((await signIn(user.username)).split('.')[0], 'base64url').toString()) as {
        alg: string;
      };
      expect(header.alg).toBe('HS256');
      expect(claims).toEqual(
        expect.objectContaining({
          exp: expect.any(Number) as unknown,
          jti: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
          ver: 1,
          sub: user.id,
          iss: 'hotline365',
        }),
      );
    });
  });
});
