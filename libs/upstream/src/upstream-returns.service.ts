import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { appendHistory, isCaseStatus, isOpenStatus, type HistoryActor } from '@hotline/cases';
import { sqlRow } from '@hotline/database';
import { ConflictError, NotFound } from '@hotline/errors';

/**
 * 退回上级平台: the district sends an order back to the platform (not ours to handle), with a reason. It is
 * a `returnedUpstream` event in the case's history, so its `returned` report is written with it by the
 * report trigger; the platform's `returnDecided` answers it (accepted: the case closes as withdrawn).
 */
@Injectable()
export class UpstreamReturnsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async returnOrder(platform: string, orderNo: string, reason: string, actor: HistoryActor): Promise<void> {
    const order = await sqlRow<{ caseId: string }>(
      this.dataSource,
      `SELECT case_id AS "caseId" FROM upstream_orders WHERE platform = $1 AND order_no = $2`,
      [platform, orderNo],
    );
    if (!order) throw new NotFound('UpstreamOrder', orderNo);
    await this.dataSource.transaction(async (manager) => {
      // Locked until commit: a transition of the case waits, so the annotation sees the status it records.
      const row = await sqlRow<{ status: string }>(manager, `SELECT status FROM cases WHERE id = $1 FOR UPDATE`, [order.caseId]);
      if (!row || !isCaseStatus(row.status) || !isOpenStatus(row.status)) {
        throw new ConflictError('CaseNotOpen', `the case of order ${orderNo} is no longer open`);
      }
      await appendHistory(manager, order.caseId, actor, [
        { type: 'returnedUpstream', fromStatus: row.status, toStatus: row.status, note: reason, data: { reason } },
      ]);
    });
  }
}
