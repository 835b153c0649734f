import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, type AuditActor, AuditLogService } from '@hotline/audit';
import { Roles } from '@hotline/auth';
import { AppConfig } from '@hotline/config';
import { toZonedIso } from '../http/zoned-time';
import { auditCsv } from './audit-export';
import { AuditFiltersDto, AuditPageDto, AuditQueryDto } from './audit.dto';

/** The audit trail, newest first, for admins; and the same rows as a CSV file. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditLogService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() q: AuditQueryDto): Promise<AuditPageDto> {
    const { page, pageSize, ...filters } = q;
    return this.audit.list(filters, page, pageSize);
  }

  /** Oldest first, up to 100,000 rows (the last line says when more matched); each export is itself audited. */
  @Get('export')
  @ApiProduces('text/csv')
  async export(@Query() q: AuditFiltersDto, @Actor() actor: AuditActor, @Res() response: Response): Promise<void> {
    const { rows, truncated } = await this.audit.exportRows({ ...q }, actor);
    const zoned = (d: Date) => toZonedIso(d, this.config.DISTRICT_TIMEZONE) ?? '';
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="audit-${zoned(new Date()).slice(0, 10)}.csv"`);
    response.send(auditCsv(rows, truncated, zoned));
  }
}
