import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { Actor, type AuditActor } from '@hotline/audit';
import { Roles } from '@hotline/auth';
import { InputInvalid } from '@hotline/errors';
import { RunningDeadlinesService } from '@hotline/cases';
import { SlaAdminService } from '@hotline/sla-runtime';
import { CleanText } from '../http/text-rules';
import { HolidayOverrideRecordDto, SlaPolicyRecordDto } from './sla-admin.dto';

export class HolidayOverrideDto {
  @ApiProperty({ description: 'true: a working day (e.g. a district duty day); false: a day off' })
  @IsBoolean({ message: 'working must be true or false' })
  working: boolean;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @CleanText()
  @MaxLength(500)
  note?: string;
}

/**
 * Admins edit the SLA policies (as in seeds/sla-policies.json, checked as a whole set) and the
 * district's own working days and days off. Edits apply to stages that start afterwards, in this
 * process at once and in the others within 30 seconds (their settings cache).
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1')
export class SlaAdminController {
  constructor(
    private readonly admin: SlaAdminService,
    private readonly runningDeadlines: RunningDeadlinesService,
  ) {}

  @Get('sla/policies')
  @Roles('admin', 'supervisor')
  @ApiOkResponse({ type: [SlaPolicyRecordDto] })
  policies() {
    return this.admin.policies();
  }

  /** The body is one policy object as in seeds/sla-policies.json; `code` may be left out (it is the path's). */
  @Put('sla/policies/:code')
  @Roles('admin')
  @ApiOkResponse({ type: SlaPolicyRecordDto })
  save(@Param('code') code: string, @Body() body: unknown, @Actor() actor: AuditActor) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InputInvalid([{ field: 'body', reason: 'must be one policy object' }]);
    }
    return this.admin.savePolicy(code, body as Record<string, unknown>, actor);
  }

  @Delete('sla/policies/:code')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: SlaPolicyRecordDto })
  retire(@Param('code') code: string, @Actor() actor: AuditActor) {
    return this.admin.retirePolicy(code, actor);
  }

  @Get('calendar/overrides')
  @ApiOkResponse({ type: [HolidayOverrideRecordDto] })
  overrides() {
    return this.admin.overrides();
  }

  @Put('calendar/overrides/:date')
  @Roles('admin')
  @ApiOkResponse({ type: HolidayOverrideRecordDto })
  saveOverride(@Param('date') date: string, @Body() body: HolidayOverrideDto, @Actor() actor: AuditActor) {
    return this.admin.saveOverride(date, body.working, body.note?.trim() ?? '', actor, this.runningDeadlines);
  }

  @Delete('calendar/overrides/:date')
  @Roles('admin')
  @HttpCode(204)
  async deleteOverride(@Param('date') date: string, @Actor() actor: AuditActor): Promise<void> {
    await this.admin.deleteOverride(date, actor, this.runningDeadlines);
  }
}
