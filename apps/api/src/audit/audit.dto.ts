import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { AUDIT_ENTITIES } from '@hotline/audit';
import { PageQueryDto } from '../http/page-query.dto';
import { IsoDateTime } from '../http/query-values';
import { CleanText } from '../http/text-rules';

/** The filters of the audit trail; the export takes the same without the page. */
export class AuditFiltersDto {
  @ApiPropertyOptional({ description: 'the actor’s username (system:seed for the seeds)' })
  @IsOptional()
  @IsString()
  @CleanText()
  @Length(1, 64)
  actor?: string;

  @ApiPropertyOptional({ enum: AUDIT_ENTITIES })
  @IsOptional()
  @IsIn(AUDIT_ENTITIES, { message: `entity must be one of ${AUDIT_ENTITIES.join(', ')}` })
  entity?: string;

  @ApiPropertyOptional({ description: 'the changed thing’s id (a user’s id, a policy’s code, a date …)' })
  @IsOptional()
  @IsString()
  @CleanText()
  @Length(1, 200)
  entityId?: string;

  @ApiPropertyOptional({ example: 'update' })
  @IsOptional()
  @IsString()
  @CleanText()
  @Length(1, 64)
  action?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'at or after (ISO 8601)' })
  @IsOptional()
  @IsoDateTime()
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'before (ISO 8601)' })
  @IsOptional()
  @IsoDateTime()
  to?: Date;
}

/** The filters with `page` and `pageSize`. */
export class AuditQueryDto extends IntersectionType(PageQueryDto, AuditFiltersDto) {}

export class AuditRecordDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty() actorUsername: string;
  @ApiProperty({ type: String, nullable: true }) actorRole: string | null;
  @ApiProperty() entity: string;
  @ApiProperty() entityId: string;
  @ApiProperty() action: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditRecordDto] }) items: AuditRecordDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
