import { randomBytes } from 'node:crypto';
import { useStack, waitFor, type ErrorBody, type Page } from '@hotline/testing';

/** A user as GET/POST/PATCH /api/v1/users answer it. */
interface UserBody {
  id: string;
  username: string;
  displayName: string;
  role: string;
  departmentCode: string | null;
  departmentName: string | null;
  gridCodes: string[];
  active: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: string | null;
  createdAt: string;
}
interface SignedInBody {
  accessToken: string;
  mustChangePassword: boolean;
  user: { id: string; username: string; role: string };
}

/**
 * Users administration (issue 18's contract), the password policy, the must-change flag and the
 * user's own password change; every refusal changes nothing, every change leaves its audit row, and a
 * disabled user's session ends (issue 13's token version, raised by the database).
 */
describe('Users administration', () => {
  const stack = useStack({ worker: false });
  const strong = 'Harbour-晴天-2047';

  const unique = (prefix: string) => `${prefix}-${randomBytes(3).toString('hex')}`;
  const fingerprint = async () =>
    (
      await stack.db.query<{ users: string; audits: number }>(
        `SELECT (SELECT json_agg(u ORDER BY id)::text FROM users u) AS users, (SELECT count(*)::int FROM audit_log) AS audits`,
      )
    ).rows[0];
  const auditActions = async (id: string) =>
    (
      await stack.db.query<{ action: string; actor_username: string; before: unknown; after: unknown }>(
        `SELECT action, actor_username, before, after FROM audit_log WHERE entity = 'user' AND entity_id = $1 ORDER BY id`,
        [id],
      )
    ).rows;
  const signIn = (username: string, password: string) =>
    stack.client.request<SignedInBody>('POST', '/api/v1/auth/login', { body: { username, password } });
  const create = (body: Record<string, unknown>) => stack.client.as<UserBody>('admin', 'POST', '/api/v1/users', body);
  const patch = (id: string, body: Record<string, unknown>) =>
    stack.client.as<UserBody>('admin', 'PATCH', `/api/v1/users/${id}`, body);

  it('creates a user (201) who must choose a new password before anything else', async () => {
    const username = unique('op');
    const created = await create({ username, displayName: '新话务员', role: 'operator', password: strong });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username,
      role: 'operator',
      departmentCode: null,
      active: true,
      mustChangePassword: true,
    });

    const first = await signIn(username, strong);
    expect(first.status).toBe(200);
    expect(first.body.mustChangePassword).toBe(true);
    const token = first.body.accessToken;
    const refused = await stack.client.request<ErrorBody>('GET', '/api/v1/cases', { token });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('PasswordChangeRequired');
    expect((await stack.client.request('GET', '/api/v1/auth/me', { token })).status).toBe(200);

    // Refusals of the change itself leave the password as it was.
    const wrong = await stack.client.request<ErrorBody>('POST', '/api/v1/auth/password', {
      token,
      body: { current: 'nope', new: 'Another-长-Pass-1' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ field: 'current', reason: 'is not your current password' }]);
    for (const weak of ['short1', `${username}-2026!`, 'Password123', strong]) {
      const r = await stack.client.request<ErrorBody>('POST', '/api/v1/auth/password', {
        token,
        body: { current: strong, new: weak },
      });
      expect(r.status).toBe(400);
      expect(r.body.details[0].field).toBe('new');
    }
    expect((await stack.client.request('GET', '/api/v1/auth/me', { token })).status).toBe(200);

    const changed = await stack.client.request<SignedInBody>('POST', '/api/v1/auth/password', {
      token,
      body: { current: strong, new: 'Another-长-Pass-1' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.mustChangePassword).toBe(false);
    // The new token works everywhere at once; the old one has ended.
    expect((await stack.client.request('GET', '/api/v1/cases', { token: changed.body.accessToken })).status).toBe(200);
    expect((await stack.client.request('GET', '/api/v1/auth/me', { token })).status).toBe(401);
    expect((await signIn(username, 'Another-长-Pass-1')).body.mustChangePassword).toBe(false);

    const actions = await auditActions(created.body.id);
    expect(actions.map((a) => [a.action, a.actor_username])).toEqual([
      ['create', 'admin'],
      ['changePassword', username],
    ]);
    expect(JSON.stringify(actions)).not.toMatch(/password_?hash|scrypt/i);
  });

  it.each([
    ['a weak password', { role: 'operator', password: 'hotline365' }, 'password'],
    ['the username in the password', { role: 'operator', password: 'USERNAME-is-my-pass' }, 'password'],
    ['a department role without a department', { role: 'departmentStaff', password: strong }, 'departmentCode'],
    ['an unknown department', { role: 'departmentStaff', departmentCode: 'no-such', password: strong }, 'departmentCode'],
    ['a department on a centre role', { role: 'supervisor', departmentCode: 'heating', password: strong }, 'departmentCode'],
    ['a grid worker without grids', { role: 'gridWorker', password: strong }, 'gridCodes'],
    ['an unknown grid', { role: 'gridWorker', gridCodes: ['no-such-grid'], password: strong }, 'gridCodes'],
    ['an unknown role', { role: 'root', password: strong }, 'role'],
    ['a bad username', { role: 'operator', password: strong, username: 'Has Spaces' }, 'username'],
  ])('refuses to create with %s (400, nothing created or audited)', async (_what, fields, field) => {
    const username = unique('refused');
    const body = { username, displayName: '不应创建', ...fields } as Record<string, unknown>;
    if (typeof body.password === 'string') body.password = body.password.replace('USERNAME', username);
    const before = await fingerprint();
    const r = await create(body);
    expect(r.status).toBe(400);
    expect((r.body as unknown as ErrorBody).details.map((d) => d.field)).toContain(field);
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses a taken username (409) and non-admins (403), changing nothing', async () => {
    const before = await fingerprint();
    const taken = await create({ username: 'operator', displayName: '重名', role: 'operator', password: strong });
    expect(taken.status).toBe(409);
    for (const who of ['supervisor', 'operator', 'lead-heating']) {
      const r = await stack.client.as(who, 'POST', '/api/v1/users', {
        username: unique('x'),
        displayName: 'x',
        role: 'operator',
        password: strong,
      });
      expect(r.status).toBe(403);
      expect((await stack.client.as(who, 'GET', '/api/v1/users')).status).toBe(403);
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('lists users with the contract’s filters and page shape', async () => {
    const all = await stack.client.as<Page<UserBody>>('admin', 'GET', '/api/v1/users?pageSize=5');
    expect(all.status).toBe(200);
    expect(Object.keys(all.body).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
    expect(all.body.items).toHaveLength(5);
    const heating = await stack.client.as<Page<UserBody>>(
      'admin',
      'GET',
      '/api/v1/users?department=heating&role=departmentLead&active=true',
    );
    // Other suites on the run's database add users of their own (test/sessions): every one listed must
    // match the filters, and the seeded lead is among them.
    expect(heating.body.items.every((u) => u.departmentCode === 'heating' && u.role === 'departmentLead' && u.active)).toBe(true);
    expect(heating.body.items.find((u) => u.username === 'lead-heating')).toMatchObject({
      departmentCode: 'heating',
      departmentName: '供热办公室',
    });
    expect(JSON.stringify(all.body)).not.toMatch(/password_?hash|scrypt/i);
    for (const query of ['active=yes', 'role=root', 'page=0']) {
      expect((await stack.client.as('admin', 'GET', `/api/v1/users?${query}`)).status).toBe(400);
    }
  });

  it('an admin reading a user’s record is audited', async () => {
    const id = (await stack.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'staff-market'`)).rows[0].id;
    const read = await stack.client.as<UserBody>('admin', 'GET', `/api/v1/users/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.username).toBe('staff-market');
    expect((await auditActions(id)).filter((a) => a.action === 'read').at(-1)).toMatchObject({ actor_username: 'admin' });
    expect((await stack.client.as('admin', 'GET', '/api/v1/users/4b0a8b52-4cc3-4f6e-9d52-0d3c3b1a0f00')).status).toBe(404);
  });

  it('disabling a user ends their session at once; enabling lets them sign in again', async () => {
    const username = unique('staff');
    const created = await create({
      username,
      displayName: '承办人',
      role: 'departmentStaff',
      departmentCode: 'heating',
      password: strong,
    });
    const token = (
      await stack.client.request<SignedInBody>('POST', '/api/v1/auth/password', {
        token: (await signIn(username, strong)).body.accessToken,
        body: { current: strong, new: 'Second-长-Pass-22' },
      })
    ).body.accessToken;
    expect((await stack.client.request('GET', '/api/v1/cases', { token })).status).toBe(200);

    const disabled = await patch(created.body.id, { active: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);
    await waitFor(
      async () => ((await stack.client.request('GET', '/api/v1/auth/me', { token })).status === 401 ? true : undefined),
      10_000,
      'the disabled user’s token refused',
    );
    expect((await signIn(username, 'Second-长-Pass-22')).status).toBe(401);
    expect((await patch(created.body.id, { active: true })).status).toBe(200);
    expect((await signIn(username, 'Second-长-Pass-22')).status).toBe(200);
    expect((await auditActions(created.body.id)).map((a) => a.action)).toEqual(['create', 'changePassword', 'disable', 'enable']);

    // Sign-in history: each attempt on the account, newest first (the disabled one a failure); the read is audited.
    const history = await stack.client.as<Page<{ outcome: string; address: string | null; at: string }>>(
      'admin',
      'GET',
      `/api/v1/users/${created.body.id}/sign-ins`,
    );
    expect(history.status).toBe(200);
    expect(history.body.items.map((h) => h.outcome)).toEqual(['success', 'failure', 'success']);
    expect(history.body.items[0].address).toEqual(expect.any(String));
    expect((await auditActions(created.body.id)).at(-1)).toMatchObject({ action: 'readSignIns', actor_username: 'admin' });
    expect((await stack.client.as('supervisor', 'GET', `/api/v1/users/${created.body.id}/sign-ins`)).status).toBe(403);
  });

  it('keeps no sign-in history for names no account has', async () => {
    const count = async () => (await stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sign_in_history`)).rows[0].n;
    const before = await count();
    expect((await signIn(`nobody-${randomBytes(3).toString('hex')}`, 'whatever-it-was')).status).toBe(401);
    expect(await count()).toBe(before);
  });

  it('edits role, department and grids as a whole; a role change drops what the new role cannot carry', async () => {
    const username = unique('lead');
    const created = await create({
      username,
      displayName: '负责人',
      role: 'departmentLead',
      departmentCode: 'housing',
      password: strong,
    });
    const moved = await patch(created.body.id, { departmentCode: 'civil', displayName: '民政局负责人' });
    expect(moved.body).toMatchObject({ departmentCode: 'civil', displayName: '民政局负责人', role: 'departmentLead' });
    const supervisor = await patch(created.body.id, { role: 'supervisor' });
    expect(supervisor.body).toMatchObject({ role: 'supervisor', departmentCode: null, gridCodes: [] });
    const before = await fingerprint();
    for (const bad of [
      { role: 'gridWorker' },
      { departmentCode: 'heating' },
      { gridCodes: ['baiyun-01-g1'] },
      { role: 'departmentStaff' },
    ]) {
      expect((await patch(created.body.id, bad)).status).toBe(400);
    }
    expect(await fingerprint()).toEqual(before);
    const grid = await patch(created.body.id, { role: 'gridWorker', gridCodes: ['baiyun-01-g1', 'baiyun-01-g2'] });
    expect(grid.body).toMatchObject({ role: 'gridWorker', gridCodes: ['baiyun-01-g1', 'baiyun-01-g2'] });
    const rows = await auditActions(created.body.id);
    expect(rows.at(-1)).toMatchObject({ action: 'update', before: { role: 'supervisor' }, after: { role: 'gridWorker' } });
  });

  it('an admin’s password reset ends the user’s sessions and asks for a new password at the next sign-in', async () => {
    const username = unique('reset');
    const created = await create({ username, displayName: '重置', role: 'dispatcher', password: strong });
    const token = (
      await stack.client.request<SignedInBody>('POST', '/api/v1/auth/password', {
        token: (await signIn(username, strong)).body.accessToken,
        body: { current: strong, new: 'Mine-长-Pass-333' },
      })
    ).body.accessToken;
    const before = await fingerprint();
    expect((await patch(created.body.id, { password: 'short' })).status).toBe(400);
    expect(await fingerprint()).toEqual(before);
    const reset = await patch(created.body.id, { password: 'Reset-by-admin-44' });
    expect(reset.status).toBe(200);
    expect(reset.body.mustChangePassword).toBe(true);
    await waitFor(
      async () => ((await stack.client.request('GET', '/api/v1/auth/me', { token })).status === 401 ? true : undefined),
      10_000,
      'the old session ended',
    );
    expect((await signIn(username, 'Reset-by-admin-44')).body.mustChangePassword).toBe(true);
    const last = (await auditActions(created.body.id)).at(-1);
    expect(last).toMatchObject({
      action: 'resetPassword',
      actor_username: 'admin',
      after: { passwordReset: true, mustChangePassword: true },
    });
  });

  it('at least one active admin always remains (409, nothing changed)', async () => {
    const admins = await stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active`);
    expect(admins.rows[0].n).toBe(1);
    const id = (await stack.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`)).rows[0].id;
    const before = await fingerprint();
    for (const change of [{ active: false }, { role: 'supervisor' }]) {
      const r = await patch(id, change);
      expect(r.status).toBe(409);
      expect((r.body as unknown as ErrorBody).error).toBe('LastAdmin');
    }
    expect(await fingerprint()).toEqual(before);

    // With a second admin, either may go; then the second is the last.
    const second = await create({ username: unique('admin'), displayName: '管理员二', role: 'admin', password: strong });
    expect((await patch(second.body.id, { active: false })).status).toBe(200);
    expect((await patch(id, { active: false })).status).toBe(409);
  });
});
