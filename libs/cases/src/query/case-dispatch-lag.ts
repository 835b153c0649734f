import { sqlRow, type SqlRunner } from '@hotline/database';

/**
 * Seconds from the case's receipt to its (latest) dispatch, for the dispatch-lag metric; undefined when
 * there is no such case or it was never dispatched. One primary-key read.
 */
export async function dispatchLagSeconds(db: SqlRunner, caseId: string): Promise<number | undefined> {
  const row = await sqlRow<{ seconds: number }>(
    db,
    `SELECT extract(epoch FROM dispatched_at - received_at)::float8 AS seconds
       FROM cases WHERE id = $1 AND dispatched_at IS NOT NULL`,
    [caseId],
  );
  return row?.seconds;
}
