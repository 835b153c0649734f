import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CASE_CHANNELS, CASE_KINDS } from '@hotline/cases';
import { STATS_DIMENSIONS, TREND_INTERVALS, type StatsDimension, type StatsFilters, type TrendInterval } from '@hotline/stats';
import { BoundedInt, IsoDateTime } from '../http/query-values';

/** Period and group filters, shared by every statistics endpoint; the same names as GET /api/v1/cases. */
export class StatsFilterDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'received at or after (ISO 8601); a district midnight lets the rollup answer',
  })
  @IsOptional()
  @IsoDateTime()
  from?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'received before (ISO 8601)' })
  @IsOptional()
  @IsoDateTime()
  to?: Date;
  @ApiPropertyOptional({ description: "lead department code, or '_none' (not dispatched)" })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  department?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) street?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) community?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) grid?: string;
  @ApiPropertyOptional({ description: 'category code at any level' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  category?: string;
  @ApiPropertyOptional({ enum: CASE_KINDS })
  @IsOptional()
  @IsIn(CASE_KINDS, { message: `kind must be one of ${CASE_KINDS.join(', ')}` })
  kind?: string;
  @ApiPropertyOptional({ enum: CASE_CHANNELS })
  @IsOptional()
  @IsIn(CASE_CHANNELS, { message: `channel must be one of ${CASE_CHANNELS.join(', ')}` })
  channel?: string;
}

export function filtersOf(q: StatsFilterDto): StatsFilters {
  const filters: StatsFilters = {};
  if (q.from) filters.from = q.from;
  if (q.to) filters.to = q.to;
  for (const key of ['department', 'street', 'community', 'grid', 'category', 'kind', 'channel'] as const) {
    if (q[key] !== undefined) filters[key] = q[key];
  }
  return filters;
}

export class RatesQueryDto extends StatsFilterDto {
  @ApiProperty({ enum: STATS_DIMENSIONS })
  @IsIn(STATS_DIMENSIONS, { message: `groupBy must be one of ${STATS_DIMENSIONS.join(', ')}` })
  groupBy: StatsDimension;

  @ApiPropertyOptional({ description: 'with groupBy=category: the level to roll up to (1 = top); leaf categories when absent' })
  @IsOptional()
  @BoundedInt(1, 5)
  categoryLevel?: number;
}

export class ExportQueryDto extends RatesQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'], { message: 'format must be csv or xlsx' })
  format: 'csv' | 'xlsx';
}

export class TrendsQueryDto extends StatsFilterDto {
  @ApiPropertyOptional({ enum: TREND_INTERVALS, default: 'month' })
  @IsOptional()
  @IsIn(TREND_INTERVALS, { message: `interval must be one of ${TREND_INTERVALS.join(', ')}` })
  interval: TrendInterval = 'month';
}

export class RankingsQueryDto extends StatsFilterDto {
  @ApiPropertyOptional({ enum: ['department', 'street'], default: 'department' })
  @IsOptional()
  @IsIn(['department', 'street'], { message: 'by must be department or street' })
  by: 'department' | 'street' = 'department';
}

export class HotspotsQueryDto extends StatsFilterDto {
  @ApiPropertyOptional({ enum: ['grid', 'category'], default: 'grid' })
  @IsOptional()
  @IsIn(['grid', 'category'], { message: 'by must be grid or category' })
  by: 'grid' | 'category' = 'grid';
  @ApiPropertyOptional() @IsOptional() @BoundedInt(1, 5) categoryLevel?: number;
  @ApiPropertyOptional({ default: 10 }) @IsOptional() @BoundedInt(1, 200) limit = 10;
}

export class RepeatsQueryDto extends StatsFilterDto {
  @ApiPropertyOptional({ enum: ['caller', 'address'], default: 'caller' })
  @IsOptional()
  @IsIn(['caller', 'address'], { message: 'by must be caller or address' })
  by: 'caller' | 'address' = 'caller';
  @ApiPropertyOptional({ default: 2 }) @IsOptional() @BoundedInt(2, 1000) min = 2;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @BoundedInt(1, 200) limit = 20;
}

export class HandlingTimeQueryDto extends StatsFilterDto {
  @ApiProperty({ enum: STATS_DIMENSIONS })
  @IsIn(STATS_DIMENSIONS, { message: `groupBy must be one of ${STATS_DIMENSIONS.join(', ')}` })
  groupBy: StatsDimension;
  @ApiPropertyOptional() @IsOptional() @BoundedInt(1, 5) categoryLevel?: number;
}

/** Ranking weights; each 0–100, at least one above 0. */
export class RankingWeightsDto {
  @ApiProperty() @IsNumber() @Min(0) @Max(100) responseRate: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(100) completionRate: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(100) onTimeRate: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(100) satisfactionRate: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(100) resolutionRate: number;
}
