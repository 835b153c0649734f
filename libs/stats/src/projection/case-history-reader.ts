import type { CaseDimensions } from '../figures/case-facts-row';
import type { FigureDeadline, FigureEvent } from '../figures/case-figures';
import type { Sql } from './sql';

export interface CaseHistory {
  caseId: string;
  dims: CaseDimensions;
  events: FigureEvent[];
  deadlines: FigureDeadline[];
  lastEventId: string;
}

/**
 * Reads what the figures are derived from, for a batch of cases: the case's group keys, its whole
 * history (ordered by id) and its SLA deadline rows. A case id that does not exist is simply absent.
 */
export async function readCaseHistories(sql: Sql, caseIds: readonly string[]): Promise<Map<string, CaseHistory>> {
  const histories = new Map<string, CaseHistory>();
  if (caseIds.length === 0) return histories;
  const cases = await sql<{
    id: string;
    receivedAt: Date;
    departmentId: string | null;
    streetId: string | null;
    communityId: string | null;
    gridId: string | null;
    categoryId: string;
    kind: string;
    channel: string;
  }>(
    `SELECT id, received_at AS "receivedAt", lead_department_id AS "departmentId", street_id AS "streetId",
            community_id AS "communityId", grid_id AS "gridId", category_id AS "categoryId", kind, channel
       FROM cases WHERE id = ANY($1::uuid[])`,
    [caseIds],
  );
  for (const c of cases) {
    const { id, ...dims } = c;
    histories.set(id, { caseId: id, dims, events: [], deadlines: [], lastEventId: '0' });
  }
  const events = await sql<{ caseId: string; id: string; type: string; at: Date; data: Record<string, unknown> }>(
    `SELECT case_id AS "caseId", id::text AS id, type, at, data FROM case_events WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, id`,
    [caseIds],
  );
  for (const e of events) {
    const h = histories.get(e.caseId);
    if (!h) continue;
    h.events.push({ type: e.type, at: e.at, data: e.data });
    h.lastEventId = e.id;
  }
  const deadlines = await sql<{ caseId: string; stage: string; startedAt: Date; deadline: Date; endedAt: Date | null }>(
    `SELECT case_id AS "caseId", stage, started_at AS "startedAt", deadline, ended_at AS "endedAt"
       FROM case_deadlines WHERE case_id = ANY($1::uuid[])`,
    [caseIds],
  );
  for (const d of deadlines)
    histories.get(d.caseId)?.deadlines.push({ stage: d.stage, startedAt: d.startedAt, deadline: d.deadline, endedAt: d.endedAt });
  return histories;
}
