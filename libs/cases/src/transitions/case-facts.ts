import type { DataSource, EntityManager } from 'typeorm';
import type { AssistingPartFacts } from '../state-machine';
import { sqlRows } from '@hotline/database';

export interface LoadedCaseFacts {
  extensionCount: number;
  pendingExtension: boolean;
  callbackAttempts: number;
  assistingPart: AssistingPartFacts;
  /** When the case was last closed (its latest `closed` event), null if never: the repeat-call window counts from it. */
  lastClosedAt: Date | null;
  /** 挂起: the case's open suspension, if any. */
  suspension: 'pending' | 'active' | null;
}

interface FactsRow {
  extensionCount: number;
  pendingExtension: boolean;
  callbackAttempts: number;
  assistAccepted: boolean;
  assistReplied: boolean;
  lastClosedAt: Date | null;
  suspension: 'pending' | 'active' | null;
}

/**
 * The facts the machine needs beyond the case row, read from the extension requests and the history.
 * Read before the transaction: every change to them also bumps the case version, so the optimistic
 * lock refuses a transition decided on stale facts.
 * - callback attempts count since the last reply (a reopened case starts a new round of callbacks);
 * - an assisting department's part counts since the last dispatch (a re-dispatch starts over).
 */
export async function loadCaseFacts(
  dataSource: DataSource | EntityManager,
  caseId: string,
  departmentId: string | null,
): Promise<LoadedCaseFacts> {
  const [facts] = await sqlRows<FactsRow>(
    dataSource,
    `WITH ev AS (SELECT id, type, data FROM case_events WHERE case_id = $1),
          marks AS (
            SELECT COALESCE(max(id) FILTER (WHERE type IN ('replied', 'directAnswered')), 0) AS last_reply,
                   COALESCE(max(id) FILTER (WHERE type = 'dispatched'), 0) AS last_dispatch
              FROM ev)
     SELECT (SELECT count(*)::int FROM extension_requests WHERE case_id = $1) AS "extensionCount",
            EXISTS (SELECT 1 FROM extension_requests WHERE case_id = $1 AND status = 'pending') AS "pendingExtension",
            (SELECT count(*)::int FROM ev, marks WHERE ev.type = 'callbackAttempted' AND ev.id > marks.last_reply) AS "callbackAttempts",
            EXISTS (SELECT 1 FROM ev, marks WHERE ev.type = 'assistAccepted' AND ev.id > marks.last_dispatch
                       AND ev.data->>'departmentId' = $2::text) AS "assistAccepted",
            EXISTS (SELECT 1 FROM ev, marks WHERE ev.type = 'assistReplied' AND ev.id > marks.last_dispatch
                       AND ev.data->>'departmentId' = $2::text) AS "assistReplied",
            (SELECT max(at) FROM case_events WHERE case_id = $1 AND type = 'closed') AS "lastClosedAt",
            (SELECT status FROM case_suspensions WHERE case_id = $1 AND status IN ('pending', 'active')) AS "suspension"`,
    [caseId, departmentId],
  );
  return {
    extensionCount: facts.extensionCount,
    pendingExtension: facts.pendingExtension,
    callbackAttempts: facts.callbackAttempts,
    assistingPart: { accepted: facts.assistAccepted, replied: facts.assistReplied },
    lastClosedAt: facts.lastClosedAt,
    suspension: facts.suspension,
  };
}
