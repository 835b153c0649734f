import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@hotline/clock';
import { sqlRow, sqlRows } from '@hotline/database';
import { DomainError } from '@hotline/errors';
import { SYSTEM_ACTOR } from '../history/case-history';
import { CaseTransitionService } from '../transitions/case-transition.service';

/** What checking one suspension's maximum found. `notDue`: the timer fired early; run it again at `dueAt`. */
export type ResumeOutcome = { outcome: 'resumed' } | { outcome: 'over' } | { outcome: 'notDue'; dueAt: Date };

const SWEEP_BATCH = 500;

/**
 * Resumes a suspended clock (挂起) once the policy's maximum suspension has passed, from its timer or from
 * the sweep (a lost timer): the system's `resume` through the case's one transition path. Exactly once
 * however many workers try together: the resumption ends the suspension row only while it is active and
 * under the case's optimistic lock, so the others find it over and do nothing.
 */
@Injectable()
export class SuspensionResumerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitionService,
    private readonly clock: Clock,
  ) {}

  async resumeIfDue(caseId: string, suspensionId: string): Promise<ResumeOutcome> {
    const row = await sqlRow<{ status: string; resumeBy: Date | null }>(
      this.dataSource,
      `SELECT status, resume_by AS "resumeBy" FROM case_suspensions WHERE id = $1 AND case_id = $2`,
      [suspensionId, caseId],
    );
    if (!row || row.status !== 'active' || !row.resumeBy) return { outcome: 'over' };
    if (this.clock.now().getTime() < row.resumeBy.getTime()) return { outcome: 'notDue', dueAt: row.resumeBy };
    try {
      await this.transitions.perform(caseId, { action: 'resume' }, { ...SYSTEM_ACTOR, role: 'system', departmentId: null });
      return { outcome: 'resumed' };
    } catch (error) {
      // Someone resumed it (or the stage ended) between the read and the write: nothing left to do.
      if (error instanceof DomainError && error.kind === 'conflict') return { outcome: 'over' };
      throw error;
    }
  }

  /** The sweep's part: every active suspension past its maximum. Returns how many it resumed. */
  async resumeDue(): Promise<number> {
    const due = await sqlRows<{ caseId: string; id: string }>(
      this.dataSource,
      `SELECT case_id AS "caseId", id FROM case_suspensions WHERE status = 'active' AND resume_by <= $1
        ORDER BY resume_by LIMIT ${SWEEP_BATCH}`,
      [this.clock.now()],
    );
    let resumed = 0;
    for (const row of due) if ((await this.resumeIfDue(row.caseId, row.id)).outcome === 'resumed') resumed += 1;
    return resumed;
  }
}
