import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CASE_CHANNELS, CASE_KINDS } from '@hotline/cases';
import { STATS_DIMENSIONS, TREND_INTERVALS, type StatsDimension, type StatsFilters, type TrendInterval } from '@hotline/stats';

/** Period and group filters, shared by every statistics endpoint; the same names as GET /api/v1/cases. */
export class StatsFilterDto {
  @ApiPropertyOptional({ description: 'received at or after (ISO 8601); a district midnight lets the rollup answer' })
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'received before (ISO 8601)' })
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ description: "lead department code, or '_none' (not dispatched)" })
  @IsOptional() @IsString() @Length(1, 64) department?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) street?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) community?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) grid?: string;
  @ApiPropertyOptional({ description: 'category code at any level' })
  @IsOptional() @IsString() @Length(1, 80) category?: string;
  @ApiPropertyOptional({ enum: CASE_KINDS })
  @IsOptional() @IsIn(CASE_KINDS, { message: `kind must be one of ${CASE_KINDS.join(', ')}` }) kind?: string;
  @ApiPropertyOptional({ enum: CASE_CHANNELS })
  @IsOptional() @IsIn(CASE_CHANNELS, { message: `channel must be one of ${CASE_CHANNELS.join(', ')}` }) channel?: string;
}

export function filtersOf(q: StatsFilterDto): StatsFilters {
  const filters: StatsFilters = {};
  if (q.from) filters.from = new Date(q.from);
  if (q.to) filters.to = new Date(q.to);
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
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5) categoryLevel?: number;
}

export class ExportQueryDto extends RatesQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'], { message: 'format must be csv or xlsx' })
  format: 'csv' | 'xlsx';
}

export class TrendsQueryDto extends StatsFilterDto {
  @ApiPropertyOptional({ enum: TREND_INTERVALS, default: 'month' })
  @IsOptional() @IsIn(TREND_INTERVALS, { message: `interval must be one of ${TREND_INTERVALS.join(', ')}` })
  interval: TrendInterval = 'month';
}

export class RankingsQueryDto extends StatsFilterDto {
  @ApiPropertyOptional({ enum: ['department', 'street'], default: 'department' })
  @IsOptional() @IsIn(['department', 'street'], { message: 'by must be department or street' })
  by: 'department' | 'street' = 'department';
}

export class HotspotsQueryDto extends StatsFilterDto {
  @ApiPropertyOptional({ enum: ['grid', 'category'], default: 'grid' })
  @IsOptional() @IsIn(['grid', 'category'], { message: 'by must be grid or category' })
  by: 'grid' | 'category' = 'grid';
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5) categoryLevel?: number;
  @ApiPropertyOptional({ default: 10 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit = 10;
}

export class RepeatsQueryDto extends StatsFilterDto {
  @ApiPropertyOptional({ enum: ['caller', 'address'], default: 'caller' })
  @IsOptional() @IsIn(['caller', 'address'], { message: 'by must be caller or address' })
  by: 'caller' | 'address' = 'caller';
  @ApiPropertyOptional({ default: 2 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2) @Max(1000) min = 2;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit = 20;
}

export class HandlingTimeQueryDto extends StatsFilterDto {
  @ApiProperty({ enum: STATS_DIMENSIONS })
  @IsIn(STATS_DIMENSIONS, { message: `groupBy must be one of ${STATS_DIMENSIONS.join(', ')}` })
  groupBy: StatsDimension;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5) categoryLevel?: number;
}

/** Ranking weights; each 0–100, at least one above 0. */
export class RankingWeightsDto {
  @ApiProperty() @IsNumber() @Min(0) @Max(100) responseRate: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(100) completionRate: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(100) onTimeRate: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(100) satisfactionRate: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(100) resolutionRate: number;
}
