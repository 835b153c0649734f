import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { SLA_UNITS, type SlaUnit } from '@hotline/sla';
import { BoundedNumber, IsoDateTime } from '../http/query-values';

/** `GET /api/v1/calendar/deadline` query: a start instant, an amount and its unit. */
export class DeadlinePreviewDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'start instant, ISO 8601 with offset',
    example: '2026-09-30T10:00:00+08:00',
  })
  @IsoDateTime()
  start: Date;

  @ApiProperty({ description: 'how much time; whole numbers for workingDays', example: 1 })
  // Ten years of working days: beyond any real deadline, and well inside the calendar's range.
  @BoundedNumber({ min: 0, max: 2_500 })
  amount: number;

  @ApiProperty({ enum: SLA_UNITS })
  @IsIn(SLA_UNITS, { message: `unit must be one of ${SLA_UNITS.join(', ')}` })
  unit: SlaUnit;
}
