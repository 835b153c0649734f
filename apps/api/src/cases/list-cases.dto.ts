import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CASE_CHANNELS, CASE_KINDS, CASE_STATUSES, type CaseListFilters } from '@hotline/cases';
import { DRILLABLE_FIGURES, type DrillableFigure } from '@hotline/stats';
import { PageQueryDto } from '../http/page-query.dto';
import { IsoDateTime } from '../http/query-values';
import { CleanText } from '../http/text-rules';

/** Inbox filters; `status` takes one status or a comma-separated list. */
export class ListCasesDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'comma-separated statuses', example: 'dispatched,accepted' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : value,
  )
  @IsIn(CASE_STATUSES, { each: true, message: `status must be among ${CASE_STATUSES.join(', ')}` })
  status?: string[];

  @ApiPropertyOptional({ description: 'lead department code' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  department?: string;

  @ApiPropertyOptional({ description: 'category code at any level' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  category?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) street?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) community?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) grid?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'received at or after (ISO 8601)' })
  @IsOptional()
  @IsoDateTime()
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'received before (ISO 8601)' })
  @IsOptional()
  @IsoDateTime()
  to?: Date;

  @ApiPropertyOptional({ description: 'case number, or words in title, description or address' })
  @IsOptional()
  @IsString()
  @CleanText()
  @Length(1, 100)
  text?: string;

  @ApiPropertyOptional({
    enum: ['warning', 'overdue'],
    description: 'cases whose current stage is past its warning time / its deadline',
  })
  @IsOptional()
  @IsIn(['warning', 'overdue'], { message: 'sla must be warning or overdue' })
  sla?: 'warning' | 'overdue';

  @ApiPropertyOptional({ enum: CASE_KINDS })
  @IsOptional()
  @IsIn(CASE_KINDS, { message: `kind must be one of ${CASE_KINDS.join(', ')}` })
  kind?: string;

  @ApiPropertyOptional({ enum: CASE_CHANNELS })
  @IsOptional()
  @IsIn(CASE_CHANNELS, { message: `channel must be one of ${CASE_CHANNELS.join(', ')}` })
  channel?: string;

  @ApiPropertyOptional({
    enum: DRILLABLE_FIGURES,
    description:
      'drill-down: only the cases behind this statistics figure; with the same filters as GET /api/v1/stats/rates, exactly the cases it counted',
  })
  @IsOptional()
  @IsIn(DRILLABLE_FIGURES, { message: `figure must be one of ${DRILLABLE_FIGURES.join(', ')}` })
  figure?: DrillableFigure;
}

/** The service's filters from the inbox query: one mapping for every list that takes these filters. */
export function caseListFiltersOf(q: ListCasesDto): CaseListFilters {
  return {
    status: q.status,
    departmentCode: q.department,
    categoryCode: q.category,
    streetCode: q.street,
    communityCode: q.community,
    gridCode: q.grid,
    from: q.from,
    to: q.to,
    text: q.text,
    sla: q.sla,
    kind: q.kind,
    channel: q.channel,
    figure: q.figure,
    page: q.page,
    pageSize: q.pageSize,
  };
}
