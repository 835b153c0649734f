/**
 * The rows of an `UPDATE … RETURNING` run through TypeORM's `query()`: node-postgres hands back
 * `[rows, affectedCount]` for UPDATE and DELETE but plain rows for SELECT and INSERT.
 */
export function returnedRows<T>(result: unknown): T[] {
  const rows = result as unknown[];
  return (Array.isArray(rows[0]) ? rows[0] : rows) as T[];
}
