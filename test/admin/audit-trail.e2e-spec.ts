import { DataSource } from 'typeorm';
import { AuditLogService, type AuditRecord } from '@hotline/audit';
import { createDataSource } from '@hotline/database';
import { settingsAcknowledged, useStack, type ErrorBody, type Page, type Wire } from '@hotline/testing';

type AuditBody = Wire<AuditRecord>;

/**
 * The audit trail (issue 18): one append-only table; a change of an audited table cannot commit
 * without its audit row (the database's own deferred check); admin changes write who, when, what,
 * before and after, read back with filters and as CSV.
 */
describe('Audit trail', () => {
  const stack = useStack();

  const auditRows = async (entity: string, entityId: string) =>
    (
      await stack.db.query<{
        action: string;
        actor_username: string;
        before: unknown;
        after: unknown;
        request_id: string | null;
      }>(
        `SELECT action, actor_username, before, after, request_id FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id`,
        [entity, entityId],
      )
    ).rows;
  const auditCount = async () => (await stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n;

  describe('the database refuses a change without its audit row', () => {
    /** Runs the statements in one transaction; answers the COMMIT's error, if any. */
    async function commitError(...statements: Array<[string, unknown[]]>): Promise<{ code?: string; message: string } | null> {
      await stack.db.query('BEGIN');
      try {
        for (const [sql, params] of statements) await stack.db.query(sql, params);
        await stack.db.query('COMMIT');
        return null;
      } catch (error) {
        await stack.db.query('ROLLBACK');
        return error as { code?: string; message: string };
      }
    }
    const audit = (entity: string, id: string): [string, unknown[]] => [
      `INSERT INTO audit_log (actor_username, entity, entity_id, action) VALUES ('system:test', $1, $2, 'test')`,
      [entity, id],
    ];

    it.each([
      [
        'a holiday override inserted',
        `INSERT INTO holiday_overrides (date, working, note) VALUES ('2031-03-03', false, '无审计')`,
        'holidayOverride',
        '2031-03-03',
      ],
      ['an SLA policy changed', `UPDATE sla_policies SET name = name || '（改）' WHERE code = 'default'`, 'slaPolicy', 'default'],
      [
        'a department webhook set',
        `UPDATE departments SET webhook_url = 'https://x.example/h' WHERE code = 'civil'`,
        'departmentWebhook',
        'civil',
      ],
      ['a user disabled', `UPDATE users SET active = false WHERE username = 'staff-civil'`, 'user', 'staff-civil'],
      ['an Open311 client renamed', `UPDATE open311_clients SET name = '改名' WHERE code = 'demo'`, 'open311Client', 'demo'],
      ['a department renamed', `UPDATE departments SET name = name || '（改）' WHERE code = 'civil'`, 'department', 'civil'],
      [
        'a category renamed',
        `UPDATE categories SET name = name || '（改）' WHERE code = 'heating.no-heat'`,
        'category',
        'heating.no-heat',
      ],
      ['a routing rule changed', `UPDATE routing_rules SET note = note || '（改）' WHERE code = 'R11'`, 'routingRule', 'R11'],
    ])('%s: refused at commit, nothing changed; with its audit row it commits', async (_what, sql, entity, key) => {
      const snapshot = async () =>
        (
          await stack.db.query<{ rows: string }>(
            `SELECT (SELECT json_agg(h ORDER BY date) FROM holiday_overrides h)::text
                 || (SELECT json_agg(p ORDER BY code) FROM sla_policies p)::text
                 || (SELECT json_agg(json_build_array(code, webhook_url, name) ORDER BY code) FROM departments)::text
                 || (SELECT json_agg(json_build_array(code, name) ORDER BY code) FROM categories)::text
                 || (SELECT json_agg(json_build_array(code, note) ORDER BY code) FROM routing_rules)::text
                 || (SELECT json_agg(json_build_array(username, active) ORDER BY username) FROM users)::text
                 || (SELECT json_agg(json_build_array(code, name) ORDER BY code) FROM open311_clients)::text AS rows`,
          )
        ).rows[0].rows;
      const before = await snapshot();
      const audits = await auditCount();

      const refused = await commitError([sql, []]);
      expect(refused?.code).toBe('HL002');
      expect(refused?.message).toMatch(/audit row missing/);
      // An audit row naming something else does not cover it either.
      expect((await commitError([sql, []], audit(entity, 'something-else')))?.code).toBe('HL002');
      expect(await snapshot()).toBe(before);
      expect(await auditCount()).toBe(audits);

      // The same change with its audit row (the id the trigger checks: users and clients by id).
      const id =
        entity === 'user'
          ? (await stack.db.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [key])).rows[0].id
          : entity === 'open311Client'
            ? (await stack.db.query<{ id: string }>(`SELECT id FROM open311_clients WHERE code = $1`, [key])).rows[0].id
            : key;
      expect(await commitError([sql, []], audit(entity, id))).toBeNull();
      expect(await snapshot()).not.toBe(before);
      // Put it back, audited too.
      const undo: Record<string, string> = {
        holidayOverride: `DELETE FROM holiday_overrides WHERE date = '2031-03-03'`,
        slaPolicy: `UPDATE sla_policies SET name = replace(name, '（改）', '') WHERE code = 'default'`,
        departmentWebhook: `UPDATE departments SET webhook_url = NULL WHERE code = 'civil'`,
        user: `UPDATE users SET active = true WHERE username = 'staff-civil'`,
        open311Client: `UPDATE open311_clients SET name = '演示客户端（开发用）' WHERE code = 'demo'`,
        department: `UPDATE departments SET name = replace(name, '（改）', '') WHERE code = 'civil'`,
        category: `UPDATE categories SET name = replace(name, '（改）', '') WHERE code = 'heating.no-heat'`,
        routingRule: `UPDATE routing_rules SET note = replace(note, '（改）', '') WHERE code = 'R11'`,
      };
      expect(await commitError([undo[entity], []], audit(entity, id))).toBeNull();
      expect(await snapshot()).toBe(before);
    });

    it('does not ask for an audit row when nothing audited changed (a user’s token version, a no-op update)', async () => {
      expect(
        await commitError([`UPDATE users SET token_version = token_version + 1 WHERE username = 'staff-culture'`, []]),
      ).toBeNull();
      expect(await commitError([`UPDATE sla_policies SET name = name WHERE code = 'default'`, []])).toBeNull();
    });
  });

  describe('append-only', () => {
    it('refuses UPDATE, DELETE and TRUNCATE of audit rows younger than 180 days', async () => {
      const audits = await auditCount();
      for (const sql of [
        `UPDATE audit_log SET actor_username = 'someone-else'`,
        `DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`,
        `TRUNCATE audit_log`,
      ]) {
        await expect(stack.db.query(sql)).rejects.toMatchObject({ code: 'HL001' });
      }
      expect(await auditCount()).toBe(audits);
    });

    it('the retention purge removes only rows past the setting (never younger than 180 days)', async () => {
      const old = (
        await stack.db.query<{ id: string }>(
          `INSERT INTO audit_log (at, actor_username, entity, entity_id, action) VALUES
             (now() - interval '400 days', 'system:test', 'slaPolicy', 'purge-old', 'test'),
             (now() - interval '200 days', 'system:test', 'slaPolicy', 'purge-kept', 'test'),
             (now() - interval '100 days', 'system:test', 'slaPolicy', 'purge-young', 'test') RETURNING id::text`,
        )
      ).rows.map((r) => r.id);
      const dataSource: DataSource = await createDataSource(process.env.DATABASE_URL!).initialize();
      try {
        const service = new AuditLogService(dataSource);
        expect(await service.purgeOlderThan(365)).toBeGreaterThanOrEqual(1);
        const left = (await stack.db.query<{ id: string }>(`SELECT id::text FROM audit_log WHERE id = ANY($1)`, [old])).rows;
        expect(left.map((r) => r.id).sort()).toEqual([old[1], old[2]].sort());
        // A setting below the floor cannot shorten it: the database refuses the whole delete.
        await expect(service.purgeOlderThan(30)).rejects.toMatchObject({ driverError: { code: 'HL001' } });
        expect((await stack.db.query(`SELECT 1 FROM audit_log WHERE id = ANY($1)`, [old.slice(1)])).rowCount).toBe(2);
      } finally {
        await dataSource.destroy();
      }
    });
  });

  describe('admin changes are audited with who, before and after', () => {
    const policy = {
      name: '审计测试策略',
      match: { categoryCode: 'heating.no-heat', priority: 'urgent' },
      accept: { amount: 1, unit: 'workingHours' },
      reply: { amount: 1, unit: 'workingDays' },
      callback: { amount: 1, unit: 'workingDays' },
      countFrom: 'stageStart',
      warningRatio: 0.5,
      returnWindow: { amount: 1, unit: 'workingDays' },
      maxExtensionDays: 5,
      maxExtensions: 1,
    };

    it('SLA policies: create, update, retire; an invalid set is refused with no row', async () => {
      expect((await stack.client.as('admin', 'PUT', '/api/v1/sla/policies/audit-test', policy)).status).toBe(200);
      expect(
        (await stack.client.as('admin', 'PUT', '/api/v1/sla/policies/audit-test', { ...policy, name: '审计测试策略二' })).status,
      ).toBe(200);
      const audits = await auditCount();
      const bad = await stack.client.as<ErrorBody>('admin', 'PUT', '/api/v1/sla/policies/audit-test', {
        ...policy,
        warningRatio: 7,
      });
      expect(bad.status).toBe(400);
      expect(await auditCount()).toBe(audits);
      expect((await stack.client.as('admin', 'DELETE', '/api/v1/sla/policies/audit-test')).status).toBe(200);
      await settingsAcknowledged(stack);
      const rows = await auditRows('slaPolicy', 'audit-test');
      expect(rows.map((r) => [r.action, r.actor_username])).toEqual([
        ['create', 'admin'],
        ['update', 'admin'],
        ['retire', 'admin'],
      ]);
      expect(rows[0].before).toBeNull();
      expect(rows[1]).toMatchObject({ before: { name: '审计测试策略' }, after: { name: '审计测试策略二', active: true } });
      expect(rows[2]).toMatchObject({ before: { active: true }, after: { active: false } });
      expect(rows[0].request_id).toEqual(expect.any(String));
    });

    it('holiday overrides: who set and removed a day, with the note', async () => {
      const put = await stack.client.as('admin', 'PUT', '/api/v1/calendar/overrides/2031-06-02', {
        working: false,
        note: '区庆',
      });
      expect(put.status).toBe(200);
      expect((await stack.client.as('admin', 'DELETE', '/api/v1/calendar/overrides/2031-06-02')).status).toBe(204);
      await settingsAcknowledged(stack);
      const rows = await auditRows('holidayOverride', '2031-06-02');
      expect(rows.map((r) => r.action)).toEqual(['create', 'delete']);
      expect(rows[0]).toMatchObject({ actor_username: 'admin', before: null, after: { working: false, note: '区庆' } });
      expect(rows[1]).toMatchObject({ before: { note: '区庆' }, after: null });
    });

    it('department webhooks: the URL and whether a secret is set, never the secret', async () => {
      const secret = 'audit-webhook-secret-0001';
      const set = await stack.client.as('admin', 'PUT', '/api/v1/departments/culture/webhook', {
        url: 'https://culture.example.gov.cn/hook',
        secret,
      });
      expect(set.status).toBe(200);
      expect((await stack.client.as('admin', 'DELETE', '/api/v1/departments/culture/webhook')).status).toBe(200);
      const rows = await auditRows('departmentWebhook', 'culture');
      expect(rows.map((r) => r.action)).toEqual(['set', 'remove']);
      expect(rows[0]).toMatchObject({
        before: { url: null, secretSet: false },
        after: { url: 'https://culture.example.gov.cn/hook', secretSet: true },
      });
      expect(JSON.stringify(rows)).not.toContain(secret);
      const unknown = await stack.client.as('admin', 'PUT', '/api/v1/departments/no-such-dept/webhook', {
        url: 'https://x.example/h',
        secret,
      });
      expect(unknown.status).toBe(404);
      expect(await auditRows('departmentWebhook', 'no-such-dept')).toEqual([]);
    });

    it('Open311 clients: create, rotate, revoke, with the key prefix and never the key or its hash', async () => {
      const created = await stack.client.as<{ id: string; apiKey: string }>('admin', 'POST', '/api/v1/open311/clients', {
        code: 'audit-client',
        name: '审计客户端',
      });
      expect(created.status).toBe(201);
      const rotated = await stack.client.as<{ apiKey: string }>(
        'admin',
        'POST',
        `/api/v1/open311/clients/${created.body.id}/rotate-key`,
      );
      expect((await stack.client.as('admin', 'POST', `/api/v1/open311/clients/${created.body.id}/revoke`)).status).toBe(200);
      const rows = await auditRows('open311Client', created.body.id);
      expect(rows.map((r) => r.action)).toEqual(['create', 'rotateKey', 'revoke']);
      const text = JSON.stringify(rows);
      expect(text).not.toContain(created.body.apiKey);
      expect(text).not.toContain(rotated.body.apiKey);
      expect(text).not.toContain('api_key_hash');
      // A taken code: 409, nothing written.
      const audits = await auditCount();
      expect(
        (await stack.client.as('admin', 'POST', '/api/v1/open311/clients', { code: 'audit-client', name: 'x' })).status,
      ).toBe(409);
      expect(await auditCount()).toBe(audits);
    });
  });

  describe('GET /api/v1/audit and the CSV export', () => {
    it('filters by actor, entity and period, newest first, paged', async () => {
      const page = await stack.client.as<Page<AuditBody>>(
        'admin',
        'GET',
        '/api/v1/audit?actor=admin&entity=slaPolicy&pageSize=2',
      );
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ page: 1, pageSize: 2 });
      expect(page.body.total).toBeGreaterThanOrEqual(3);
      expect(page.body.items).toHaveLength(2);
      expect(page.body.items.every((r) => r.actorUsername === 'admin' && r.entity === 'slaPolicy')).toBe(true);
      expect(page.body.items[0].at >= page.body.items[1].at).toBe(true);
      expect(page.body.items[0].at).toMatch(/\+08:00$/);

      const future = await stack.client.as<Page<AuditBody>>('admin', 'GET', '/api/v1/audit?from=2099-01-01');
      expect(future.body).toMatchObject({ items: [], total: 0 });
      const seeded = await stack.client.as<Page<AuditBody>>(
        'admin',
        'GET',
        '/api/v1/audit?actor=system:seed&entity=user&pageSize=1',
      );
      expect(seeded.body.total).toBeGreaterThan(40);
      expect(JSON.stringify(seeded.body)).not.toContain('password_hash');
    });

    it('refuses bad filters (one date parser) and non-admins, with nothing written', async () => {
      const audits = await auditCount();
      for (const query of ['from=2026-02-30', 'to=20261129', 'entity=case', 'pageSize=1e3']) {
        const r = await stack.client.as<ErrorBody>('admin', 'GET', `/api/v1/audit?${query}`);
        expect(r.status).toBe(400);
      }
      for (const who of ['supervisor', 'operator', 'lead-heating']) {
        expect((await stack.client.as(who, 'GET', '/api/v1/audit')).status).toBe(403);
        expect((await stack.client.as(who, 'GET', '/api/v1/audit/export')).status).toBe(403);
      }
      expect(await auditCount()).toBe(audits);
    });

    it('exports the same rows as CSV, oldest first', async () => {
      const r = await stack.client.as<string>('admin', 'GET', '/api/v1/audit/export?entity=holidayOverride&actor=admin');
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = r.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe('id,at,actorUsername,actorRole,actorId,entity,entityId,action,before,after,requestId,address');
      const ours = lines.filter((l) => l.includes('2031-06-02'));
      expect(ours).toHaveLength(2);
      expect(ours[0]).toContain(',create,');
      expect(ours[1]).toContain(',delete,');
      // The export holds personal data (staff names, client addresses): it leaves an audit row itself.
      const exported = await stack.db.query<{ actor_username: string; after: unknown }>(
        `SELECT actor_username, after FROM audit_log WHERE entity = 'personalDataExport' AND entity_id = 'audit_log' ORDER BY id DESC LIMIT 1`,
      );
      expect(exported.rows[0]).toMatchObject({
        actor_username: 'admin',
        after: { filters: { entity: 'holidayOverride', actor: 'admin' }, rows: lines.length - 1, truncated: false },
      });
    });
  });
});
