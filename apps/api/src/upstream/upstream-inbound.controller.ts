import { Body, Controller, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@hotline/auth';
import { InputInvalid } from '@hotline/errors';
import { HotlineMetrics } from '@hotline/metrics';
import {
  UPSTREAM_PLATFORMS,
  UPSTREAM_SIGNATURE_HEADER,
  UPSTREAM_TIMESTAMP_HEADER,
  UpstreamDecisionsService,
  UpstreamOrdersService,
  type UpstreamPlatformCode,
} from '@hotline/upstream';
import { decisionOf } from './upstream-decision';
import { DecisionOutcomeDto, ORDER_NO_PATTERN, OrderTakenDto, UpstreamDecisionDto, UpstreamOrderDto } from './upstream.dto';
import { UpstreamSignatureGuard } from './upstream-signature.guard';

/**
 * The platform's side (上级平台): signed orders and decisions in. No session: the signature guard opens
 * these routes to the platform's HMAC only (401 otherwise, before the body is validated or stored).
 */
@ApiTags('upstream')
@ApiHeader({ name: UPSTREAM_TIMESTAMP_HEADER, required: true, description: 'Unix time in seconds; ±5 minutes' })
@ApiHeader({
  name: UPSTREAM_SIGNATURE_HEADER,
  required: true,
  description: 'sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">',
})
@Public()
@UseGuards(UpstreamSignatureGuard)
@Controller('api/v1/upstream/:platform/orders')
export class UpstreamInboundController {
  constructor(
    private readonly orders: UpstreamOrdersService,
    private readonly decisions: UpstreamDecisionsService,
    private readonly metrics: HotlineMetrics,
  ) {}

  /** 接单: 201 with the new case; 200 with the same case for an order number seen before. */
  @Post()
  @ApiCreatedResponse({ type: OrderTakenDto, description: 'a new order' })
  @ApiOkResponse({ type: OrderTakenDto, description: 'an order taken in before: its case' })
  async receive(
    @Param('platform') code: UpstreamPlatformCode,
    @Body() body: UpstreamOrderDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OrderTakenDto> {
    const platform = UPSTREAM_PLATFORMS[code];
    const taken = await this.orders.receive(platform, {
      ...body,
      deadlines: { accept: body.deadlines.accept, reply: body.deadlines.reply },
    });
    if (taken.created) this.metrics.casesReceived.inc({ channel: platform.channel, kind: taken.kind });
    response.status(taken.created ? 201 : 200);
    return { caseId: taken.caseId, caseNo: taken.caseNo };
  }

  /** The city's decision on its order, applied once by (orderNo, seq); 409 when the case cannot take it now. */
  @Post(':orderNo/events')
  @HttpCode(200)
  @ApiOkResponse({ type: DecisionOutcomeDto })
  async decide(
    @Param('platform') code: UpstreamPlatformCode,
    @Param('orderNo') orderNo: string,
    @Body() body: UpstreamDecisionDto,
  ): Promise<DecisionOutcomeDto> {
    if (!ORDER_NO_PATTERN.test(orderNo)) throw new InputInvalid([{ field: 'orderNo', reason: 'is not an order number' }]);
    return this.decisions.apply(UPSTREAM_PLATFORMS[code], orderNo, { seq: body.seq, at: body.at, decision: decisionOf(body) });
  }
}
