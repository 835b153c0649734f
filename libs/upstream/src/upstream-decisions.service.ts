import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CaseTransitionService, type CaseActionRequest, type TransitionActor } from '@hotline/cases';
import { sqlExec, sqlRow, sqlRows } from '@hotline/database';
import { ConflictError, NotFound } from '@hotline/errors';
import { actionOf, extendedReplyDeadline, upstreamActorName, type Decision, type UpstreamPlatform } from './domain';

export interface DecisionIn {
  seq: number;
  at: Date;
  decision: Decision;
}

export interface DecisionOutcome {
  orderNo: string;
  seq: number;
  /** false: this (orderNo, seq) was applied before; nothing changed now. */
  applied: boolean;
  caseStatus: string;
}

/**
 * The platform's decisions in: each is applied once by `(orderNo, seq)`. The decision row and the case
 * action it takes commit in one transaction, so a decision refused by the case's state machine (409,
 * e.g. an extension decided when none is pending) leaves nothing stored, and the city may send it again.
 */
@Injectable()
export class UpstreamDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitionService,
  ) {}

  async apply(platform: UpstreamPlatform, orderNo: string, input: DecisionIn): Promise<DecisionOutcome> {
    const order = await sqlRow<{ id: string; caseId: string; replyDeadline: Date | null }>(
      this.dataSource,
      `SELECT id, case_id AS "caseId", reply_deadline AS "replyDeadline" FROM upstream_orders WHERE platform = $1 AND order_no = $2`,
      [platform.code, orderNo],
    );
    if (!order) throw new NotFound('UpstreamOrder', orderNo);
    const actor: TransitionActor = { id: null, name: upstreamActorName(platform.code), role: 'system', departmentId: null };
    // A repeat is answered before the case is looked at: what it decided (an extension) is no longer pending.
    const seen = await sqlRow<{ seq: number }>(
      this.dataSource,
      `SELECT seq FROM upstream_decisions WHERE order_id = $1 AND seq = $2`,
      [order.id, input.seq],
    );
    if (seen) return this.outcome(this.dataSource.manager, orderNo, input.seq, order.caseId, false);
    const request = await this.requestOf(order.caseId, input.decision);
    return this.dataSource.transaction(async (manager) => {
      const claimed = await sqlRows<{ seq: number }>(
        manager,
        `INSERT INTO upstream_decisions (order_id, seq, type, at, body) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT DO NOTHING RETURNING seq`,
        [order.id, input.seq, input.decision.type, input.at, JSON.stringify(input.decision)],
      );
      // The same decision applied concurrently: the first transaction's row wins, this one changes nothing.
      if (claimed.length === 0) return this.outcome(manager, orderNo, input.seq, order.caseId, false);
      if (request) await this.transitions.performWithin(manager, order.caseId, request, actor);
      if (input.decision.type === 'extensionDecided' && input.decision.approved) {
        await this.moveCityReplyDeadline(manager, order, input.decision.days);
      }
      return this.outcome(manager, orderNo, input.seq, order.caseId, true);
    });
  }

  /** The case action, with the pending extension request looked up for an extension decision. */
  private async requestOf(caseId: string, decision: Decision): Promise<CaseActionRequest | null> {
    const action = actionOf(decision);
    if (!action) return null;
    if (action.action !== 'approveExtension' && action.action !== 'rejectExtension') return action;
    const decide = action.action;
    const pending = await sqlRow<{ id: string }>(
      this.dataSource,
      `SELECT id FROM extension_requests WHERE case_id = $1 AND status = 'pending' ORDER BY requested_at DESC LIMIT 1`,
      [caseId],
    );
    if (!pending) throw new ConflictError('NoPendingExtension', 'the case has no pending extension request to decide');
    return { action: decide, requestId: pending.id, ...(action.note ? { note: action.note } : {}) };
  }

  /** The city's approval moves its own reply deadline too, so the cap no longer holds our extended stage back. */
  private async moveCityReplyDeadline(
    manager: EntityManager,
    order: { id: string; caseId: string; replyDeadline: Date | null },
    days: number | undefined,
  ): Promise<void> {
    const moved = extendedReplyDeadline(order.replyDeadline, days);
    if (!moved || moved === order.replyDeadline) {
      // No days given: the city leaves the deadline to our extension; its cap must not undo it.
      await sqlExec(manager, `DELETE FROM case_deadline_caps WHERE case_id = $1 AND stage = 'reply'`, [order.caseId]);
      return;
    }
    await sqlExec(manager, `UPDATE upstream_orders SET reply_deadline = $2 WHERE id = $1`, [order.id, moved]);
    await sqlExec(manager, `UPDATE case_deadline_caps SET deadline = $2 WHERE case_id = $1 AND stage = 'reply'`, [
      order.caseId,
      moved,
    ]);
  }

  private async outcome(
    manager: EntityManager,
    orderNo: string,
    seq: number,
    caseId: string,
    applied: boolean,
  ): Promise<DecisionOutcome> {
    const row = await sqlRow<{ status: string }>(manager, `SELECT status FROM cases WHERE id = $1`, [caseId]);
    return { orderNo, seq, applied, caseStatus: row?.status ?? 'unknown' };
  }
}
