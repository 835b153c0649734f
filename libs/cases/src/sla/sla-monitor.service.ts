import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { sqlExec, sqlRow, sqlRows } from '@hotline/database';
import { notifyInTransaction, type NewNotification } from '@hotline/notify';
import { toZonedIso } from '@hotline/sla';
import { appendHistory, appendHistoryOfMany, SYSTEM_ACTOR, type HistoryEntry } from '../history/case-history';

/** What checking one stage deadline found. `notDue`: a timer fired early; run it again at `dueAt`. */
export type SlaCheckOutcome =
  { outcome: 'recorded' } | { outcome: 'alreadyRecorded' } | { outcome: 'stageOver' } | { outcome: 'notDue'; dueAt: Date };

export type SlaDetector = 'timer' | 'sweep';

export interface SweepResult {
  breaches: number;
  warnings: number;
}

interface StageRow {
  caseId: string;
  stage: string;
  deadline: Date;
}

const SWEEP_BATCH = 500;

/**
 * Records SLA warnings and breaches, from a timer or from the sweep. Each is recorded once per stage
 * deadline however many workers look at the same moment: the `case_deadlines` row is claimed with a
 * conditional UPDATE (`… AND breached_at IS NULL`), which only one transaction can win, and the event,
 * the case's marks and the notifications commit in that same transaction.
 *
 * A warning marks the case yellow and tells whoever owns the stage; a breach marks it red (督办 raised),
 * records the breach and tells the supervisors as well. Deadlines and "now" are on the business clock.
 */
