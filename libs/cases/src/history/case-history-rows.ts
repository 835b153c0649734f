import type { Sql } from '@hotline/database';

/** A case's group keys, as the statistics count them. */
export interface CaseKeysRow {
  id: string;
  receivedAt: Date;
  departmentId: string | null;
  streetId: string | null;
  communityId: string | null;
  gridId: string | null;
  categoryId: string;
  kind: string;
  channel: string;
}

/** One history event, with its id as text (ids are bigint). */
export interface CaseEventRow {
  caseId: string;
  id: string;
  type: string;
  at: Date;
  data: Record<string, unknown>;
}

/** One SLA stage deadline of a case. */
export interface CaseDeadlineRow {
  caseId: string;
  stage: string;
  startedAt: Date;
  deadline: Date;
  endedAt: Date | null;
}

/**
 * What a batch of cases' figures are derived from: their keys, their whole histories (ordered by case,
 * then id) and their SLA deadline rows. Takes a query function so that the statistics projector (on a
 * TypeORM manager) and the offline verifier (on a pg client) read exactly the same.
 */
export async function caseHistoryRows(
  sql: Sql,
  caseIds: readonly string[],
): Promise<{ cases: CaseKeysRow[]; events: CaseEventRow[]; deadlines: CaseDeadlineRow[] }> {
  const cases = await sql<CaseKeysRow>(
    `SELECT id, received_at AS "receivedAt", lead_department_id AS "departmentId", street_id AS "streetId",
            community_id AS "communityId", grid_id AS "gridId", category_id AS "categoryId", kind, channel
       FROM cases WHERE id = ANY($1::uuid[])`,
    [caseIds],
  );
  const events = await sql<CaseEventRow>(
    `SELECT case_id AS "caseId", id::text AS id, type, at, data FROM case_events WHERE case_id = ANY($1::uuid[]) ORDER BY case_events.case_id, case_events.id`,
    [caseIds],
  );
  const deadlines = await sql<CaseDeadlineRow>(
    `SELECT case_id AS "caseId", stage, started_at AS "startedAt", deadline, ended_at AS "endedAt"
       FROM case_deadlines WHERE case_id = ANY($1::uuid[])`,
    [caseIds],
  );
  return { cases, events, deadlines };
}

/** The ids of the cases received on the district days [fromDay, toDay) (YYYY-MM-DD in `timeZone`), in id order. */
export async function caseIdsReceivedOnDays(sql: Sql, fromDay: string, toDay: string, timeZone: string): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    `SELECT id FROM cases WHERE received_at >= ($1::date)::timestamp AT TIME ZONE $3 AND received_at < ($2::date)::timestamp AT TIME ZONE $3 ORDER BY id`,
    [fromDay, toDay, timeZone],
  );
  return rows.map((r) => r.id);
}
