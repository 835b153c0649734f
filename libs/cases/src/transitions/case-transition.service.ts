import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@hotline/clock';
import { returnedRows } from '@hotline/database';
import { ConflictError, InputInvalid, NotFound } from '@hotline/errors';
import { notifyInTransaction } from '@hotline/notify';
import { enqueueInTransaction, withdrawInTransaction } from '@hotline/queues';
import {
  selectPolicy,
  type CasePriority as SlaCasePriority,
  type SlaPolicy,
  type SlaStage,
  type WorkingCalendar,
} from '@hotline/sla';
import { SlaSettingsService } from '@hotline/sla-runtime';
import { appendHistory, HistoryActor } from '../history/case-history';
import { slaStageChange, type SlaStageChange } from '../sla/sla-stage-change';
import { timerPlanFor } from '../sla/sla-timers';
import {
  allowedActions,
  CaseAction,
  CaseActorRole,
  CaseCommand,
  CaseContext,
  CaseEventType,
  CaseKind,
  CaseRelation,
  CaseStatus,
  decideOrThrow,
  isDepartmentRole,
  isOpenStatus,
} from '../state-machine';
import type { CaseActionRequest } from './case-action-request';
import { loadCaseFacts } from './case-facts';
import { caseLifeLimits, MAX_CALLBACK_ATTEMPTS } from './case-life-policy';
import { ColumnEffect, effectsOf } from './transition-effects';
import { notificationsFor } from './transition-notifications';

/** Who acts: a signed-in user (with their department) or the system. */
export interface TransitionActor extends HistoryActor {
  role: CaseActorRole;
  departmentId: string | null;
}

export interface TransitionOptions {
  /** The version the actor saw; when given, a case changed since then is refused (409). */
  expectedVersion?: number;
  note?: string;
  /** Request details for the event's data (departments, rule that matched…). */
  data?: Record<string, unknown>;
}

interface TransitionRow {
  id: string;
  caseNo: string;
  status: CaseStatus;
  version: number;
  kind: CaseKind;
  leadDepartmentId: string | null;
  assistingDepartmentIds: string[];
  dispatchedAt: Date | null;
  priority: string;
  categoryCode: string | null;
  slaStage: SlaStage | null;
  slaDeadline: Date | null;
  slaWarnAt: Date | null;
}

export interface TransitionResult {
  caseId: string;
  fromStatus: CaseStatus;
  toStatus: CaseStatus;
  version: number;
  events: string[];
}

/** What one request turns into: the machine's command, the history payload, and writes besides the case. */
interface TransitionPlan {
  command: CaseCommand;
  note?: string;
  data?: Record<string, unknown>;
  effects?: ColumnEffect[];
  /** Runs inside the transaction, after the case row is locked by its version bump. */
  within?: (manager: EntityManager) => Promise<void>;
}

function relationOf(actor: TransitionActor, row: TransitionRow): CaseRelation {
  if (!actor.departmentId) return 'none';
  if (row.leadDepartmentId === actor.departmentId) return 'lead';
  return row.assistingDepartmentIds.includes(actor.departmentId) ? 'assisting' : 'none';
}

const trimmed = (text: string | undefined): string | undefined => (text?.trim() ? text.trim() : undefined);

/**
 * Applies one action to a case: the pure state machine decides, then the status change and its events
 * commit together under an optimistic lock (`WHERE version = …`), so of two concurrent actions exactly
 * one wins and the other gets 409 with nothing changed.
 */