@Injectable()
export class SlaMonitorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** A deadline as people read it in the event's note: the district's wall time and offset, not UTC. */
  private local(deadline: Date): string {
    return toZonedIso(deadline, this.config.DISTRICT_TIMEZONE)!;
  }

  recordBreach(caseId: string, stage: string, deadline: Date, detectedBy: SlaDetector): Promise<SlaCheckOutcome> {
    const now = this.clock.now();
    if (now.getTime() < deadline.getTime()) return Promise.resolve({ outcome: 'notDue', dueAt: deadline });
    return this.dataSource.transaction(async (manager) => {
      const current = await lockCase(manager, caseId);
      if (!current) return { outcome: 'stageOver' };
      const claimed = await sqlRows<{ id: string }>(
        manager,
        `UPDATE case_deadlines SET breached_at = $4, warned_at = COALESCE(warned_at, $4)
            WHERE case_id = $1 AND stage = $2 AND deadline = $3 AND ended_at IS NULL AND breached_at IS NULL
            RETURNING id`,
        [caseId, stage, deadline, now],
      );
      if (claimed.length === 0) return this.whyNotClaimed(manager, caseId, stage, deadline, 'breached_at');
      await sqlExec(manager, `UPDATE cases SET supervision_level = 'red', updated_at = now() WHERE id = $1`, [caseId]);
      const breach = this.breachWrites(current, stage, deadline, now, detectedBy);
      await appendHistory(manager, caseId, SYSTEM_ACTOR, [breach.event]);
      await notifyInTransaction(manager, breach.notifications);
      return { outcome: 'recorded' };
    });
  }

  /**
   * The sweep's breaches in one transaction: the cases locked in id order (as one transition locks its
   * one case), the deadline rows claimed by one conditional UPDATE — so a stage a timer recorded
   * meanwhile, or that ended, is left out and each breach is still recorded exactly once — then the
   * marks, events and notifications of the claimed ones. Returns how many it recorded.
   */
  private async recordBreaches(due: readonly StageRow[], now: Date): Promise<number> {
    if (due.length === 0) return 0;
    return this.dataSource.transaction(async (manager) => {
      const locked = await sqlRows<LockedCase>(
        manager,
        `SELECT id, status, case_no AS "caseNo", lead_department_id AS "leadDepartmentId"
           FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [[...new Set(due.map((row) => row.caseId))]],
      );
      const cases = new Map(locked.map((row) => [row.id, row]));
      const claimed = await sqlRows<StageRow>(
        manager,
        `UPDATE case_deadlines d SET breached_at = $4, warned_at = COALESCE(d.warned_at, $4)
           FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS t(case_id, stage, deadline)
          WHERE d.case_id = t.case_id AND d.stage = t.stage AND d.deadline = t.deadline
            AND d.ended_at IS NULL AND d.breached_at IS NULL AND d.deadline <= $4
          RETURNING d.case_id AS "caseId", d.stage, d.deadline`,
        [due.map((row) => row.caseId), due.map((row) => row.stage), due.map((row) => new Date(row.deadline)), now],
      );
      if (claimed.length === 0) return 0;
      await sqlExec(manager, `UPDATE cases SET supervision_level = 'red', updated_at = now() WHERE id = ANY($1::uuid[])`, [
        [...new Set(claimed.map((row) => row.caseId))],
      ]);
      const breaches = claimed.map((row) => ({
        caseId: row.caseId,
        ...this.breachWrites(cases.get(row.caseId)!, row.stage, new Date(row.deadline), now, 'sweep'),
      }));
      const history = breaches.map((b) => ({ caseId: b.caseId, entries: [b.event] }));
      const notifications = breaches.flatMap((b) => b.notifications);
      await appendHistoryOfMany(manager, SYSTEM_ACTOR, history);
      await notifyInTransaction(manager, notifications);
      return claimed.length;
    });
  }

  /** What a recorded breach writes, whoever detected it: the case's event and the notices to send. */
  private breachWrites(
    current: LockedCase,
    stage: string,
    deadline: Date,
    now: Date,
    detectedBy: SlaDetector,
  ): { event: HistoryEntry; notifications: NewNotification[] } {
    const data = { caseNo: current.caseNo, stage, deadline: deadline.toISOString() };
    const stageName = STAGE_NAMES[stage] ?? stage;
    return {
      event: {
        type: 'slaBreached',
        fromStatus: current.status,
        toStatus: current.status,
        note: `${stage} deadline ${this.local(deadline)} passed`,
        data: { stage, deadline: deadline.toISOString(), detectedAt: now.toISOString(), detectedBy },
      },
      notifications: [
        {
          recipient: { kind: 'role', role: 'supervisor' },
          caseId: current.id,
          type: 'slaBreached',
          title: `工单 ${current.caseNo} ${stageName}超时，已督办`,
          data,
        },
        ...ownerNotice(current, stage, 'slaBreached', `工单 ${current.caseNo} ${stageName}已超时，请立即处理`, data),
      ],
    };
  }

  recordWarning(caseId: string, stage: string, deadline: Date, detectedBy: SlaDetector): Promise<SlaCheckOutcome> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const current = await lockCase(manager, caseId);
      if (!current) return { outcome: 'stageOver' };
      const claimed = await sqlRows<{ id: string }>(
        manager,
        `UPDATE case_deadlines SET warned_at = $4
            WHERE case_id = $1 AND stage = $2 AND deadline = $3 AND ended_at IS NULL AND warned_at IS NULL AND warn_at <= $4
            RETURNING id`,
        [caseId, stage, deadline, now],
      );
      if (claimed.length === 0) return this.whyNotClaimed(manager, caseId, stage, deadline, 'warned_at');
      // Yellow unless a supervisor or a breach already set a level.
      await sqlExec(
        manager,
        `UPDATE cases SET supervision_level = COALESCE(supervision_level, 'yellow'), updated_at = now() WHERE id = $1`,
        [caseId],
      );
      await appendHistory(manager, caseId, SYSTEM_ACTOR, [
        {
          type: 'slaWarned',
          fromStatus: current.status,
          toStatus: current.status,
          note: `${stage} deadline ${this.local(deadline)} is near`,
          data: { stage, deadline: deadline.toISOString(), detectedAt: now.toISOString(), detectedBy },
        },
      ]);
      const data = { caseNo: current.caseNo, stage, deadline: deadline.toISOString() };
      const title = `工单 ${current.caseNo} ${STAGE_NAMES[stage] ?? stage}即将超时`;
      const owner = ownerNotice(current, stage, 'slaWarned', title, data);
      await notifyInTransaction(
        manager,
        owner.length ? owner : [{ recipient: { kind: 'role', role: 'supervisor' }, caseId, type: 'slaWarned', title, data }],
      );
      return { outcome: 'recorded' };
    });
  }

  /**
   * One pass of the safety net: every running stage past its deadline with no breach recorded, and
   * every one past its warning time with no warning, found through partial indexes that hold only such
   * rows. Several workers may sweep at once; each record is still made once.
   */
  async sweep(): Promise<SweepResult> {
    const result: SweepResult = { breaches: 0, warnings: 0 };
    for (;;) {
      const now = this.clock.now();
      const due = await sqlRows<StageRow>(
        this.dataSource,
        `SELECT case_id AS "caseId", stage, deadline FROM case_deadlines
          WHERE ended_at IS NULL AND breached_at IS NULL AND deadline <= $1
          ORDER BY deadline LIMIT ${SWEEP_BATCH}`,
        [now],
      );
      // After an outage thousands may be due at once: recorded a batch per transaction, not one each.
      result.breaches += await this.recordBreaches(due, now);
      if (due.length < SWEEP_BATCH) break;
    }
    const now = this.clock.now();
    const warn = await sqlRows<StageRow>(
      this.dataSource,
      `SELECT case_id AS "caseId", stage, deadline FROM case_deadlines
        WHERE ended_at IS NULL AND warned_at IS NULL AND warn_at <= $1 AND deadline > $1
        ORDER BY warn_at LIMIT ${SWEEP_BATCH}`,
      [now],
    );
    for (const row of warn) {
      if ((await this.recordWarning(row.caseId, row.stage, new Date(row.deadline), 'sweep')).outcome === 'recorded')
        result.warnings++;
    }
    return result;
  }

  private async whyNotClaimed(
    manager: EntityManager,
    caseId: string,
    stage: string,
    deadline: Date,
    column: 'breached_at' | 'warned_at',
  ): Promise<SlaCheckOutcome> {
    const row = await sqlRow<{ endedAt: Date | null; recordedAt: Date | null; warnAt: Date }>(
      manager,
      `SELECT ended_at AS "endedAt", ${column} AS "recordedAt", warn_at AS "warnAt" FROM case_deadlines
        WHERE case_id = $1 AND stage = $2 AND deadline = $3`,
      [caseId, stage, deadline],
    );
    if (!row || row.endedAt) return { outcome: 'stageOver' };
    if (row.recordedAt) return { outcome: 'alreadyRecorded' };
    return { outcome: 'notDue', dueAt: new Date(row.warnAt) };
  }
}

const STAGE_NAMES: Record<string, string> = {
  accept: '签收',
  reply: '办结',
  leadReview: '部门审核',
  centreReview: '中心审核',
  callback: '回访',
};

interface LockedCase {
  id: string;
  status: string;
  caseNo: string;
  leadDepartmentId: string | null;
}

/**
 * Locks the case row first, in the same order as transitions (case, then its deadlines), so that the
 * status written on the event is the status the case has when the event commits.
 */
async function lockCase(manager: EntityManager, caseId: string): Promise<LockedCase | null> {
  const row = await sqlRow<LockedCase>(
    manager,
    `SELECT id, status, case_no AS "caseNo", lead_department_id AS "leadDepartmentId" FROM cases WHERE id = $1 FOR UPDATE`,
    [caseId],
  );
  return row ?? null;
}

/**
 * The department that owns an accept, reply or lead-review stage; the centre's review and the callback
 * belong to the supervisors.
 */
function ownerNotice(
  current: LockedCase,
  stage: string,
  type: string,
  title: string,
  data: Record<string, unknown>,
): NewNotification[] {
  if (stage === 'callback' || stage === 'centreReview' || !current.leadDepartmentId) return [];
  return [{ recipient: { kind: 'department', departmentId: current.leadDepartmentId }, caseId: current.id, type, title, data }];
}
