import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CaseIntakeService, type IntakeCommand } from '@hotline/cases';
import { sqlExec, sqlRow } from '@hotline/database';
import { cityCategoryKey, deadlineCaps, upstreamActorName, type UpstreamPlatform } from './domain';

/** An order as the platform sent it (after the DTO's checks). */
export interface UpstreamOrder {
  orderNo: string;
  receivedAt: Date;
  deadlines: { accept?: Date; reply?: Date };
  category: string;
  title: string;
  description: string;
  address: string;
  callerName: string;
  callerPhone: string;
  lat?: number;
  lng?: number;
}

export interface OrderTaken {
  caseId: string;
  caseNo: string;
  /** The case's kind (from the mapping table, or the platform's default for an unmapped category). */
  kind: string;
  /** false: the order was taken in before (a repeat), this is its case. */
  created: boolean;
}

/**
 * Orders in (接单): an order becomes a case through the one intake path (placement of the address,
 * sealing of the caller's data, the routing intent in the outbox), and its order row, its city deadlines
 * (as caps on the case's SLA stages) commit in intake's transaction. Idempotent by `orderNo`: a repeat
 * answers the case the first one created, also when both arrive at once (the unique order number
 * rolls the second intake back).
 */
@Injectable()
export class UpstreamOrdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: CaseIntakeService,
  ) {}

  async receive(platform: UpstreamPlatform, order: UpstreamOrder): Promise<OrderTaken> {
    const earlier = await this.existing(platform.code, order.orderNo);
    if (earlier) return earlier;
    const cityCategory = cityCategoryKey(order.category);
    const mapped = await sqlRow<{ categoryCode: string; kind: string }>(
      this.dataSource,
      `SELECT c.code AS "categoryCode", m.kind FROM upstream_category_map m JOIN categories c ON c.id = m.category_id
        WHERE m.platform = $1 AND m.city_category = $2`,
      [platform.code, cityCategory],
    );
    const command: IntakeCommand = {
      kind: mapped?.kind ?? platform.unmappedKind,
      categoryCode: mapped?.categoryCode ?? platform.unmappedCategoryCode,
      channel: platform.channel,
      priority: 'normal',
      title: order.title,
      // Unmapped: the dispatcher reads the city's own category with the description.
      description: mapped ? order.description : `【市平台分类：${order.category}】${order.description}`.slice(0, 5000),
      address: order.address,
      ...(order.lat !== undefined && order.lng !== undefined ? { lat: order.lat, lng: order.lng } : {}),
      // The city's order cannot be refused for an address we cannot place: it waits for a dispatcher (待定位).
      placeLater: true,
      callerName: order.callerName,
      callerPhone: order.callerPhone,
      confidential: false,
      // Unmapped: no rule can be trusted with it, a dispatcher decides.
      holdForDispatch: !mapped,
    };
    const actor = { id: null, name: upstreamActorName(platform.code), role: 'system' };
    try {
      const result = await this.intake.receive(command, actor, undefined, (manager, created) =>
        this.recordOrder(manager, platform, order, cityCategory, mapped !== null, created.id),
      );
      const caseNo = result.created?.caseNo ?? (await this.existing(platform.code, order.orderNo))?.caseNo ?? '';
      return { caseId: result.id, caseNo, kind: command.kind, created: true };
    } catch (error) {
      // The same order arriving twice at once: the second intake rolled back on the unique order number.
      const raced = isUniqueViolation(error) ? await this.existing(platform.code, order.orderNo) : undefined;
      if (raced) return raced;
      throw error;
    }
  }

  private async existing(platform: string, orderNo: string): Promise<OrderTaken | undefined> {
    const row = await sqlRow<{ caseId: string; caseNo: string; kind: string }>(
      this.dataSource,
      `SELECT o.case_id AS "caseId", c.case_no AS "caseNo", c.kind FROM upstream_orders o JOIN cases c ON c.id = o.case_id
        WHERE o.platform = $1 AND o.order_no = $2`,
      [platform, orderNo],
    );
    return row ? { ...row, created: false } : undefined;
  }

  private async recordOrder(
    manager: EntityManager,
    platform: UpstreamPlatform,
    order: UpstreamOrder,
    cityCategory: string,
    mapped: boolean,
    caseId: string,
  ): Promise<void> {
    await sqlExec(
      manager,
      `INSERT INTO upstream_orders (platform, order_no, case_id, city_category, mapped, order_received_at, accept_deadline, reply_deadline)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        platform.code,
        order.orderNo,
        caseId,
        cityCategory,
        mapped,
        order.receivedAt,
        order.deadlines.accept ?? null,
        order.deadlines.reply ?? null,
      ],
    );
    for (const cap of deadlineCaps(order.deadlines)) {
      await sqlExec(manager, `INSERT INTO case_deadline_caps (case_id, stage, deadline, source) VALUES ($1, $2, $3, $4)`, [
        caseId,
        cap.stage,
        cap.deadline,
        upstreamActorName(platform.code),
      ]);
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  return code === '23505';
}
