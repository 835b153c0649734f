import { caseHistoryRows } from '@hotline/cases';
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
  const { cases, events, deadlines } = await caseHistoryRows(sql, caseIds);
  for (const c of cases) {
    const { id, ...dims } = c;
    histories.set(id, { caseId: id, dims, events: [], deadlines: [], lastEventId: '0' });
  }
  for (const e of events) {
    const h = histories.get(e.caseId);
    if (!h) continue;
    h.events.push({ type: e.type, at: e.at, data: e.data });
    h.lastEventId = e.id;
  }
  for (const d of deadlines)
    histories.get(d.caseId)?.deadlines.push({ stage: d.stage, startedAt: d.startedAt, deadline: d.deadline, endedAt: d.endedAt });
  return histories;
}
