import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchKnowledge, type KnowledgeEntry } from '../../apps/api/src/knowledge/knowledge-base';
import { neighbourhoodDispute, useStack, type CaseBody, type ErrorBody } from '@hotline/testing';

interface AdminEntry extends KnowledgeEntry {
  active: boolean;
  useCount: number;
  editedAt: string | null;
}

/**
 * The knowledge base in PostgreSQL (tracker 18): the operators' search answers as it did from the seed
 * file; the centre creates, corrects and retires entries, each audited, refusals changing nothing; a
 * direct answer given with an entry counts it. Entries made here are retired at the end (the run's
 * other suites share the database).
 */
describe('Knowledge base', () => {
  const stack = useStack({ worker: false });
  const tag = Date.now().toString(36).slice(-5);
  const code = `kb-test-${tag}`;
  const seeded = JSON.parse(readFileSync(join(__dirname, '../../seeds/knowledge-base.json'), 'utf8')) as KnowledgeEntry[];

  const auditOf = async (entityId: string) =>
    (
      await stack.db.query<{ action: string; actor: string; before: unknown; after: Record<string, unknown> }>(
        `SELECT action, actor_username AS actor, before, after FROM audit_log WHERE entity = 'knowledgeEntry' AND entity_id = $1 ORDER BY id`,
        [entityId],
      )
    ).rows;
  const rowOf = async (entityId: string) =>
    (await stack.db.query(`SELECT * FROM knowledge_entries WHERE code = $1`, [entityId])).rows[0] as Record<string, unknown>;
  const listed = async (user = 'admin') => {
    const r = await stack.client.as<AdminEntry[]>(user, 'GET', '/api/v1/admin/knowledge');
    expect(r.status).toBe(200);
    return r.body;
  };

  it('answers GET /api/v1/knowledge exactly as the seed file did', async () => {
    for (const query of [
      { category: 'heating.no-heat' },
      { category: 'heating' },
      { q: '孩子上幼儿园要什么材料' },
      { q: '什么时候供暖', category: 'heating.no-heat' },
      { q: '路灯不亮' },
    ]) {
      const search = new URLSearchParams(query as Record<string, string>).toString();
      const r = await stack.client.as<KnowledgeEntry[]>('operator', 'GET', `/api/v1/knowledge?${search}`);
      expect({ query, status: r.status, body: r.body }).toEqual({
        query,
        status: 200,
        body: searchKnowledge(seeded, query.category, query.q),
      });
    }
    expect(
      (await stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM knowledge_entries`)).rows[0].n,
    ).toBeGreaterThanOrEqual(seeded.length);
    const [first] = await auditOf(seeded[0].id);
    expect(first).toMatchObject({ action: 'seed', actor: 'system:seed' });
  });

  it('creates, corrects and retires an entry, each with its audit row; operators find it until it is retired', async () => {
    const body = {
      code,
      categoryCode: 'heating.no-heat',
      question: `测试专用问题${tag}暖气片漏水`,
      answer: '请联系物业维修。',
      keywords: ['暖气片漏水'],
    };
    const created = await stack.client.as<AdminEntry>('supervisor', 'POST', '/api/v1/admin/knowledge', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: code, active: true, useCount: 0 });
    const found = await stack.client.as<KnowledgeEntry[]>(
      'operator',
      'GET',
      `/api/v1/knowledge?q=${encodeURIComponent('家里暖气片漏水了')}`,
    );
    expect(found.body.map((e) => e.id)).toContain(code);
    expect(Object.keys(found.body.find((e) => e.id === code)!).sort()).toEqual([
      'answer',
      'categoryCode',
      'id',
      'keywords',
      'question',
    ]);

    const updated = await stack.client.as<AdminEntry>('admin', 'PATCH', `/api/v1/admin/knowledge/${code}`, {
      answer: '请拨打物业电话报修。',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ answer: '请拨打物业电话报修。', question: body.question });

    const retired = await stack.client.as<AdminEntry>('admin', 'POST', `/api/v1/admin/knowledge/${code}/retire`, {
      reason: '测试结束',
    });
    expect(retired.status).toBe(200);
    expect(retired.body.active).toBe(false);
    const after = await stack.client.as<KnowledgeEntry[]>(
      'operator',
      'GET',
      `/api/v1/knowledge?q=${encodeURIComponent('家里暖气片漏水了')}`,
    );
    expect(after.body.map((e) => e.id)).not.toContain(code);
    expect((await stack.client.as<ErrorBody>('admin', 'PATCH', `/api/v1/admin/knowledge/${code}`, { answer: 'x' })).status).toBe(
      409,
    );

    const audit = await auditOf(code);
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['create', 'supervisor'],
      ['update', 'admin'],
      ['retire', 'admin'],
    ]);
    expect(audit[1]).toMatchObject({ before: { answer: '请联系物业维修。' }, after: { answer: '请拨打物业电话报修。' } });
    expect(audit[2].after).toMatchObject({ active: false, reason: '测试结束' });
    expect((await listed('supervisor')).find((e) => e.id === code)).toMatchObject({ active: false });
  });

  it('refuses bad input with the field, changing nothing', async () => {
    const other = `kb-bad-${tag}`;
    const cases: Array<[string, string, unknown, string]> = [
      [
        'POST',
        '/api/v1/admin/knowledge',
        { code: other, categoryCode: 'no.such-category', question: '问', answer: '答', keywords: [] },
        'categoryCode',
      ],
      [
        'POST',
        '/api/v1/admin/knowledge',
        { code: 'Bad Code', categoryCode: 'heating.no-heat', question: '问', answer: '答', keywords: [] },
        'code',
      ],
      [
        'POST',
        '/api/v1/admin/knowledge',
        { code: other, categoryCode: 'heating.no-heat', question: '', answer: '答', keywords: [] },
        'question',
      ],
      ['PATCH', `/api/v1/admin/knowledge/${seeded[0].id}`, { keywords: 'not-a-list' }, 'keywords'],
      ['PATCH', `/api/v1/admin/knowledge/${seeded[0].id}`, { categoryCode: 'no.such-category' }, 'categoryCode'],
    ];
    const before = await rowOf(seeded[0].id);
    const auditsBefore = (await auditOf(seeded[0].id)).length;
    for (const [method, path, body, field] of cases) {
      const r = await stack.client.as<ErrorBody>('admin', method, path, body);
      expect({ path, field, status: r.status, fields: JSON.stringify(r.body) }).toMatchObject({ path, field, status: 400 });
      expect(JSON.stringify(r.body)).toContain(`"${field}`);
    }
    expect(await rowOf(other)).toBeUndefined();
    expect(await rowOf(seeded[0].id)).toEqual(before);
    expect((await auditOf(seeded[0].id)).length).toBe(auditsBefore);
    expect((await stack.client.as('operator', 'GET', '/api/v1/admin/knowledge')).status).toBe(403);
    expect((await stack.client.as('operator', 'POST', '/api/v1/admin/knowledge', { code: other })).status).toBe(403);
  });

  it('counts a direct answer given with an entry, shown to editors; an unknown entry is refused with nothing changed', async () => {
    const entry = seeded[0].id;
    const countOf = async () => (await listed()).find((e) => e.id === entry)!.useCount;
    const start = await countOf();
    const consultation = async () => {
      const created = await stack.client.as<CaseBody>(
        'operator',
        'POST',
        '/api/v1/cases',
        neighbourhoodDispute({ kind: 'consultation' }),
      );
      expect(created.status).toBe(201);
      return created.body.id;
    };

    const refusedCase = await consultation();
    const refused = await stack.client.as<ErrorBody>('operator', 'POST', `/api/v1/cases/${refusedCase}/direct-answer`, {
      answer: seeded[0].answer,
      knowledgeEntryId: 'kb-no-such-entry',
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('knowledgeEntryId');
    expect(
      (await stack.db.query<{ status: string }>(`SELECT status FROM cases WHERE id = $1`, [refusedCase])).rows[0].status,
    ).toBe('received');

    const answered = await stack.client.as<CaseBody>('operator', 'POST', `/api/v1/cases/${refusedCase}/direct-answer`, {
      answer: seeded[0].answer,
      knowledgeEntryId: entry,
    });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('replied');
    expect(await countOf()).toBe(start + 1);

    // A refused transition (already replied) counts nothing.
    const again = await stack.client.as<ErrorBody>('operator', 'POST', `/api/v1/cases/${refusedCase}/direct-answer`, {
      answer: seeded[0].answer,
      knowledgeEntryId: entry,
    });
    expect(again.status).toBe(409);
    expect(await countOf()).toBe(start + 1);
    // Without an entry the answer is given as before, and nothing is counted.
    const plain = await stack.client.as<CaseBody>('operator', 'POST', `/api/v1/cases/${await consultation()}/direct-answer`, {
      answer: '自拟答复',
    });
    expect(plain.status).toBe(200);
    expect(await countOf()).toBe(start + 1);
  });
});
