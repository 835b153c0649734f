import { sqlRow, sqlRows, type SqlRunner } from '@hotline/database';

/** What automatic dispatch reads of a case: its state and version, and what the routing rules match on. */
export interface RoutingFactsRow {
  status: string;
  version: number;
  kind: string;
  title: string;
  description: string;
  categoryId: string;
  gridId: string | null;
  streetId: string | null;
}

/** The case's routing facts, or undefined when there is no such case. */
export function routingFactsOf(db: SqlRunner, caseId: string): Promise<RoutingFactsRow | undefined> {
  return sqlRow<RoutingFactsRow>(
    db,
    `SELECT c.status, c.version, c.kind, c.title, c.description, c.category_id AS "categoryId", c.grid_id AS "gridId", c.street_id AS "streetId"
       FROM cases c WHERE c.id = $1`,
    [caseId],
  );
}

/** The routing facts of the cases received since `since`, newest first, at most `limit` (the rule preview replays them). */
export function recentRoutingFacts(
  db: SqlRunner,
  since: Date,
  limit: number,
): Promise<Array<RoutingFactsRow & { id: string; caseNo: string }>> {
  return sqlRows<RoutingFactsRow & { id: string; caseNo: string }>(
    db,
    `SELECT c.id, c.case_no AS "caseNo", c.status, c.version, c.kind, c.title, c.description, c.category_id AS "categoryId",
            c.grid_id AS "gridId", c.street_id AS "streetId"
       FROM cases c WHERE c.received_at >= $1 ORDER BY c.received_at DESC LIMIT $2`,
    [since, limit],
  );
}
