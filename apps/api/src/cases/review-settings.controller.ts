import { Actor, type AuditActor } from '@hotline/audit';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { Roles } from '@hotline/auth';
import { ReviewSettingsService, type ReviewSettings } from './review-settings.service';

export class SetReviewSettingsDto {
  @ApiProperty({ description: "every reply first waits for the department lead's approval (部门负责人审核)" })
  @IsBoolean()
  leadApproval: boolean;

  @ApiProperty({ description: "every reply then waits for the centre's review (中心审核, supervisors) before the callback" })
  @IsBoolean()
  centreReview: boolean;
}

export class ReviewSettingsDto implements ReviewSettings {
  @ApiProperty({ example: 'housing' }) department: string;
  @ApiProperty() leadApproval: boolean;
  @ApiProperty() centreReview: boolean;
}

/** 办结审核 per department: admins set it, supervisors read it. Both off (the default): a reply goes straight to the callback. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/departments/:code/review-settings')
export class ReviewSettingsController {
  constructor(private readonly settings: ReviewSettingsService) {}

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOkResponse({ type: ReviewSettingsDto })
  get(@Param('code') code: string) {
    return this.settings.get(code);
  }

  @Put()
  @Roles('admin')
  @ApiOkResponse({ type: ReviewSettingsDto })
  set(@Param('code') code: string, @Body() body: SetReviewSettingsDto, @Actor() actor: AuditActor) {
    return this.settings.set(code, { leadApproval: body.leadApproval, centreReview: body.centreReview }, actor);
  }
}
