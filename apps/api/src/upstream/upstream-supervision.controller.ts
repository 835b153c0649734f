import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, type AuditActor } from '@hotline/audit';
import { type AuthUser, CurrentUser, Roles } from '@hotline/auth';
import { NotFound } from '@hotline/errors';
import {
  isUpstreamPlatformCode,
  UpstreamCategoryMapService,
  UpstreamReturnsService,
  UpstreamSupervisionService,
  type CategoryMapping,
  type DeadLetterView,
  type OrderView,
} from '@hotline/upstream';
import { PutCategoryMappingDto, ReturnOrderDto } from './upstream.dto';
import { UpstreamDeadLetterDto, UpstreamOrderViewDto } from './upstream-view.dto';

/** The platform named in the path, or 404: only configured platforms have orders, maps and dead letters. */
function platformOf(code: string): string {
  if (!isUpstreamPlatformCode(code)) throw new NotFound('UpstreamPlatform', code);
  return code;
}

/**
 * The centre's side of the upstream link: an order with its case, reports and decisions (supervisors),
 * the dead-letter list and its retry (supervisors), the category mapping table (admins write, audited).
 */
@ApiTags('upstream')
@ApiBearerAuth()
@Controller('api/v1/upstream/:platform')
export class UpstreamSupervisionController {
  constructor(
    private readonly supervision: UpstreamSupervisionService,
    private readonly categoryMap: UpstreamCategoryMapService,
    private readonly returns: UpstreamReturnsService,
  ) {}

  @Get('orders/:orderNo')
  @Roles('supervisor', 'admin')
  @ApiOkResponse({
    type: UpstreamOrderViewDto,
    description: 'the order, its case, and every report and decision with its delivery state',
  })
  order(@Param('platform') code: string, @Param('orderNo') orderNo: string): Promise<OrderView> {
    return this.supervision.order(platformOf(code), orderNo);
  }

  /** 退回市平台: the district sends the order back to the city (a `returned` report); 409 when its case is closed. */
  @Post('orders/:orderNo/return')
  @HttpCode(200)
  @Roles('dispatcher', 'supervisor')
  @ApiOkResponse({ type: UpstreamOrderViewDto, description: 'the order, with its returned report' })
  async returnOrder(
    @Param('platform') code: string,
    @Param('orderNo') orderNo: string,
    @Body() body: ReturnOrderDto,
    @CurrentUser() user: AuthUser,
  ): Promise<OrderView> {
    const platform = platformOf(code);
    await this.returns.returnOrder(platform, orderNo, body.reason, { id: user.id, name: user.displayName, role: user.role });
    return this.supervision.order(platform, orderNo);
  }

  @Get('dead-letters')
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: [UpstreamDeadLetterDto], description: 'orders whose reports kept failing, oldest first' })
  deadLetters(@Param('platform') code: string): Promise<DeadLetterView[]> {
    return this.supervision.deadLetters(platformOf(code));
  }

  /** Puts the order's pending reports back on the upstream queue (a new delivery round); 409 when it is not dead-lettered. */
  @Post('dead-letters/:orderNo/retry')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: UpstreamOrderViewDto, description: 'the order after the retry was queued' })
  retry(@Param('platform') code: string, @Param('orderNo') orderNo: string): Promise<OrderView> {
    return this.supervision.retry(platformOf(code), orderNo);
  }

  @Get('category-map')
  @Roles('admin', 'supervisor', 'dispatcher')
  @ApiOkResponse({ description: "the city's category texts and the category and kind each maps to" })
  mappings(@Param('platform') code: string): Promise<CategoryMapping[]> {
    return this.categoryMap.list(platformOf(code));
  }

  @Put('category-map')
  @Roles('admin')
  @ApiOkResponse({ description: 'the row as stored (created or changed; audited)' })
  putMapping(
    @Param('platform') code: string,
    @Body() body: PutCategoryMappingDto,
    @Actor() actor: AuditActor,
  ): Promise<CategoryMapping> {
    return this.categoryMap.put(platformOf(code), body, actor);
  }

  @Delete('category-map/:mappingId')
  @HttpCode(204)
  @Roles('admin')
  async removeMapping(
    @Param('platform') code: string,
    @Param('mappingId', new ParseUUIDPipe({ version: '4' })) mappingId: string,
    @Actor() actor: AuditActor,
  ): Promise<void> {
    await this.categoryMap.remove(platformOf(code), mappingId, actor);
  }
}
