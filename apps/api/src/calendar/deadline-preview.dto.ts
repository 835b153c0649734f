import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsNumber, Max, Min } from 'class-validator';
import { SLA_UNITS, type SlaUnit } from '@hotline/sla';

/** `GET /api/v1/calendar/deadline` query: a start instant, an amount and its unit. */
export class DeadlinePreviewDto {
  @ApiProperty({ description: 'start instant, ISO 8601 with offset', example: '2026-09-30T10:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: 'start must be an ISO 8601 time' })
  start: string;

  @ApiProperty({ description: 'how much time; whole numbers for workingDays', example: 1 })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'amount must be a number' })
  @Min(0)
  // Ten years of working days: beyond any real deadline, and well inside the calendar's range.
  @Max(2_500)
  amount: number;

  @ApiProperty({ enum: SLA_UNITS })
  @IsIn(SLA_UNITS, { message: `unit must be one of ${SLA_UNITS.join(', ')}` })
  unit: SlaUnit;
}
