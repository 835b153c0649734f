import { randomBytes } from 'node:crypto';
import { hashPassword, totpCode } from '@hotline/auth';
import { auditedSql, useStack, type ErrorBody } from '@hotline/testing';

interface SignedInBody {
  accessToken: string;
  mustChangePassword: boolean;
  user: { id: string; username: string; role: string };
}
interface ChallengeBody {
  secondFactorRequired: true;
  challengeToken: string;
  accessToken?: string;
}

/**
 * The second factor (TOTP) with SECOND_FACTOR_REQUIRED_ROLES=admin, as in production: an admin without
 * one may only enrol; enrolment is confirmed with a code computed here with the same library an app
 * uses; sign-in then takes two steps; a code and a recovery code work once; wrong codes are refused and
 * count towards the lock; an admin's reset is audited and ends the user's sessions.
 */
describe('Second factor (TOTP)', () => {
  // Declared before the stack (afterAll hooks run in declaration order): the suite's admins are disabled
  // while the database is still open, so suites that count the active admins see only the seeded one.
  afterAll(async () => {
    const ids = [admins.a.id, admins.b.id].filter(Boolean);
    if (ids.length)
      await auditedSql(stack.db, 'user', `UPDATE users SET active = false WHERE id = ANY($1) RETURNING id AS key`, [ids]);
  });
  // Behind a trusted loopback proxy, so the lock-out test can guess from an address of its own.
  const stack = useStack({ worker: false, overrides: { SECOND_FACTOR_REQUIRED_ROLES: 'admin', TRUST_PROXY: 'loopback' } });
  const password = 'Harbour-晴天-2047';
  const admins: Record<'a' | 'b', { id: string; username: string; secret?: string; recovery?: string[] }> = {
    a: { id: '', username: `tfa-a-${randomBytes(3).toString('hex')}` },
    b: { id: '', username: `tfa-b-${randomBytes(3).toString('hex')}` },
  };

  const login = (username: string, address = '10.9.0.1') =>
    stack.client.request<SignedInBody & ChallengeBody & ErrorBody>('POST', '/api/v1/auth/login', {
      body: { username, password },
      headers: { 'x-forwarded-for': address },
    });
  const secondStep = (challengeToken: string, answer: { code?: string; recoveryCode?: string }, address = '10.9.0.1') =>
    stack.client.request<SignedInBody & ErrorBody>('POST', '/api/v1/auth/login/second-factor', {
      body: { challengeToken, ...answer },
      headers: { 'x-forwarded-for': address },
    });
  const as = <T>(token: string, method: string, path: string, body?: unknown) =>
    stack.client.request<T & ErrorBody>(method, path, { token, body });
  /** A code of the next time step: later than any code accepted so far in this suite's half-minute. */
  const nextCode = (secret: string) => totpCode(secret, Math.floor(Date.now() / 1000) + 30);

  /** Enrols a signed-in admin; answers the new token. */
  async function enrol(who: 'a' | 'b', token: string): Promise<string> {
    const offer = await as<{ secret: string; otpauthUri: string }>(token, 'POST', '/api/v1/auth/second-factor/enrolment');
    expect(offer.status).toBe(200);
    admins[who].secret = offer.body.secret;
    const confirmed = await as<SignedInBody & { recoveryCodes: string[] }>(token, 'POST', '/api/v1/auth/second-factor/confirm', {
      code: totpCode(offer.body.secret),
    });
    expect(confirmed.status).toBe(200);
    admins[who].recovery = confirmed.body.recoveryCodes;
    return confirmed.body.accessToken;
  }

  beforeAll(async () => {
    const hash = await hashPassword(password);
    for (const who of ['a', 'b'] as const) {
      [admins[who].id] = await auditedSql(
        stack.db,
        'user',
        `INSERT INTO users (username, password_hash, display_name, role) VALUES ($1, $2, '双因素管理员', 'admin') RETURNING id AS key`,
        [admins[who].username, hash],
      );
    }
  });

  it('lets an admin without a second factor do nothing but enrol (403 SecondFactorRequired)', async () => {
    const signedIn = await login(admins.a.username);
    expect(signedIn.status).toBe(200);
    const token = signedIn.body.accessToken;
    const refused = await as(token, 'GET', '/api/v1/users');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('SecondFactorRequired');
    expect((await as(token, 'GET', '/api/v1/auth/me')).status).toBe(200);
    const status = await as<{ enabled: boolean; required: boolean }>(token, 'GET', '/api/v1/auth/second-factor');
    expect(status.body).toMatchObject({ enabled: false, required: true });
  });

  it('enrols with a secret and its otpauth URI, confirmed by a code; a wrong code changes nothing', async () => {
    const token = (await login(admins.a.username)).body.accessToken;
    const offer = await as<{ secret: string; otpauthUri: string }>(token, 'POST', '/api/v1/auth/second-factor/enrolment');
    expect(offer.body.otpauthUri).toMatch(new RegExp(`^otpauth://totp/Hotline365:${admins.a.username}\\?`));
    expect(new URL(offer.body.otpauthUri).searchParams.get('secret')).toBe(offer.body.secret);

    const code = totpCode(offer.body.secret);
    const wrong = await as(token, 'POST', '/api/v1/auth/second-factor/confirm', {
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(400);
    const still = await stack.db.query<{ totp_enabled_at: Date | null }>(`SELECT totp_enabled_at FROM users WHERE id = $1`, [
      admins.a.id,
    ]);
    expect(still.rows[0].totp_enabled_at).toBeNull();

    const fresh = await enrol('a', token);
    expect(admins.a.recovery).toHaveLength(10);
    // The confirmation ended the session it was made in; the new token opens admin routes.
    expect((await as(token, 'GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await as(fresh, 'GET', '/api/v1/users')).status).toBe(200);
    const audit = await stack.db.query(`SELECT action, actor_username FROM audit_log WHERE entity = 'user' AND entity_id = $1`, [
      admins.a.id,
    ]);
    expect(audit.rows).toContainEqual({ action: 'enableSecondFactor', actor_username: admins.a.username });
    const stored = await stack.db.query<{ code_hash: string }>(`SELECT code_hash FROM user_recovery_codes WHERE user_id = $1`, [
      admins.a.id,
    ]);
    expect(stored.rows).toHaveLength(10);
    expect(stored.rows.map((r) => r.code_hash)).not.toContain(admins.a.recovery![0]);
  });

  it('signs in in two steps: the password answers a challenge, the code a session; each code works once', async () => {
    const first = await login(admins.a.username);
    expect(first.status).toBe(200);
    expect(first.body.secondFactorRequired).toBe(true);
    expect(first.body.accessToken).toBeUndefined();

    const code = nextCode(admins.a.secret!);
    const wrong = await secondStep(first.body.challengeToken, { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('SecondFactorFailed');

    const signedIn = await secondStep(first.body.challengeToken, { code });
    expect(signedIn.status).toBe(200);
    expect((await as(signedIn.body.accessToken, 'GET', '/api/v1/users')).status).toBe(200);

    const replay = await secondStep((await login(admins.a.username)).body.challengeToken, { code });
    expect(replay.status).toBe(401);
    // A challenge is no bearer token.
    expect((await as(first.body.challengeToken, 'GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('takes a recovery code instead of a code, once', async () => {
    const recoveryCode = admins.a.recovery![0];
    const used = await secondStep((await login(admins.a.username)).body.challengeToken, { recoveryCode });
    expect(used.status).toBe(200);
    const again = await secondStep((await login(admins.a.username)).body.challengeToken, { recoveryCode });
    expect(again.status).toBe(401);
    const status = await as<{ recoveryCodesLeft: number }>(used.body.accessToken, 'GET', '/api/v1/auth/second-factor');
    expect(status.body.recoveryCodesLeft).toBe(9);
  });

  it('locks out code guessing like password guessing: after five wrong codes even a right answer is refused', async () => {
    const address = '10.9.0.66';
    const held = (await login(admins.a.username, address)).body.challengeToken;
    for (let i = 0; i < 5; i++) {
      const challenge = (await login(admins.a.username, address)).body.challengeToken;
      expect((await secondStep(challenge, { code: '000000' }, address)).status).toBe(401);
    }
    const recoveryCode = admins.a.recovery![1];
    expect((await secondStep(held, { recoveryCode }, address)).status).toBe(401);
    expect((await login(admins.a.username, address)).status).toBe(401);
    // Another address is not locked out; the refused attempt did not spend the recovery code.
    const elsewhere = await secondStep((await login(admins.a.username)).body.challengeToken, { recoveryCode });
    expect(elsewhere.status).toBe(200);
  });

  it('lets an admin reset another user’s second factor: audited, the user’s sessions end, enrolment is due again', async () => {
    const aSession = (
      await secondStep((await login(admins.a.username)).body.challengeToken, { recoveryCode: admins.a.recovery![2] })
    ).body.accessToken;
    const bToken = await enrol('b', (await login(admins.b.username)).body.accessToken);

    const reset = await as(bToken, 'POST', `/api/v1/users/${admins.a.id}/second-factor/reset`);
    expect(reset.status).toBe(204);
    expect((await as(aSession, 'GET', '/api/v1/auth/me')).status).toBe(401);
    const audit = await stack.db.query(
      `SELECT actor_username, before, after FROM audit_log WHERE entity_id = $1 AND action = 'resetSecondFactor'`,
      [admins.a.id],
    );
    expect(audit.rows).toEqual([
      expect.objectContaining({ actor_username: admins.b.username, after: { secondFactorEnabled: false } }),
    ]);
    const codes = await stack.db.query(`SELECT 1 FROM user_recovery_codes WHERE user_id = $1`, [admins.a.id]);
    expect(codes.rows).toHaveLength(0);

    const again = await login(admins.a.username);
    expect(again.body.accessToken).toBeDefined();
    expect((await as(again.body.accessToken, 'GET', '/api/v1/users')).body.error).toBe('SecondFactorRequired');
  });
});
