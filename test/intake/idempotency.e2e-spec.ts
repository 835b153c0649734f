import { heatingComplaint, useStack, type CaseBody, type ErrorBody } from '@hotline/testing';

/** A retried or double-clicked submit with the same Idempotency-Key makes one case and the same answer. */
describe('Idempotency-Key on intake', () => {
  const stack = useStack({ worker: false });

  /** Answers the case, or the refusal (`submit<ErrorBody>`) where a test expects one. */
  const submit = async <T = CaseBody>(key: string | undefined, body: Record<string, unknown>) =>
    stack.client.request<T>('POST', '/api/v1/cases', {
      token: await stack.client.token('operator'),
      body,
      headers: key === undefined ? {} : { 'idempotency-key': key },
    });

  it('makes one case for ten concurrent submits with one key, answering each with that case', async () => {
    const key = `submit-${Date.now()}-${Math.random()}`;
    const title = `双击提交 ${key}`;
    const responses = await Promise.all(Array.from({ length: 10 }, () => submit(key, heatingComplaint({ title }))));
    expect(responses.map((r) => r.status)).toEqual(Array<number>(10).fill(201));
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    const { rows } = await stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE title = $1`, [title]);
    expect(rows[0].n).toBe(1);
    const outbox = await stack.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'route-case' AND payload->>'caseId' = $1`,
      [[...ids][0]],
    );
    expect(outbox.rows[0].n).toBe(1);
  });

  it('answers a retry after the first answer with the very same case, field for field', async () => {
    const key = `retry-${Date.now()}-${Math.random()}`;
    const body = heatingComplaint({ title: `重试 ${key}` });
    const first = await submit(key, body);
    const retry = await submit(key, body);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
  });

  it('refuses the same key with a different request (409) and a malformed key (400), writing nothing', async () => {
    const key = `reuse-${Date.now()}`;
    expect((await submit(key, heatingComplaint({ title: '第一次' }))).status).toBe(201);
    const before = (await stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases`)).rows[0].n;
    const reused = await submit<ErrorBody>(key, heatingComplaint({ title: '内容不同' }));
    expect(reused.status).toBe(409);
    expect(reused.body.error).toBe('IdempotencyKeyReused');
    const malformed = await submit<ErrorBody>('has spaces in it', heatingComplaint());
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0].field).toBe('Idempotency-Key');
    expect((await stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases`)).rows[0].n).toBe(before);
  });

  it('creates a new case for each submit without a key', async () => {
    const title = `无键 ${Date.now()}`;
    await submit(undefined, heatingComplaint({ title }));
    await submit(undefined, heatingComplaint({ title }));
    const { rows } = await stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE title = $1`, [title]);
    expect(rows[0].n).toBe(2);
  });
});
