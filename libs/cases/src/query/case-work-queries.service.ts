import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '@hotline/auth';
import { ReferenceDataService } from '@hotline/reference';
import { CaseQueryService } from './case-query.service';
import { sqlRows } from '@hotline/database';
import type { SuspensionStatus } from '../state-machine';

export interface ExtensionRequestView {
  id: string;
  caseId: string;
  caseNo: string;
  days: number;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedBy: string | null;
  requestedAt: Date;
  decidedBy: string | null;
  decisionNote: string | null;
  decidedAt: Date | null;
}

/** A suspension (挂起) request and what became of it. */
export interface SuspensionView {
  id: string;
  caseId: string;
  caseNo: string;
  stage: string;
  reason: string;
  note: string;
  status: SuspensionStatus;
  requestedBy: string | null;
  requestedAt: Date;
  decidedBy: string | null;
  decisionNote: string | null;
  suspendedAt: Date | null;
  resumeBy: Date | null;
  resumedAt: Date | null;
  resumeCause: string | null;
}

export interface DepartmentReturns {
  department: { code: string; name: string };
  /** Returns (退单) the department made in the period. */
  returns: number;
  /** …of which dispatchers rejected (the case went back to the same department). */
  rejected: number;
  /** …of which were dispatched again (to it or another department). */
  redispatched: number;
  /** …still waiting for a dispatcher's decision. */
  waiting: number;
}

const EXTENSION_COLUMNS = `
  x.id, x.case_id AS "caseId", c.case_no AS "caseNo", x.days, x.reason, x.status,
  (SELECT display_name FROM users WHERE id = x.requested_by_id) AS "requestedBy", x.requested_at AS "requestedAt",
  (SELECT display_name FROM users WHERE id = x.decided_by_id) AS "decidedBy", x.decision_note AS "decisionNote", x.decided_at AS "decidedAt"`;

/** Work lists around cases: extension requests (延期) and the returns (退单) each department makes. */
@Injectable()
export class CaseWorkQueriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseQueryService,
    private readonly reference: ReferenceDataService,
  ) {}

  /** One case's extension requests, oldest first, for anyone who may see the case. */
  async extensionRequestsOf(caseId: string, viewer: AuthUser): Promise<ExtensionRequestView[]> {
    await this.cases.loadVisibleRow(caseId, viewer);
    return sqlRows<ExtensionRequestView>(
      this.dataSource,
      `SELECT ${EXTENSION_COLUMNS} FROM extension_requests x JOIN cases c ON c.id = x.case_id WHERE x.case_id = $1 ORDER BY x.requested_at, x.id`,
      [caseId],
    );
  }

  /** The supervisors' approval queue: every request in a status, oldest first. */
  async extensionRequests(status: ExtensionRequestView['status'], limit: number): Promise<ExtensionRequestView[]> {
    return sqlRows<ExtensionRequestView>(
      this.dataSource,
      `SELECT ${EXTENSION_COLUMNS} FROM extension_requests x JOIN cases c ON c.id = x.case_id
        WHERE x.status = $1 ORDER BY x.requested_at, x.id LIMIT $2`,
      [status, limit],
    );
  }

  /** The supervisors' queue of suspensions (挂起) in a status: pending ones to decide, active ones running down. */
  async suspensions(status: SuspensionStatus, limit: number): Promise<SuspensionView[]> {
    return sqlRows<SuspensionView>(
      this.dataSource,
      `SELECT s.id, s.case_id AS "caseId", c.case_no AS "caseNo", s.stage, s.reason, s.note, s.status,
              (SELECT display_name FROM users WHERE id = s.requested_by) AS "requestedBy", s.requested_at AS "requestedAt",
              (SELECT display_name FROM users WHERE id = s.decided_by) AS "decidedBy", s.decision_note AS "decisionNote",
              s.suspended_at AS "suspendedAt", s.resume_by AS "resumeBy", s.resumed_at AS "resumedAt", s.resume_cause AS "resumeCause"
         FROM case_suspensions s JOIN cases c ON c.id = s.case_id
        WHERE s.status = $1 ORDER BY s.requested_at, s.id LIMIT $2`,
      [status, limit],
    );
  }

  /**
   * Returns per department in [from, to): each `returned` event carries the department that returned,
   * and what followed it on the case (a rejection, a new dispatch, nothing yet) says how it ended.
   */
  async returnsByDepartment(from: Date, to: Date): Promise<DepartmentReturns[]> {
    const rows = await sqlRows<{
      departmentId: string;
      returns: number;
      rejected: number;
      redispatched: number;
      waiting: number;
    }>(
      this.dataSource,
      `SELECT e.data->>'departmentId' AS "departmentId", count(*)::int AS returns,
              count(*) FILTER (WHERE next.type = 'returnRejected')::int AS rejected,
              count(*) FILTER (WHERE next.type = 'dispatched')::int AS redispatched,
              count(*) FILTER (WHERE next.type IS NULL)::int AS waiting
         FROM case_events e
         LEFT JOIN LATERAL (
           SELECT n.type FROM case_events n
            WHERE n.case_id = e.case_id AND n.id > e.id AND n.type IN ('returnRejected', 'dispatched', 'merged')
            ORDER BY n.id LIMIT 1) next ON true
        WHERE e.type = 'returned' AND e.at >= $1 AND e.at < $2 AND e.data ? 'departmentId'
        GROUP BY 1`,
      [from, to],
    );
    const snapshot = await this.reference.current();
    return rows
      .map((r) => {
        const d = snapshot.departmentsById.get(r.departmentId);
        return {
          department: { code: d?.code ?? r.departmentId, name: d?.name ?? '' },
          returns: r.returns,
          rejected: r.rejected,
          redispatched: r.redispatched,
          waiting: r.waiting,
        };
      })
      .sort((a, b) => b.returns - a.returns || a.department.code.localeCompare(b.department.code));
  }
}