@Injectable()
export class CaseTransitionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sla: SlaSettingsService,
    private readonly clock: Clock,
  ) {}

  /** A command whose payload needs no lookups (dispatch by a dispatcher or by routing). */
  apply(
    caseId: string,
    command: CaseCommand,
    actor: TransitionActor,
    options: TransitionOptions = {},
  ): Promise<TransitionResult> {
    return this.transition(caseId, actor, options.expectedVersion, () => ({ command, note: options.note, data: options.data }));
  }

  /** An API action: looks up what the machine and the history need, then transitions. */
  perform(
    caseId: string,
    request: CaseActionRequest,
    actor: TransitionActor,
    expectedVersion?: number,
  ): Promise<TransitionResult> {
    return this.transition(caseId, actor, expectedVersion, (row) => this.plan(row, request, actor));
  }

  /**
   * The same action, inside the caller's open transaction on a case that transaction has just written
   * (intake's disposition): it reads and writes through `manager`, so the case and its transition
   * commit together or not at all.
   */
  performWithin(
    manager: EntityManager,
    caseId: string,
    request: CaseActionRequest,
    actor: TransitionActor,
  ): Promise<TransitionResult> {
    return this.transition(caseId, actor, undefined, (row) => this.plan(row, request, actor), manager);
  }

  /**
   * Refuses, before anything is written, an action the machine would refuse on a case of `kind` just
   * taken in (received, nothing else in its history), so intake's disposition is refused (403/409) with
   * nothing created. The transition inside the intake transaction decides again on the stored case.
   */
  checkAtIntake(kind: CaseKind, command: CaseCommand, actor: TransitionActor): void {
    const fresh: CaseContext = {
      status: 'received',
      kind,
      withinReturnWindow: false,
      pendingExtension: false,
      extensionCount: 0,
      maxExtensions: 0,
      callbackAttempts: 0,
      maxCallbackAttempts: MAX_CALLBACK_ATTEMPTS,
    };
    decideOrThrow(command, fresh, { role: actor.role, relation: 'none' });
  }

  /**
   * The actions the user may take on the case now (the console's buttons): the same context and the
   * same machine as a transition, so a button shown is one the API accepts (input rules aside).
   */
  async allowedActions(caseId: string, actor: TransitionActor): Promise<CaseAction[]> {
    const { relation, context } = await this.load(caseId, actor);
    return allowedActions(context, { role: actor.role, relation });
  }

  /** The case row and everything the machine needs to decide on it, as of now. */
  private async load(caseId: string, actor: TransitionActor, db: DataSource | EntityManager = this.dataSource) {
    const [row]: TransitionRow[] = await db.query(
      `SELECT id, case_no AS "caseNo", status, version, kind, lead_department_id AS "leadDepartmentId",
              assisting_department_ids AS "assistingDepartmentIds", dispatched_at AS "dispatchedAt",
              priority, (SELECT code FROM categories WHERE id = cases.category_id) AS "categoryCode",
              sla_stage AS "slaStage", sla_deadline AS "slaDeadline", sla_warn_at AS "slaWarnAt"
         FROM cases WHERE id = $1`,
      [caseId],
    );
    if (!row) throw new NotFound('Case', caseId);
    const relation = relationOf(actor, row);
    const facts = await loadCaseFacts(db, caseId, relation === 'assisting' ? actor.departmentId : null);
    const governing = await this.governingPolicy(row);
    const now = this.clock.now();
    const limits = caseLifeLimits(governing, row.dispatchedAt, now);
    const context: CaseContext = {
      status: row.status,
      kind: row.kind,
      withinReturnWindow: limits.withinReturnWindow,
      pendingExtension: facts.pendingExtension,
      extensionCount: facts.extensionCount,
      maxExtensions: limits.maxExtensions,
      callbackAttempts: facts.callbackAttempts,
      maxCallbackAttempts: MAX_CALLBACK_ATTEMPTS,
      ...(relation === 'assisting' ? { assistingPart: facts.assistingPart } : {}),
    };
    return { row, relation, governing, now, context };
  }

  private async transition(
    caseId: string,
    actor: TransitionActor,
    expectedVersion: number | undefined,
    planFor: (row: TransitionRow) => TransitionPlan | Promise<TransitionPlan>,
    within?: EntityManager,
  ): Promise<TransitionResult> {
    const { row, relation, governing, now, context } = await this.load(caseId, actor, within);
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new ConflictError('CaseVersionChanged', `Case ${row.caseNo} has changed since version ${expectedVersion}`);
    }
    const plan = await planFor(row);
    const decision = decideOrThrow(plan.command, context, { role: actor.role, relation });
    // The department that acted, so that an assisting department's part can be told from the history.
    const byDepartment = isDepartmentRole(actor.role) && actor.departmentId ? { departmentId: actor.departmentId } : {};
    const sla = this.slaChangeOf(
      governing,
      row,
      now,
      decision.events.map((e) => ({ type: e.type, data: { ...(e.data ?? {}), ...(plan.data ?? {}) } })),
    );
    const dispatchedTo =
      plan.command.action === 'dispatch'
        ? {
            leadDepartmentId: plan.command.leadDepartmentId,
            assistingDepartmentIds: [...(plan.command.assistingDepartmentIds ?? [])],
          }
        : { leadDepartmentId: row.leadDepartmentId, assistingDepartmentIds: row.assistingDepartmentIds };

    const write = async (manager: EntityManager): Promise<TransitionResult> => {
      const params: unknown[] = [caseId, row.version, decision.nextStatus];
      const sets = ['status = $3', 'version = version + 1', 'updated_at = now()'];
      for (const effect of [...effectsOf(plan.command, decision.events, now), ...(plan.effects ?? []), ...slaEffectsOf(sla)]) {
        if ('sql' in effect.value) sets.push(`${effect.column} = ${effect.value.sql}`);
        else {
          params.push(effect.value.bind);
          sets.push(`${effect.column} = $${params.length}`);
        }
      }
      const rows = returnedRows<{ version: number }>(
        await manager.query(`UPDATE cases SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING version`, params),
      );
      if (rows.length === 0) {
        throw new ConflictError(
          'ConcurrentUpdate',
          `Case ${row.caseNo} was changed by someone else at the same moment; reload and try again`,
        );
      }
      await plan.within?.(manager);
      if (sla) {
        await recordSlaStage(manager, caseId, sla, now);
        await scheduleTimers(manager, caseId, { stage: row.slaStage, deadline: row.slaDeadline }, sla);
      }
      const entries = decision.events.map((event) => ({
        type: event.type,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        // The machine's own note (a return's reason, "unreachable") wins over the request's.
        note: event.note ?? plan.note ?? null,
        data: { ...(event.data ?? {}), ...byDepartment, ...(plan.data ?? {}) },
      }));
      await appendHistory(manager, caseId, actor, entries);
      await notifyInTransaction(manager, notificationsFor(entries, { caseId, caseNo: row.caseNo, ...dispatchedTo }));
      return {
        caseId,
        fromStatus: row.status,
        toStatus: decision.nextStatus,
        version: rows[0].version,
        events: decision.events.map((e) => e.type),
      };
    };
    return within ? write(within) : this.dataSource.transaction(write);
  }

  /** The SLA policy that governs the case and the district calendar; null when no policies are loaded. */
  private async governingPolicy(row: TransitionRow): Promise<{ policy: SlaPolicy; calendar: WorkingCalendar } | null> {
    const { policies, calendar } = await this.sla.current();
    if (policies.length === 0) return null;
    const policy = selectPolicy(policies, {
      kind: row.kind,
      categoryCode: row.categoryCode,
      priority: row.priority as SlaCasePriority,
    });
    return { policy, calendar };
  }

  /** The stage change the decided events cause, under the case's policy; none when no policies are loaded. */
  private slaChangeOf(
    governing: { policy: SlaPolicy; calendar: WorkingCalendar } | null,
    row: TransitionRow,
    now: Date,
    events: Array<{ type: CaseEventType; data: Record<string, unknown> }>,
  ): SlaWrite | null {
    if (!governing) return null;
    const { policy, calendar } = governing;
    const change = slaStageChange({
      events,
      current: { stage: row.slaStage, deadline: row.slaDeadline, warnAt: row.slaWarnAt },
      dispatchedAt: row.dispatchedAt,
      now,
      policy,
      calendar,
    });
    return change && change.kind === 'start' ? { ...change, policyCode: policy.code } : change;
  }

  private async plan(row: TransitionRow, request: CaseActionRequest, actor: TransitionActor): Promise<TransitionPlan> {
    switch (request.action) {
      case 'accept':
        return { command: { action: 'accept' } };
      case 'return':
        return { command: { action: 'return', reason: request.reason }, data: { reason: request.reason.trim() } };
      case 'rejectReturn':
        return { command: { action: 'rejectReturn' }, note: trimmed(request.note) };
      case 'requestExtension': {
        const requestId = randomUUID();
        const reason = request.reason.trim();
        return {
          command: { action: 'requestExtension' },
          note: reason,
          data: { extensionRequestId: requestId, days: request.days, reason },
          within: async (manager) => {
            await manager.query(
              `INSERT INTO extension_requests (id, case_id, days, reason, status, requested_by_id) VALUES ($1, $2, $3, $4, 'pending', $5)`,
              [requestId, row.id, request.days, reason, actor.id],
            );
          },
        };
      }
      case 'approveExtension':
      case 'rejectExtension':
        return this.planExtensionDecision(row, request, actor);
      case 'progress':
        return { command: { action: 'progress' }, note: request.note.trim() };
      case 'reply':
        return { command: { action: 'reply' }, note: request.result.trim(), data: { result: request.result.trim() } };
      case 'directAnswer':
        return { command: { action: 'directAnswer' }, note: request.answer.trim(), data: { answer: request.answer.trim() } };
      case 'callback':
        return {
          command: { action: 'callback', verdict: request.satisfaction },
          note: trimmed(request.note),
          data: { satisfaction: request.satisfaction, solved: request.solved },
        };
      case 'callbackAttempt':
        return { command: { action: 'callbackAttempt' }, note: trimmed(request.note) };
      case 'close':
        return { command: { action: 'close', reason: request.reason }, data: { reason: request.reason.trim() } };
      case 'merge':
        return this.planMerge(row, request.targetCaseId, actor);
      case 'supervise':
        return {
          command: { action: 'supervise', level: request.level },
          note: trimmed(request.note),
          data: { level: request.level },
        };
      case 'urge':
        return { command: { action: 'urge' }, note: trimmed(request.note) };
      case 'assign':
        return this.planAssign(row, request.userId);
    }
  }

  private async planExtensionDecision(
    row: TransitionRow,
    request: Extract<CaseActionRequest, { action: 'approveExtension' | 'rejectExtension' }>,
    actor: TransitionActor,
  ): Promise<TransitionPlan> {
    const [found]: Array<{ status: string; days: number }> = await this.dataSource.query(
      `SELECT status, days FROM extension_requests WHERE id = $1 AND case_id = $2`,
      [request.requestId, row.id],
    );
    if (!found) throw new NotFound('ExtensionRequest', request.requestId);
    if (found.status !== 'pending') {
      throw new ConflictError(
        'ExtensionRequestDecided',
        `${request.action} is not allowed: extension request ${request.requestId} is already ${found.status}`,
      );
    }
    const status = request.action === 'approveExtension' ? 'approved' : 'rejected';
    return {
      command: { action: request.action },
      note: trimmed(request.note),
      data: { extensionRequestId: request.requestId, days: found.days },
      within: async (manager) => {
        const decided = returnedRows(
          await manager.query(
            `UPDATE extension_requests SET status = $3, decided_by_id = $4, decision_note = $5, decided_at = now()
              WHERE id = $1 AND case_id = $2 AND status = 'pending' RETURNING id`,
            [request.requestId, row.id, status, actor.id, trimmed(request.note) ?? null],
          ),
        );
        if (decided.length === 0)
          throw new ConflictError('ExtensionRequestDecided', `extension request ${request.requestId} was decided meanwhile`);
      },
    };
  }

  private async planMerge(row: TransitionRow, targetCaseId: string, actor: TransitionActor): Promise<TransitionPlan> {
    const [target]: Array<{ caseNo: string; status: CaseStatus; sameConfidentiality: boolean }> = await this.dataSource.query(
      `SELECT t.case_no AS "caseNo", t.status, t.confidential = o.confidential AS "sameConfidentiality"
         FROM cases t, cases o WHERE t.id = $1 AND o.id = $2`,
      [targetCaseId, row.id],
    );
    if (!target) throw new InputInvalid([{ field: 'targetCaseId', reason: `case ${targetCaseId} does not exist` }]);
    return {
      command: {
        action: 'merge',
        target: {
          sameCase: targetCaseId === row.id,
          open: isOpenStatus(target.status),
          sameConfidentiality: target.sameConfidentiality,
        },
      },
      note: `merged into ${target.caseNo}`,
      data: { targetCaseId, targetCaseNo: target.caseNo },
      effects: [{ column: 'merged_into_id', value: { bind: targetCaseId } }],
      within: async (manager) => {
        // The target must still be open when the merge commits; FOR SHARE holds it until then.
        const [still] = await manager.query<{ status: CaseStatus }[]>(`SELECT status FROM cases WHERE id = $1 FOR SHARE`, [
          targetCaseId,
        ]);
        if (!still || !isOpenStatus(still.status)) {
          throw new ConflictError('MergeTargetNotOpen', `merge is not allowed: case ${target.caseNo} is no longer open`);
        }
        // The target's history says what joined it, so its handlers know a second caller waits for the result.
        await appendHistory(manager, targetCaseId, actor, [
          {
            type: 'mergedIn',
            fromStatus: still.status,
            toStatus: still.status,
            note: `${row.caseNo} merged in`,
            data: { mergedCaseId: row.id, mergedCaseNo: row.caseNo },
          },
        ]);
      },
    };
  }

  private async planAssign(row: TransitionRow, userId: string): Promise<TransitionPlan> {
    const [user]: Array<{ displayName: string; role: string; departmentId: string | null; active: boolean }> =
      await this.dataSource.query(
        `SELECT display_name AS "displayName", role, department_id AS "departmentId", active FROM users WHERE id = $1`,
        [userId],
      );
    const isStaff =
      !!user &&
      user.active &&
      user.departmentId !== null &&
      user.departmentId === row.leadDepartmentId &&
      isDepartmentRole(user.role as CaseActorRole);
    return {
      command: { action: 'assign', assigneeIsDepartmentStaff: isStaff },
      data: { assigneeId: userId, assigneeName: user?.displayName ?? null },
      effects: [{ column: 'assignee_id', value: { bind: userId } }],
    };
  }
}

