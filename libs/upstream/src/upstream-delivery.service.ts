import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { sqlAffected, sqlExec, sqlRow } from '@hotline/database';
import { deliveryVerdict, isUpstreamPlatformCode, renderReport, upstreamSignatureHeaders, type ReportType } from './domain';
import { UpstreamPlatformSettings } from './upstream-platform-settings';

/** A platform that does not answer within this is treated as down for this attempt. */
const REPORT_TIMEOUT_MS = 10_000;
/** How long one worker may hold an order's delivery before another may take it over (a crashed worker). */
const LEASE_SECONDS = 60;

export type DeliveryOutcome = 'delivered' | 'alreadyDelivered' | 'deadLettered' | 'gone';

/** Another worker is delivering this order's reports: BullMQ retries the job after a backoff. */
export class OrderDeliveryBusy extends Error {
  constructor(orderId: string) {
    super(`order ${orderId} is being delivered by another worker`);
    this.name = 'OrderDeliveryBusy';
  }
}

/** The platform did not acknowledge; BullMQ retries the job with backoff. */
export class ReportDeliveryFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportDeliveryFailed';
  }
}

interface OrderRow {
  id: string;
  platform: string;
  orderNo: string;
  caseId: string;
  deadAt: Date | null;
}

interface PendingReport {
  seq: number;
  type: ReportType;
  eventId: string;
}

/**
 * Reports out: delivers an order's pending reports strictly in `seq` order, one order at a time (a
 * lease on the order row, so two workers never interleave one order's reports). A report is marked
 * delivered only after the platform's 2xx, so a lost answer means it is sent again, never skipped; a
 * later report is never sent while an earlier one is pending. After the last attempt, or when the
 * platform refuses a report for good (4xx), the order goes to the dead-letter list.
 */
@Injectable()
export class UpstreamDeliveryService {
  private readonly logger = new Logger(UpstreamDeliveryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: UpstreamPlatformSettings,
  ) {}

  async deliver(orderId: string, seq: number, options: { lastAttempt: boolean }): Promise<DeliveryOutcome> {
    const order = await sqlRow<OrderRow>(
      this.dataSource,
      `SELECT id, platform, order_no AS "orderNo", case_id AS "caseId", dead_at AS "deadAt" FROM upstream_orders WHERE id = $1`,
      [orderId],
    );
    if (!order || !isUpstreamPlatformCode(order.platform)) return 'gone';
    if (await this.isDelivered(orderId, seq)) return 'alreadyDelivered';
    if (order.deadAt) return 'deadLettered';
    const leased = await sqlAffected(
      this.dataSource,
      `UPDATE upstream_orders SET lease_until = now() + make_interval(secs => $2)
        WHERE id = $1 AND dead_at IS NULL AND (lease_until IS NULL OR lease_until < now())`,
      [orderId, LEASE_SECONDS],
    );
    if (leased === 0) throw new OrderDeliveryBusy(orderId);
    try {
      return await this.deliverPending(order, options);
    } finally {
      await sqlExec(this.dataSource, `UPDATE upstream_orders SET lease_until = NULL WHERE id = $1`, [orderId]);
    }
  }

  private async deliverPending(order: OrderRow, options: { lastAttempt: boolean }): Promise<DeliveryOutcome> {
    const platform = this.settings.get(order.platform as '12345');
    for (;;) {
      const next = await sqlRow<PendingReport>(
        this.dataSource,
        `SELECT seq, type, event_id AS "eventId" FROM upstream_reports WHERE order_id = $1 AND delivered_at IS NULL ORDER BY seq LIMIT 1`,
        [order.id],
      );
      if (!next) return 'delivered';
      const failure = await this.send(order, next, platform.reportUrl, platform.secret);
      if (failure === null) {
        await sqlExec(
          this.dataSource,
          `UPDATE upstream_reports SET delivered_at = now(), attempts = attempts + 1, last_error = NULL WHERE order_id = $1 AND seq = $2`,
          [order.id, next.seq],
        );
        continue;
      }
      await sqlExec(
        this.dataSource,
        `UPDATE upstream_reports SET attempts = attempts + 1, last_error = $3 WHERE order_id = $1 AND seq = $2`,
        [order.id, next.seq, failure.message.slice(0, 500)],
      );
      if (failure.refused || options.lastAttempt) {
        await sqlExec(this.dataSource, `UPDATE upstream_orders SET dead_at = now(), dead_reason = $2 WHERE id = $1`, [
          order.id,
          `report ${next.seq}: ${failure.message}`.slice(0, 500),
        ]);
        this.logger.warn(`upstream order ${order.id} dead-lettered at report ${next.seq}: ${failure.message}`);
        return 'deadLettered';
      }
      throw new ReportDeliveryFailed(`report ${next.seq} of order ${order.orderNo}: ${failure.message}`);
    }
  }

  /** Sends one report; null when acknowledged, else why not and whether retrying can help. */
  private async send(
    order: OrderRow,
    report: PendingReport,
    url: string | null,
    secret: string | null,
  ): Promise<{ message: string; refused: boolean } | null> {
    if (!url || !secret) return { message: `the platform's report URL or secret is not configured`, refused: false };
    const body = JSON.stringify(await this.bodyOf(order, report));
    let status: number | null = null;
    let message: string;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...upstreamSignatureHeaders(secret, body, Math.floor(Date.now() / 1000)) },
        body,
        signal: AbortSignal.timeout(REPORT_TIMEOUT_MS),
        redirect: 'error',
      });
      status = response.status;
      message = `the platform answered ${status}: ${(await response.text().catch(() => '')).slice(0, 200)}`;
    } catch (error) {
      message = `the platform did not answer: ${(error as Error).message}`;
    }
    const verdict = deliveryVerdict(status);
    return verdict === 'acknowledged' ? null : { message, refused: verdict === 'refused' };
  }

  private async bodyOf(order: OrderRow, report: PendingReport) {
    const event = await sqlRow<{ type: string; at: Date; note: string | null; data: Record<string, unknown> }>(
      this.dataSource,
      `SELECT type, at, note, data FROM case_events WHERE id = $1`,
      [report.eventId],
    );
    if (!event) throw new Error(`event ${report.eventId} of report ${report.seq} is gone`);
    let replyResult: string | undefined;
    if (report.type === 'replied') {
      // An approval or a centre's pass completes the reply; the text is the department's last reply before it.
      const reply = await sqlRow<{ result: string | null }>(
        this.dataSource,
        `SELECT COALESCE(data->>'result', note) AS result FROM case_events
          WHERE case_id = $1 AND type = 'replied' AND id <= $2 ORDER BY id DESC LIMIT 1`,
        [order.caseId, report.eventId],
      );
      replyResult = reply?.result ?? undefined;
    }
    return renderReport(order.orderNo, report.seq, report.type, event, replyResult);
  }

  private async isDelivered(orderId: string, seq: number): Promise<boolean> {
    const row = await sqlRow<{ delivered: boolean }>(
      this.dataSource,
      `SELECT delivered_at IS NOT NULL AS delivered FROM upstream_reports WHERE order_id = $1 AND seq = $2`,
      [orderId, seq],
    );
    return row?.delivered ?? false;
  }
}
