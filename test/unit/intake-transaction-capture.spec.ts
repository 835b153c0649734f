import {
  CapturedStatement,
  lastIntakeTransaction,
  pgbenchScriptFor,
  withoutNotify,
} from '../../bench/capture/intake-transaction';

const CASE_ID = '11111111-2222-4333-8444-555555555555';
const OPERATOR_ID = '99999999-8888-4777-8666-555555555555';
const NOW = '2026-11-29T14:30:00.123+00:00';

const statement = (
  connection: number,
  text: string,
  values: CapturedStatement['values'] = [],
  firstRow: CapturedStatement['firstRow'] = null,
) => ({
  connection,
  text,
  values,
  firstRow,
});

const captured: CapturedStatement[] = [
  statement(1, 'SELECT version FROM users WHERE id = $1', [OPERATOR_ID], { version: '1' }),
  statement(2, 'START TRANSACTION'),
  statement(2, `SELECT nextval('case_no_seq') AS seq, now() AS now`, [], { seq: '7', now: NOW }),
  statement(3, 'SELECT 1 FROM some_other_work'),
  statement(
    2,
    'INSERT INTO cases (case_no, title, created_by_id, received_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id',
    ['XG20261129000007', "it's cold", OPERATOR_ID, NOW],
    { id: CASE_ID },
  ),
  statement(
    2,
    'INSERT INTO case_events (case_id, data) VALUES ($1, $2::jsonb) RETURNING id',
    [CASE_ID, '{"caseNo":"XG20261129000007"}'],
    { id: 'aaaaaaaa-2222-4333-8444-555555555555' },
  ),
  statement(2, 'INSERT INTO "outbox"("job_id", "payload", "run_at") VALUES ($1, $2, $3)', [
    `route-case.${CASE_ID}.v1`,
    `{"caseId":"${CASE_ID}","version":1}`,
    null,
  ]),
  statement(2, `SELECT pg_notify($1, '')`, ['outbox']),
  statement(2, 'COMMIT'),
  statement(2, 'SELECT * FROM cases WHERE id = $1', [CASE_ID]),
];

describe('the pgbench script captured from an intake', () => {
  it('keeps only the transaction that inserted the case, on its own connection', () => {
    const transaction = lastIntakeTransaction(captured);
    expect(transaction.map((s) => s.text.split(' ')[0])).toEqual([
      'START',
      'SELECT',
      'INSERT',
      'INSERT',
      'INSERT',
      'SELECT',
      'COMMIT',
    ]);
  });

  it('sends the same statements with what varies per case taken from earlier answers, and seeded ids by name', async () => {
    const lookUp = (id: string) =>
      Promise.resolve(id === OPERATOR_ID ? { table: 'users', column: 'username', value: 'operator' } : undefined);
    const { sql, references } = await pgbenchScriptFor(lastIntakeTransaction(captured), lookUp);
    expect(sql.split('\n\n')).toEqual([
      'START TRANSACTION;',
      `SELECT nextval('case_no_seq') AS seq, now() AS now \\gset s1_`,
      `INSERT INTO cases (case_no, title, created_by_id, received_at, updated_at) VALUES ('XG20261129:s1_seq', 'it''s cold', ':ref_users_operator', ':s1_now', ':s1_now') RETURNING id \\gset s2_`,
      `INSERT INTO case_events (case_id, data) VALUES (':s2_id', '{"caseNo":"XG20261129:s1_seq"}'::jsonb) RETURNING id;`,
      `INSERT INTO "outbox"("job_id", "payload", "run_at") VALUES ('route-case.:s2_id.v1', '{"caseId":":s2_id","version":1}', NULL);`,
      `SELECT pg_notify('outbox', '');`,
      'COMMIT;\n',
    ]);
    expect(references).toEqual({ ref_users_operator: { table: 'users', column: 'username', value: 'operator' } });
    expect(withoutNotify(sql)).not.toContain('pg_notify');
    expect(withoutNotify(sql).split('\n\n')).toHaveLength(6);
  });

  it('finds the case inserted by a CTE statement, and takes a NOTIFY out of a statement that also writes', async () => {
    const transaction: CapturedStatement[] = [
      statement(4, 'START TRANSACTION'),
      statement(4, `SELECT nextval('case_no_seq') AS seq, now() AS now, gen_random_uuid() AS id`, [], {
        seq: '12',
        now: NOW,
        id: CASE_ID,
      }),
      statement(
        4,
        `WITH created AS (INSERT INTO cases AS c (id, case_no, received_at) VALUES ($1, $2, $3) RETURNING c.id),
         wake AS (SELECT pg_notify($4, '')) SELECT created.* FROM created, wake`,
        [CASE_ID, 'XG20261129000012', NOW, 'hotline_outbox'],
        { id: CASE_ID },
      ),
      statement(4, 'COMMIT'),
    ];
    expect(lastIntakeTransaction(transaction)).toHaveLength(4);
    const { sql } = await pgbenchScriptFor(transaction, () => Promise.resolve(undefined));
    expect(sql).toContain(`VALUES (':s1_id', 'XG20261129:s1_seq', ':s1_now')`);
    expect(sql).toContain(`pg_notify('hotline_outbox', '')`);
    const quiet = withoutNotify(sql);
    expect(quiet).not.toContain('pg_notify');
    expect(quiet).toContain('wake AS (SELECT NULL)');
    expect(quiet.split('\n\n')).toHaveLength(4);
  });
});
