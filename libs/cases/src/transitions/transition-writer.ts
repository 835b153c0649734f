import type { EntityManager } from 'typeorm';
import { type SqlParam, sqlExec, sqlRow, sqlRows } from '@hotline/database';
import { ConflictError } from '@hotline/errors';
import { notificationCtes } from '@hotline/notify';
import { type BindParam, outboxInsertSql, outboxNotifySql, type OutboxWrite, writeOutbox } from '@hotline/queues';
import { appendHistory, historyInsertCtes } from '../history/case-history';
import type { TimerPlan } from '../sla/sla-timers';
import { CaseStatus, isOpenStatus } from '../state-machine';
import type { SideWrite, SlaWrite, TransitionPlan, TransitionResult } from './transition-plan';

/**
 * The one writer of case transitions: performs a plan inside the caller's transaction. The case row
 * is updated first under the optimistic lock (`WHERE version = …`), so of two concurrent transitions
 * exactly one writes and the other gets 409 with nothing changed; then the rows besides the case, the
 * SLA stage and its timers, the history and the notifications, all committing together.
 */
export async function writeTransition(manager: EntityManager, plan: TransitionPlan): Promise<TransitionResult> {
  const params: unknown[] = [plan.caseId, plan.version, plan.toStatus];
  const sets = ['status = $3', 'version = version + 1', 'updated_at = now()'];
  for (const effect of plan.columns) {
    if ('sql' in effect.value) sets.push(`${effect.column} = ${effect.value.sql}`);
    else {
      params.push(effect.value.bind);
      sets.push(`${effect.column} = $${params.length}`);
    }
  }
  const rows = await sqlRows<{ version: number }>(
    manager,
    `UPDATE cases SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING version`,
    params,
  );
  if (rows.length === 0) {
    throw new ConflictError(
      'ConcurrentUpdate',
      `Case ${plan.caseNo} was changed by someone else at the same moment; reload and try again`,
    );
  }
  // After the version bump: the case row is locked, so these see no concurrent transition of it.
  for (const write of plan.sideWrites) await writeSide(manager, write);
  await writeEffects(manager, plan);
  return {
    caseId: plan.caseId,
    fromStatus: plan.fromStatus,
    toStatus: plan.toStatus,
    version: rows[0].version,
    events: plan.events,
  };
}

async function writeSide(manager: EntityManager, write: SideWrite): Promise<void> {
  switch (write.kind) {
    case 'openExtensionRequest':
      await sqlExec(
        manager,
        `INSERT INTO extension_requests (id, case_id, days, reason, status, requested_by_id) VALUES ($1, $2, $3, $4, 'pending', $5)`,
        [write.requestId, write.caseId, write.days, write.reason, write.requestedById],
      );
      return;
    case 'decideExtensionRequest': {
      const decided = await sqlRows<{ id: string }>(
        manager,
        `UPDATE extension_requests SET status = $3, decided_by_id = $4, decision_note = $5, decided_at = now()
          WHERE id = $1 AND case_id = $2 AND status = 'pending' RETURNING id`,
        [write.requestId, write.caseId, write.status, write.decidedById, write.note],
      );
      if (decided.length === 0)
        throw new ConflictError('ExtensionRequestDecided', `extension request ${write.requestId} was decided meanwhile`);
      return;
    }
    case 'openSuspension':
      await sqlExec(
        manager,
        `INSERT INTO case_suspensions (id, case_id, stage, reason, note, status, requested_by, requested_at)
         VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7)`,
        [write.suspensionId, write.caseId, write.stage, write.reason, write.note, write.requestedById, write.at],
      );
      return;
    case 'decideSuspension': {
      const decided = await sqlRows<{ id: string }>(
        manager,
        `UPDATE case_suspensions SET status = $3, decided_by = $4, decision_note = $5, decided_at = $6
          WHERE id = $1 AND case_id = $2 AND status = 'pending' RETURNING id`,
        [write.suspensionId, write.caseId, write.status, write.decidedById, write.note, write.at],
      );
      if (decided.length === 0) throw new ConflictError('NoPendingSuspension', 'the suspension request was decided meanwhile');
      return;
    }
    case 'endSuspension': {
      const ended = await sqlRows<{ id: string }>(
        manager,
        `UPDATE case_suspensions SET status = 'ended', resumed_at = $3, resumed_by = $4, resume_cause = $5
          WHERE id = $1 AND case_id = $2 AND status = 'active' RETURNING id`,
        [write.suspensionId, write.caseId, write.at, write.resumedById, write.cause],
      );
      if (ended.length === 0) throw new ConflictError('NotSuspended', 'the clock was resumed meanwhile');
      return;
    }
    case 'recordMergeOnTarget': {
      // The target must still be open when the merge commits; FOR SHARE holds it until then.
      const still = await sqlRow<{ status: CaseStatus }>(manager, `SELECT status FROM cases WHERE id = $1 FOR SHARE`, [
        write.targetCaseId,
      ]);
      if (!still || !isOpenStatus(still.status)) {
        throw new ConflictError('MergeTargetNotOpen', `merge is not allowed: case ${write.targetCaseNo} is no longer open`);
      }
      // The target's history says what joined it, so its handlers know a second caller waits for the result.
      await appendHistory(manager, write.targetCaseId, write.actor, [
        {
          type: 'mergedIn',
          fromStatus: still.status,
          toStatus: still.status,
          note: `${write.mergedCaseNo} merged in`,
          data: { mergedCaseId: write.mergedCaseId, mergedCaseNo: write.mergedCaseNo },
        },
      ]);
      return;
    }
  }
}