type SlaWrite = SlaStageChange & { policyCode?: string };

function slaEffectsOf(change: SlaWrite | null): ColumnEffect[] {
  if (!change) return [];
  if (change.kind === 'end') {
    return [
      { column: 'sla_stage', value: { sql: 'NULL' } },
      { column: 'sla_deadline', value: { sql: 'NULL' } },
      { column: 'sla_warn_at', value: { sql: 'NULL' } },
    ];
  }
  return [
    { column: 'sla_stage', value: { bind: change.stage } },
    { column: 'sla_deadline', value: { bind: change.deadline } },
    { column: 'sla_warn_at', value: { bind: change.warnAt } },
  ];
}

/** Withdraws the running stage's timers and schedules the new stage's, through the outbox. */
async function scheduleTimers(
  manager: EntityManager,
  caseId: string,
  running: { stage: string | null; deadline: Date | null },
  change: SlaWrite,
): Promise<void> {
  const plan = timerPlanFor(caseId, running, change);
  for (const timer of plan.withdraw) await withdrawInTransaction(manager, timer.name, timer.payload);
  for (const timer of plan.schedule) await enqueueInTransaction(manager, timer.name, timer.payload, timer.runAt);
}

/** Closes the running stage's deadline row and, for a start or a move, appends the new one. */
async function recordSlaStage(manager: EntityManager, caseId: string, change: SlaWrite, now: Date): Promise<void> {
  // ended_at on the business clock, like the deadline it is compared with ("met in time?").
  await manager.query(`UPDATE case_deadlines SET ended_at = $2 WHERE case_id = $1 AND ended_at IS NULL`, [caseId, now]);
  if (change.kind !== 'start') return;
  // A deadline row that already exists (the same stage restarted onto the same instant) is reopened, not duplicated.
  await manager.query(
    `INSERT INTO case_deadlines (case_id, stage, policy_code, started_at, deadline, warn_at, reason, unit, calendar)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (case_id, stage, deadline) DO UPDATE SET ended_at = NULL, warn_at = EXCLUDED.warn_at, reason = EXCLUDED.reason,
       unit = EXCLUDED.unit, calendar = EXCLUDED.calendar`,
    [
      caseId,
      change.stage,
      change.policyCode ?? '',
      change.startedAt,
      change.deadline,
      change.warnAt,
      change.reason,
      change.unit,
      change.calendar,
    ],
  );
}
