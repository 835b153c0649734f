import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { sqlRow, sqlRows } from '@hotline/database';
import { ConflictError, NotFound } from '@hotline/errors';
import { writeOutbox } from '@hotline/queues';

/** One report out, with its delivery state. */
export interface ReportView {
  seq: number;
  type: string;
  createdAt: Date;
  deliveredAt: Date | null;
  attempts: number;
  lastError: string | null;
  state: 'delivered' | 'pending' | 'deadLettered';
}

export interface DecisionView {
  seq: number;
  type: string;
  at: Date;
  body: Record<string, unknown>;
  appliedAt: Date;
}

export interface OrderView {
  orderNo: string;
  platform: string;
  cityCategory: string;
  mapped: boolean;
  receivedAt: Date;
  deadlines: { accept: Date | null; reply: Date | null };
  deadLetter: { at: Date; reason: string | null } | null;
  case: { id: string; caseNo: string; status: string; channel: string; slaStage: string | null; slaDeadline: Date | null };
  reports: ReportView[];
  decisions: DecisionView[];
}

export interface DeadLetterView {
  orderNo: string;
  caseId: string;
  caseNo: string;
  deadAt: Date;
  reason: string | null;
  pendingReports: number;
}

/**
 * What supervisors see and do: an order with its case, every report and decision and its delivery
 * state; the dead-letter list (orders whose reports kept failing); its retry, which puts the order back
 * on the `upstream` queue through the outbox (a new delivery round, so new job ids).
 */
@Injectable()
export class UpstreamSupervisionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async order(platform: string, orderNo: string): Promise<OrderView> {
    const order = await sqlRow<{
      id: string;
      cityCategory: string;
      mapped: boolean;
      receivedAt: Date;
      accept: Date | null;
      reply: Date | null;
      deadAt: Date | null;
      deadReason: string | null;
      caseId: string;
      caseNo: string;
      status: string;
      channel: string;
      slaStage: string | null;
      slaDeadline: Date | null;
    }>(
      this.dataSource,
      `SELECT o.id, o.city_category AS "cityCategory", o.mapped, o.order_received_at AS "receivedAt",
              o.accept_deadline AS accept, o.reply_deadline AS reply, o.dead_at AS "deadAt", o.dead_reason AS "deadReason",
              c.id AS "caseId", c.case_no AS "caseNo", c.status, c.channel, c.sla_stage AS "slaStage", c.sla_deadline AS "slaDeadline"
         FROM upstream_orders o JOIN cases c ON c.id = o.case_id WHERE o.platform = $1 AND o.order_no = $2`,
      [platform, orderNo],
    );
    if (!order) throw new NotFound('UpstreamOrder', orderNo);
    const reports = await sqlRows<Omit<ReportView, 'state'>>(
      this.dataSource,
      `SELECT seq, type, created_at AS "createdAt", delivered_at AS "deliveredAt", attempts, last_error AS "lastError"
         FROM upstream_reports WHERE order_id = $1 ORDER BY seq`,
      [order.id],
    );
    const decisions = await sqlRows<DecisionView>(
      this.dataSource,
      `SELECT seq, type, at, body, applied_at AS "appliedAt" FROM upstream_decisions WHERE order_id = $1 ORDER BY seq`,
      [order.id],
    );
    return {
      orderNo,
      platform,
      cityCategory: order.cityCategory,
      mapped: order.mapped,
      receivedAt: order.receivedAt,
      deadlines: { accept: order.accept, reply: order.reply },
      deadLetter: order.deadAt ? { at: order.deadAt, reason: order.deadReason } : null,
      case: {
        id: order.caseId,
        caseNo: order.caseNo,
        status: order.status,
        channel: order.channel,
        slaStage: order.slaStage,
        slaDeadline: order.slaDeadline,
      },
      reports: reports.map((r) => ({
        ...r,
        state: r.deliveredAt ? 'delivered' : order.deadAt ? 'deadLettered' : 'pending',
      })),
      decisions,
    };
  }

  deadLetters(platform: string): Promise<DeadLetterView[]> {
    return sqlRows<DeadLetterView>(
      this.dataSource,
      `SELECT o.order_no AS "orderNo", o.case_id AS "caseId", c.case_no AS "caseNo", o.dead_at AS "deadAt", o.dead_reason AS reason,
              (SELECT count(*)::int FROM upstream_reports r WHERE r.order_id = o.id AND r.delivered_at IS NULL) AS "pendingReports"
         FROM upstream_orders o JOIN cases c ON c.id = o.case_id
        WHERE o.platform = $1 AND o.dead_at IS NOT NULL ORDER BY o.dead_at`,
      [platform],
    );
  }

  /** Takes the order off the dead-letter list and queues its pending reports again, in one transaction. */
  async retry(platform: string, orderNo: string): Promise<OrderView> {
    await this.dataSource.transaction(async (manager) => {
      const order = await sqlRow<{ id: string; round: number; seq: number | null }>(
        manager,
        `UPDATE upstream_orders o SET dead_at = NULL, dead_reason = NULL, delivery_round = delivery_round + 1
          WHERE platform = $1 AND order_no = $2 AND dead_at IS NOT NULL
          RETURNING id, delivery_round AS round,
            (SELECT min(seq) FROM upstream_reports r WHERE r.order_id = o.id AND r.delivered_at IS NULL) AS seq`,
        [platform, orderNo],
      );
      if (!order) {
        const exists = await sqlRow<{ id: string }>(
          manager,
          `SELECT id FROM upstream_orders WHERE platform = $1 AND order_no = $2`,
          [platform, orderNo],
        );
        if (!exists) throw new NotFound('UpstreamOrder', orderNo);
        throw new ConflictError('NotDeadLettered', `order ${orderNo} is not in the dead-letter list`);
      }
      if (order.seq !== null) {
        await writeOutbox(manager, [
          { name: 'deliver-upstream-report', payload: { orderId: order.id, seq: order.seq, round: order.round } },
        ]);
      }
    });
    return this.order(platform, orderNo);
  }
}
