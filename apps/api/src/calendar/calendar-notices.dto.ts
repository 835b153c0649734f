import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { CalendarNoticeRecord, NoticeDayChange, NoticeImportResult } from '@hotline/sla-runtime';
import { CALENDAR_SOURCES } from '@hotline/sla';

export class ImportNoticeDto {
  @ApiProperty({
    description: 'The notice as published: 国务院办公厅关于YYYY年部分节假日安排的通知, its numbered items (一、元旦：…)',
    maxLength: 20000,
  })
  @IsString({ message: 'text must be the text of the notice' })
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(20000)
  text: string;
}

export class ImportNoticeQueryDto {
  @ApiPropertyOptional({ description: 'true: read and compare only, store nothing' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

export class NoticeDayDto {
  @ApiProperty({ example: '2027-02-05' }) date: string;
  @ApiProperty({ example: '春节' }) holiday: string;
}

export class DayStateDto {
  @ApiProperty() working: boolean;
  @ApiProperty({ enum: ['override', ...CALENDAR_SOURCES, 'weekday'] }) source: string;
  @ApiPropertyOptional() note?: string;
}

export class NoticeDayChangeDto implements NoticeDayChange {
  @ApiProperty() date: string;
  @ApiProperty({ type: () => DayStateDto }) before: NoticeDayChange['before'];
  @ApiProperty({ type: () => DayStateDto }) after: NoticeDayChange['after'];
}

export class NoticeImportResultDto implements NoticeImportResult {
  @ApiProperty() year: number;
  @ApiProperty({ type: [NoticeDayDto] }) daysOff: NoticeDayDto[];
  @ApiProperty({ type: [NoticeDayDto] }) workingDays: NoticeDayDto[];
  @ApiProperty({ type: [NoticeDayChangeDto], description: 'days whose working state the notice changes' })
  changes: NoticeDayChangeDto[];
  @ApiProperty({ description: 'false for a dry run' }) applied: boolean;
  @ApiProperty({ description: 'running stage deadlines the import moved (a dry run: would move)' }) movedDeadlines: number;
}

export class CalendarNoticeRecordDto implements CalendarNoticeRecord {
  @ApiProperty() year: number;
  @ApiProperty({ type: [NoticeDayDto] }) daysOff: NoticeDayDto[];
  @ApiProperty({ type: [NoticeDayDto] }) workingDays: NoticeDayDto[];
  @ApiProperty({ type: String, nullable: true, description: 'username' }) importedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) importedAt: Date;
}