/**
 * What every transition writes after the case row, in one statement (one round trip, where it was up to
 * six): the SLA stage's deadline rows and the timers' outbox rows, the history with its statistics
 * intent, the notifications with their delivery intents, and the one NOTIFY that wakes the relay.
 */
async function writeEffects(manager: EntityManager, plan: TransitionPlan): Promise<void> {
  const params: SqlParam[] = [];
  const p: BindParam = (value) => {
    params.push(value);
    return `$${params.length}`;
  };
  const ctes: string[] = [];
  if (plan.sla) {
    ctes.push(slaStageCtes(p(plan.caseId), plan.sla.change, plan.sla.now, p));
    const timers = timerWrites(plan.sla.timers);
    if (timers.length) ctes.push(`timers AS (${outboxInsertSql(timers, p)})`);
  }
  if (plan.history.length) ctes.push(historyInsertCtes(p(plan.caseId), plan.caseId, plan.actor, plan.history, p));
  if (plan.notifications.length) ctes.push(notificationCtes(plan.notifications, p));
  if (ctes.length === 0) return;
  await sqlExec(manager, `WITH ${ctes.join(',\n')} SELECT ${outboxNotifySql(p)}`, params);
}

/** Withdraws the running stage's timers and schedules the new stage's, through the outbox: one statement, withdrawals first. */
export async function scheduleTimers(manager: EntityManager, plan: TimerPlan): Promise<void> {
  await writeOutbox(manager, timerWrites(plan));
}

/** A timer plan's outbox rows, in order: withdrawals first. */
function timerWrites(plan: TimerPlan): OutboxWrite[] {
  return [
    ...plan.withdraw.map((timer): OutboxWrite => ({ name: timer.name, payload: timer.payload, action: 'remove' })),
    ...plan.schedule.map((timer): OutboxWrite => ({ name: timer.name, payload: timer.payload, runAt: timer.runAt })),
    ...(plan.resume ? [{ name: 'sla-resume' as const, payload: plan.resume.payload, runAt: plan.resume.runAt }] : []),
  ];
}

/**
 * The CTEs that close the running stage's deadline row and, for a start or a move, append the new one
 * (`stage_closed`, `stage_opened`), and keep the case's suspension in step (`suspension_paused`,
 * `suspension_lapsed`). A deadline row that already exists (the same stage restarted onto the same
 * instant) is reopened, not duplicated: the close leaves that row alone, since one statement must not
 * change a row twice, and the insert's conflict clause reopens it.
 */
function slaStageCtes(caseIdSql: string, change: SlaWrite, now: Date, p: BindParam): string {
  // ended_at on the business clock, like the deadline it is compared with ("met in time?").
  const endedAt = `${p(now)}::timestamptz`;
  const running = `case_id = ${caseIdSql}::uuid AND ended_at IS NULL`;
  if (change.kind === 'pause') {
    // What the stopped clock had left is kept on the suspension, to the millisecond, for its resumption.
    return `stage_closed AS (UPDATE case_deadlines SET ended_at = ${endedAt} WHERE ${running}),
    suspension_paused AS (
      UPDATE case_suspensions SET suspended_at = ${endedAt}, resume_by = ${p(change.resumeBy)}::timestamptz,
             remaining_ms = ${p(change.paused.remainingMs)}, warn_remaining_ms = ${p(change.paused.warnRemainingMs)}
       WHERE id = ${p(change.suspensionId)}::uuid AND case_id = ${caseIdSql}::uuid)`;
  }
  const ctes: string[] = [];
  // Any other stage change (a reply, a return, a new dispatch…) leaves nothing to suspend or resume.
  if (change.reason !== 'resumed') {
    ctes.push(
      `suspension_lapsed AS (UPDATE case_suspensions SET status = 'lapsed' WHERE case_id = ${caseIdSql}::uuid AND status IN ('pending', 'active'))`,
    );
  }
  if (change.kind !== 'start') {
    return [`stage_closed AS (UPDATE case_deadlines SET ended_at = ${endedAt} WHERE ${running})`, ...ctes].join(',\n    ');
  }
  const stage = p(change.stage);
  const deadline = `${p(change.deadline)}::timestamptz`;
  ctes.push(`stage_closed AS (
      UPDATE case_deadlines SET ended_at = ${endedAt}
       WHERE ${running} AND NOT (stage = ${stage} AND deadline = ${deadline})),
    stage_opened AS (
      INSERT INTO case_deadlines (case_id, stage, policy_code, started_at, deadline, warn_at, reason, unit, calendar)
      VALUES (${caseIdSql}::uuid, ${stage}, ${p(change.policyCode ?? '')}, ${p(change.startedAt)}::timestamptz, ${deadline},
              ${p(change.warnAt)}::timestamptz, ${p(change.reason)}, ${p(change.unit)}, ${p(change.calendar)})
      ON CONFLICT (case_id, stage, deadline) DO UPDATE SET ended_at = NULL, warn_at = EXCLUDED.warn_at, reason = EXCLUDED.reason,
        unit = EXCLUDED.unit, calendar = EXCLUDED.calendar)`);
  return ctes.join(',\n    ');
}
