import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, type AuditActor } from '@hotline/audit';
import { Roles } from '@hotline/auth';
import { RunningDeadlinesService } from '@hotline/cases';
import { CalendarNoticesService } from '@hotline/sla-runtime';
import { CalendarNoticeRecordDto, ImportNoticeDto, ImportNoticeQueryDto, NoticeImportResultDto } from './calendar-notices.dto';

/**
 * The State Council's yearly holiday notice, imported by an administrator: read, compared with the
 * calendar in force (`?dryRun=true` stops there) and stored as that year's official arrangement; the
 * running deadlines it touches move in the same transaction, each with an event. Every process takes it
 * up at commit.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/calendar/notices')
export class CalendarNoticesController {
  constructor(
    private readonly notices: CalendarNoticesService,
    private readonly runningDeadlines: RunningDeadlinesService,
  ) {}

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOkResponse({ type: [CalendarNoticeRecordDto] })
  list() {
    return this.notices.list();
  }

  @Post()
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeImportResultDto })
  import(@Body() body: ImportNoticeDto, @Query() query: ImportNoticeQueryDto, @Actor() actor: AuditActor) {
    return this.notices.import(body.text, actor, query.dryRun === true, this.runningDeadlines);
  }
}
