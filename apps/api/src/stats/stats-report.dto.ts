import { ApiProperty } from '@nestjs/swagger';
import { CASE_FIGURES, LIVE_FIGURES, REPORTED_RATE_NAMES, TREND_INTERVALS } from '@hotline/stats';

/**
 * The statistics reports, described for the OpenAPI document (and so for the console's generated
 * types). Their figure and rate columns are declared from the one list of figures and rates
 * (@hotline/stats figures/), never written out again: a figure added there appears here.
 */

const RATE_DESCRIPTION = 'a fraction 0–1; null where its denominator is 0 (no case to judge)';

function declareColumns(target: object, figures: readonly string[], rates: boolean, change = false): void {
  for (const figure of figures) {
    ApiProperty(
      change ? { type: Number, nullable: true, description: 'relative change from the period before' } : { type: Number },
    )(target, figure);
  }
  if (!rates) return;
  for (const rate of REPORTED_RATE_NAMES) {
    ApiProperty({ type: Number, nullable: true, description: change ? 'change from the period before' : RATE_DESCRIPTION })(
      target,
      rate,
    );
  }
}

export class GroupKeyDto {
  @ApiProperty({ description: "the code to drill down with; '_none' for cases without this key" }) code: string;
  @ApiProperty() name: string;
}

export class StatsPeriodDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) from: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) to: Date | null;
}

/** One group's counts (every figure, and overdueNow) and rates. */
export class RateRowDto {
  @ApiProperty({ type: () => GroupKeyDto }) key: GroupKeyDto;
}
declareColumns(RateRowDto.prototype, [...CASE_FIGURES, ...LIVE_FIGURES], true);

export class RankedRowDto extends RateRowDto {
  @ApiProperty() rank: number;
  @ApiProperty({ type: Number, nullable: true, description: "the admin's weighted score of the rates" }) score: number | null;
}

class StatsReportDto {
  @ApiProperty({ type: () => StatsPeriodDto }) period: StatsPeriodDto;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the filters applied (a lead: their department)' })
  filters: Record<string, unknown>;
  @ApiProperty({ enum: ['rollup', 'facts'], description: 'the daily rollup, or the per-case facts' }) source: 'rollup' | 'facts';
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt: Date;
}

export class RatesReportDto extends StatsReportDto {
  @ApiProperty() groupBy: string;
  @ApiProperty({ type: Number, nullable: true }) categoryLevel: number | null;
  @ApiProperty({ type: () => [RateRowDto] }) rows: RateRowDto[];
  @ApiProperty({ type: () => RateRowDto }) total: RateRowDto;
}

export class RankingsReportDto extends StatsReportDto {
  @ApiProperty({ enum: ['department', 'street'] }) by: 'department' | 'street';
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'weight per rate' })
  weights: Record<string, number>;
  @ApiProperty({ type: () => [RankedRowDto] }) rows: RankedRowDto[];
}

export class TrendChangeDto {}
declareColumns(TrendChangeDto.prototype, CASE_FIGURES, true, true);

/** One period of a trend: its counts (without the live overdueNow) and rates, and their change. */
export class TrendPointDto {
  @ApiProperty({ example: '2026-11-01', description: 'the first day of the period' }) period: string;
  @ApiProperty({ type: () => TrendChangeDto, nullable: true, description: 'null for the first period' })
  change: TrendChangeDto | null;
}
declareColumns(TrendPointDto.prototype, CASE_FIGURES, true);

export class TrendsReportDto extends StatsReportDto {
  @ApiProperty({ enum: TREND_INTERVALS }) interval: string;
  @ApiProperty({ type: () => [TrendPointDto] }) series: TrendPointDto[];
}
