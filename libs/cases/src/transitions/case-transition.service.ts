import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { sqlRow } from '@hotline/database';
import { NotFound } from '@hotline/errors';
import { selectPolicy, type CasePriority as SlaCasePriority } from '@hotline/sla';
import { SlaSettingsService } from '@hotline/sla-runtime';
import { allowedActions, CaseAction, CaseCommand, CaseContext, CaseKind, decideOrThrow } from '../state-machine';
import { lookupsFor } from './action-lookups';
import { planAction } from './action-planners';
import type { CaseActionRequest } from './case-action-request';
import { loadCaseFacts } from './case-facts';
import { caseLifeLimits, MAX_CALLBACK_ATTEMPTS, withinRepeatWindow } from './case-life-policy';
import type {
  ActionPlan,
  GoverningPolicy,
  TransitionActor,
  TransitionInput,
  TransitionResult,
  TransitionRow,
} from './transition-plan';
import { assertVersion, planTransition, relationOf } from './transition-planner';
import { writeTransition } from './transition-writer';

export type { TransitionActor, TransitionResult } from './transition-plan';

export interface TransitionOptions {
  /** The version the actor saw; when given, a case changed since then is refused (409). */
  expectedVersion?: number;
  note?: string;
  /** Request details for the event's data (departments, rule that matched…). */
  data?: Record<string, unknown>;
}

/**
 * Applies one action to a case in three steps: read the case and what the action names; plan, purely
 * (the action's planner, then the state machine's decision and every write it implies, or the
 * refusal); write the plan in one transaction under an optimistic lock (`WHERE version = …`), so of two
 * concurrent actions exactly one wins and the other gets 409 with nothing changed.
 */
@Injectable()
export class CaseTransitionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sla: SlaSettingsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
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
    return this.transition(caseId, actor, expectedVersion, (input) => this.planRequest(input, request, actor));
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
    return this.transition(caseId, actor, undefined, (input) => this.planRequest(input, request, actor), manager);
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
  private async load(
    caseId: string,
    actor: TransitionActor,
    db: DataSource | EntityManager = this.dataSource,
  ): Promise<TransitionInput> {
    const row = await sqlRow<TransitionRow>(
      db,
      `SELECT cases.id, case_no AS "caseNo", status, version, kind, lead_department_id AS "leadDepartmentId",
              assisting_department_ids AS "assistingDepartmentIds", dispatched_at AS "dispatchedAt",
              priority, (SELECT code FROM categories WHERE id = cases.category_id) AS "categoryCode",
              sla_stage AS "slaStage", sla_deadline AS "slaDeadline", sla_warn_at AS "slaWarnAt",
              (SELECT jsonb_object_agg(stage, deadline) FROM case_deadline_caps WHERE case_id = cases.id) AS "deadlineCaps",
              COALESCE(d.reply_review_lead, false) AS "reviewByLead", COALESCE(d.reply_review_centre, false) AS "reviewByCentre"
         FROM cases LEFT JOIN departments d ON d.id = cases.lead_department_id WHERE cases.id = $1`,
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
      replyReview: { lead: row.reviewByLead, centre: row.reviewByCentre },
      hasLeadDepartment: row.leadDepartmentId !== null,
      withinRepeatWindow: withinRepeatWindow(facts.lastClosedAt, now, this.config.REPEAT_CALL_WINDOW_DAYS),
      ...(facts.suspension ? { suspension: facts.suspension } : {}),
      // A stage past its deadline is overdue, not running: 挂起 is asked for within the time allowed.
      clockRunning: row.slaStage !== null && row.slaDeadline !== null && row.slaDeadline.getTime() > now.getTime(),
      ...(relation === 'assisting' ? { assistingPart: facts.assistingPart } : {}),
    };
    return { caseId, row, relation, governing, now, context };
  }

  private async transition(
    caseId: string,
    actor: TransitionActor,
    expectedVersion: number | undefined,
    planFor: (input: TransitionInput) => ActionPlan | Promise<ActionPlan>,
    within?: EntityManager,
  ): Promise<TransitionResult> {
    const input = await this.load(caseId, actor, within);
    assertVersion(input.row, expectedVersion);
    const plan = planTransition(input, await planFor(input), actor);
    return within ? writeTransition(within, plan) : this.dataSource.transaction((manager) => writeTransition(manager, plan));
  }

  /** The rows the request names, read outside the transaction, then its pure planner. */
  private async planRequest(input: TransitionInput, request: CaseActionRequest, actor: TransitionActor): Promise<ActionPlan> {
    const { row, now, governing } = input;
    const found = await lookupsFor(this.dataSource, row, request);
    return planAction(request, { row, actor, found, newId: randomUUID, now, governing });
  }

  /** The SLA policy that governs the case and the district calendar; null when no policies are loaded. */
  private async governingPolicy(row: TransitionRow): Promise<GoverningPolicy> {
    const { policies, calendar } = await this.sla.current();
    if (policies.length === 0) return null;
    const policy = selectPolicy(policies, {
      kind: row.kind,
      categoryCode: row.categoryCode,
      priority: row.priority as SlaCasePriority,
    });
    return { policy, calendar };
  }
}
