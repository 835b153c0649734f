import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { HolidayOverrideRecord, SlaPolicyRecord } from '@hotline/sla-runtime';
import { CASE_KINDS, CASE_PRIORITIES, SLA_COUNT_FROM, SLA_UNITS, type SlaUnit } from '@hotline/sla';

/** The SLA administration's answers, for the OpenAPI document. */
export class SlaLimitDto {
  @ApiProperty() amount: number;
  @ApiProperty({ enum: SLA_UNITS }) unit: SlaUnit;
}

export class SlaPolicyMatchDto {
  @ApiPropertyOptional({ enum: CASE_KINDS }) kind?: string;
  @ApiPropertyOptional({ example: 'heating.no-heat' }) categoryCode?: string;
  @ApiPropertyOptional({ enum: CASE_PRIORITIES }) priority?: string;
}

/** A policy as stored (seeds/sla-policies.json's shape); read back as it was saved. */
export class SlaPolicyDefinitionDto {
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() notes?: string;
  @ApiPropertyOptional({ type: () => SlaPolicyMatchDto }) match?: SlaPolicyMatchDto;
  @ApiPropertyOptional({ type: () => SlaLimitDto }) accept?: SlaLimitDto;
  @ApiPropertyOptional({ type: () => SlaLimitDto }) reply?: SlaLimitDto;
  @ApiPropertyOptional({ type: () => SlaLimitDto }) callback?: SlaLimitDto;
  @ApiPropertyOptional({ enum: SLA_COUNT_FROM }) countFrom?: string;
  @ApiPropertyOptional() warningRatio?: number;
  @ApiPropertyOptional({ type: () => SlaLimitDto }) returnWindow?: SlaLimitDto;
  @ApiPropertyOptional() maxExtensionDays?: number;
  @ApiPropertyOptional() maxExtensions?: number;
}

export class SlaPolicyRecordDto implements SlaPolicyRecord {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'false once retired' }) active: boolean;
  @ApiProperty({ type: () => SlaPolicyDefinitionDto }) definition: Record<string, unknown> & SlaPolicyDefinitionDto;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class HolidayOverrideRecordDto implements HolidayOverrideRecord {
  @ApiProperty({ example: '2026-10-10' }) date: string;
  @ApiProperty({ description: 'true: a working day; false: a day off' }) working: boolean;
  @ApiProperty() note: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}
