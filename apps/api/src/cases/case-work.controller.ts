import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AuthUser, CurrentUser, Roles } from '@hotline/auth';
import { CaseWorkQueriesService, SUSPENSION_STATUSES, type SuspensionStatus } from '@hotline/cases';
import { InputInvalid } from '@hotline/errors';
import { BoundedInt, IsoDateTime } from '../http/query-values';
import { DepartmentReturnsDto, ExtensionRequestViewDto, SuspensionDto } from './case-work.dto';

export class ListExtensionRequestsDto {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'], default: 'pending' })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected'], { message: 'status must be pending, approved or rejected' })
  status: 'pending' | 'approved' | 'rejected' = 'pending';

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @BoundedInt(1, 500)
  limit = 100;
}

export class ListSuspensionsDto {
  @ApiPropertyOptional({ enum: SUSPENSION_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(SUSPENSION_STATUSES, { message: `status must be one of ${SUSPENSION_STATUSES.join(', ')}` })
  status: SuspensionStatus = 'pending';

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @BoundedInt(1, 500)
  limit = 100;
}

export class PeriodDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'from (inclusive, ISO 8601); default 30 days before `to`',
  })
  @IsOptional()
  @IsoDateTime()
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'to (exclusive, ISO 8601); default now' })
  @IsOptional()
  @IsoDateTime()
  to?: Date;
}

/** Supervisors' and dispatchers' work lists: extension requests to decide, returns per department. */
@ApiTags('case actions')
@ApiBearerAuth()
@Controller('api/v1')
export class CaseWorkController {
  constructor(private readonly work: CaseWorkQueriesService) {}

  /** A case's extension requests (延期), oldest first; anyone who may see the case. */
  @Get('cases/:id/extension-requests')
  @ApiOkResponse({ type: [ExtensionRequestViewDto] })
  ofCase(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string, @CurrentUser() user: AuthUser) {
    return this.work.extensionRequestsOf(id, user);
  }

  /** The approval queue: extension requests in a status (default pending), oldest first. */
  @Get('extension-requests')
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: [ExtensionRequestViewDto] })
  list(@Query() query: ListExtensionRequestsDto) {
    return this.work.extensionRequests(query.status, query.limit);
  }

  /** The suspension queue (挂起): requests in a status (default pending, to decide), oldest first. */
  @Get('suspensions')
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: [SuspensionDto] })
  suspensions(@Query() query: ListSuspensionsDto) {
    return this.work.suspensions(query.status, query.limit);
  }

  /** Returns (退单) per department in a period, and how each ended: rejected, dispatched again, or waiting. */
  @Get('returns/by-department')
  @Roles('supervisor', 'dispatcher', 'admin')
  @ApiOkResponse({ type: [DepartmentReturnsDto] })
  returns(@Query() query: PeriodDto) {
    const to = query.to ?? new Date();
    const from = query.from ?? new Date(to.getTime() - 30 * 24 * 3600_000);
    if (from.getTime() >= to.getTime()) throw new InputInvalid([{ field: 'from', reason: 'from must be before to' }]);
    return this.work.returnsByDepartment(from, to);
  }
}
