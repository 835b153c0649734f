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
 * TypeORM manager) and the offline verifier (on a pg client) read exactly the same. One statement (one
 * round trip and one snapshot; it was three): each part comes back as a JSON array, whose timestamps
 * are turned back into dates here, to the millisecond as the driver would.
 */
export async function caseHistoryRows(
  sql: Sql,
  caseIds: readonly string[],
): Promise<{ cases: CaseKeysRow[]; events: CaseEventRow[]; deadlines: CaseDeadlineRow[] }> {
  const [parts] = await sql<{ cases: CaseKeysRow[]; events: CaseEventRow[]; deadlines: CaseDeadlineRow[] }>(
    `SELECT
       (SELECT COALESCE(json_agg(json_build_object('id', id, 'receivedAt', received_at, 'departmentId', lead_department_id,
                 'streetId', street_id, 'communityId', community_id, 'gridId', grid_id, 'categoryId', category_id,
                 'kind', kind, 'channel', channel)), '[]'::json)
          FROM cases WHERE id = ANY($1::uuid[])) AS cases,
       (SELECT COALESCE(json_agg(json_build_object('caseId', case_id, 'id', id::text, 'type', type, 'at', at, 'data', data)
                 ORDER BY case_id, id), '[]'::json)
          FROM case_events WHERE case_id = ANY($1::uuid[])) AS events,
       (SELECT COALESCE(json_agg(json_build_object('caseId', case_id, 'stage', stage, 'startedAt', started_at,
                 'deadline', deadline, 'endedAt', ended_at)), '[]'::json)
          FROM case_deadlines WHERE case_id = ANY($1::uuid[])) AS deadlines`,
    [caseIds],
  );
  const date = (value: Date | string): Date => new Date(value);
  return {
    cases: parts.cases.map((c) => ({ ...c, receivedAt: date(c.receivedAt) })),
    events: parts.events.map((e) => ({ ...e, at: date(e.at) })),
    deadlines: parts.deadlines.map((d) => ({
      ...d,
      startedAt: date(d.startedAt),
      deadline: date(d.deadline),
      endedAt: d.endedAt === null ? null : date(d.endedAt),
    })),
  };
}

/** The ids of the cases received on the district days [fromDay, toDay) (YYYY-MM-DD in `timeZone`), in id order. */
export async function caseIdsReceivedOnDays(sql: Sql, fromDay: string, toDay: string, timeZone: string): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    `SELECT id FROM cases WHERE received_at >= ($1::date)::timestamp AT TIME ZONE $3 AND received_at < ($2::date)::timestamp AT TIME ZONE $3 ORDER BY id`,
    [fromDay, toDay, timeZone],
  );
  return rows.map((r) => r.id);
}
