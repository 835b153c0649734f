import type { Client } from 'pg';

/**
 * Runs a statement on an audited table as an admin tool would: in one transaction with an audit row for
 * every row it changed (the database refuses the commit otherwise; migration AuditTrail). The statement
 * must end with `RETURNING <entity id> AS key`; answers those keys.
 */
export async function auditedSql(db: Client, entity: string, sql: string, params: unknown[] = []): Promise<string[]> {
  await db.query('BEGIN');
  try {
    const { rows } = await db.query<{ key: string }>(sql, params);
    for (const { key } of rows) {
      await db.query(`INSERT INTO audit_log (actor_username, entity, entity_id, action) VALUES ('system:test', $1, $2, 'test')`, [
        entity,
        key,
      ]);
    }
    await db.query('COMMIT');
    return rows.map((r) => r.key);
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}
