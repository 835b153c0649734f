import type { SqlRunner } from './typed-sql';
import { sqlAffected, sqlExec, sqlRow, sqlRows } from './typed-sql';

/** A runner answering as TypeORM's postgres driver does: `[rows, count]` for UPDATE and DELETE, rows otherwise. */
function runner(answer: unknown): { db: SqlRunner; calls: Array<[string, unknown[] | undefined]> } {
  const calls: Array<[string, unknown[] | undefined]> = [];
  const db = {
    query: (text: string, params?: unknown[]) => {
      calls.push([text, params]);
      return Promise.resolve(answer);
    },
  } as unknown as SqlRunner;
  return { db, calls };
}

describe('typed SQL helpers', () => {
  it("return a SELECT's rows, and its first row or undefined", async () => {
    const rows = [{ id: 'a' }, { id: 'b' }];
    expect(await sqlRows<{ id: string }>(runner(rows).db, 'SELECT id FROM t')).toEqual(rows);
    expect(await sqlRow<{ id: string }>(runner(rows).db, 'SELECT id FROM t')).toEqual({ id: 'a' });
    expect(await sqlRow<{ id: string }>(runner([]).db, 'SELECT id FROM t')).toBeUndefined();
  });

  it('return the RETURNING rows of an UPDATE or DELETE, which the driver answers with [rows, count]', async () => {
    expect(await sqlRows<{ id: string }>(runner([[{ id: 'a' }], 1]).db, 'UPDATE t SET x = 1 RETURNING id')).toEqual([
      { id: 'a' },
    ]);
    expect(await sqlRow<{ id: string }>(runner([[], 0]).db, 'UPDATE t SET x = 1 RETURNING id')).toBeUndefined();
  });

  it('count the rows an UPDATE changed, and refuse to count anything else', async () => {
    expect(await sqlAffected(runner([[], 3]).db, 'UPDATE t SET x = 1')).toBe(3);
    await expect(sqlAffected(runner([{ id: 'a' }]).db, 'SELECT id FROM t')).rejects.toThrow(/UPDATE or DELETE/);
  });

  it('pass the parameters through, as a fresh array', async () => {
    const { db, calls } = runner([]);
    const params = ['x', 1] as const;
    await sqlExec(db, 'SELECT $1, $2', params);
    await sqlExec(db, 'SELECT 1');
    expect(calls).toEqual([
      ['SELECT $1, $2', ['x', 1]],
      ['SELECT 1', undefined],
    ]);
  });
});
