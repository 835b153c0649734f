import type { DataSource, EntityManager } from 'typeorm';
import { sqlRow } from '@hotline/database';
import type { CaseActionRequest } from './case-action-request';
import {
  NO_LOOKUPS,
  type ActionLookups,
  type FoundAssignee,
  type FoundExtensionRequest,
  type FoundMergeTarget,
  type FoundSuspension,
} from './action-planners';
import type { TransitionRow } from './transition-plan';

/**
 * Reads the rows an action names (the extension request decided, the merge target, the assignee), so
 * that its planner stays pure. Read before the transaction, like the case facts: what must still hold
 * when the plan commits (a pending request, an open target) the writer checks again.
 */
export async function lookupsFor(
  db: DataSource | EntityManager,
  row: TransitionRow,
  request: CaseActionRequest,
): Promise<ActionLookups> {
  switch (request.action) {
    case 'approveExtension':
    case 'rejectExtension': {
      const found = await sqlRow<FoundExtensionRequest>(
        db,
        `SELECT status, days FROM extension_requests WHERE id = $1 AND case_id = $2`,
        [request.requestId, row.id],
      );
      return { ...NO_LOOKUPS, extensionRequest: found ?? null };
    }
    case 'merge': {
      const target = await sqlRow<FoundMergeTarget>(
        db,
        `SELECT t.case_no AS "caseNo", t.status, t.confidential = o.confidential AS "sameConfidentiality"
           FROM cases t, cases o WHERE t.id = $1 AND o.id = $2`,
        [request.targetCaseId, row.id],
      );
      return { ...NO_LOOKUPS, mergeTarget: target ?? null };
    }
    case 'assign': {
      const user = await sqlRow<FoundAssignee>(
        db,
        `SELECT display_name AS "displayName", role, department_id AS "departmentId", active FROM users WHERE id = $1`,
        [request.userId],
      );
      return { ...NO_LOOKUPS, assignee: user ?? null };
    }
    case 'decideSuspension':
    case 'resume': {
      // The paused deadline is the stage's deadline row the approval ended, at the suspension's own instant.
      const found = await sqlRow<FoundSuspension>(
        db,
        `SELECT s.id, s.status, s.stage, s.reason, s.remaining_ms::float8 AS "remainingMs",
                s.warn_remaining_ms::float8 AS "warnRemainingMs",
                (SELECT d.deadline FROM case_deadlines d
                  WHERE d.case_id = s.case_id AND d.stage = s.stage AND d.ended_at = s.suspended_at
                  ORDER BY d.started_at DESC LIMIT 1) AS "pausedDeadline"
           FROM case_suspensions s WHERE s.case_id = $1 AND s.status IN ('pending', 'active')`,
        [row.id],
      );
      return { ...NO_LOOKUPS, suspension: found ?? null };
    }
    default:
      return NO_LOOKUPS;
  }
}
