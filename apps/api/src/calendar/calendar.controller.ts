import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@hotline/auth';
import { addWorkingTime, deadlineCalendar, type CalendarSource, type CalendarStatus } from '@hotline/sla';
import { CalendarHealth, SlaSettingsService } from '@hotline/sla-runtime';
import { DeadlinePreviewDto } from './deadline-preview.dto';

/**
 * Deadline preview for admins checking their calendar: the same calendar (statutory days, district
 * overrides, office hours, zone) and the same arithmetic the case deadlines use. Any signed-in user.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(
    private readonly sla: SlaSettingsService,
    private readonly calendarHealth: CalendarHealth,
  ) {}

  /**
   * `{ deadline, calendar }`: the deadline (shown in the district's offset by the global date
   * interceptor) and where its days came from (official, predicted, law).
   */
  @Get('deadline')
  async deadline(@Query() query: DeadlinePreviewDto): Promise<{ deadline: Date; calendar: CalendarSource }> {
    const { calendar } = await this.sla.current();
    const deadline = addWorkingTime(query.start, query.amount, query.unit, calendar);
    return { deadline, calendar: deadlineCalendar(query.start, deadline, calendar) };
  }

  /** The calendar's state: degraded while deadlines reach a year with no official arrangement (admins). */
  @Get('status')
  @Roles('admin')
  status(): Promise<CalendarStatus> {
    return this.calendarHealth.status();
  }
}
