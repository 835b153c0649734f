import { ApiProperty } from '@nestjs/swagger';
import { CALENDAR_SOURCES, type CalendarSource, type CalendarStatus, type CalendarYearState } from '@hotline/sla';

/** GET /calendar/status, described for the OpenAPI document; `implements` keeps it in step with the service. */
export class CalendarYearStateDto implements CalendarYearState {
  @ApiProperty() year: number;
  @ApiProperty({ enum: CALENDAR_SOURCES }) source: CalendarSource;
}

export class CalendarStatusDto implements CalendarStatus {
  @ApiProperty({ enum: ['ok', 'degraded'], description: 'degraded while deadlines reach a year without an official arrangement' })
  status: 'ok' | 'degraded';
  @ApiProperty({ example: '2026-11-22', description: "today in the district's zone" }) today: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ description: 'the last year with an official arrangement' }) officialThrough: number;
  @ApiProperty({ type: () => [CalendarYearStateDto] }) years: CalendarYearStateDto[];
  @ApiProperty({ type: [Number] }) predictedYears: number[];
  @ApiProperty({ type: [Number] }) lawYears: number[];
  @ApiProperty({ type: String, nullable: true, description: 'why it is degraded; null when ok' }) reason: string | null;
}

/** GET /calendar/deadline. */
export class DeadlinePreviewResultDto {
  @ApiProperty({ type: String, format: 'date-time' }) deadline: Date;
  @ApiProperty({ enum: CALENDAR_SOURCES }) calendar: CalendarSource;
}
