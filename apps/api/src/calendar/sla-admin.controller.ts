import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { Roles } from '@hotline/auth';
import { InputInvalid } from '@hotline/errors';
import { SlaAdminService } from '@hotline/sla-runtime';
import { CleanText } from '../http/text-rules';

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
  constructor(private readonly admin: SlaAdminService) {}

  @Get('sla/policies')
  @Roles('admin', 'supervisor')
  policies() {
    return this.admin.policies();
  }

  /** The body is one policy object as in seeds/sla-policies.json; `code` may be left out (it is the path's). */
  @Put('sla/policies/:code')
  @Roles('admin')
  save(@Param('code') code: string, @Body() body: unknown) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InputInvalid([{ field: 'body', reason: 'must be one policy object' }]);
    }
    return this.admin.savePolicy(code, body as Record<string, unknown>);
  }

  @Delete('sla/policies/:code')
  @Roles('admin')
  @HttpCode(200)
  retire(@Param('code') code: string) {
    return this.admin.retirePolicy(code);
  }

  @Get('calendar/overrides')
  overrides() {
    return this.admin.overrides();
  }

  @Put('calendar/overrides/:date')
  @Roles('admin')
  saveOverride(@Param('date') date: string, @Body() body: HolidayOverrideDto) {
    return this.admin.saveOverride(date, body.working, body.note?.trim() ?? '');
  }

  @Delete('calendar/overrides/:date')
  @Roles('admin')
  @HttpCode(204)
  async deleteOverride(@Param('date') date: string): Promise<void> {
    await this.admin.deleteOverride(date);
  }
}
