import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SlaSettingsService } from '@hotline/cases';
import { addWorkingTime } from '@hotline/sla';
import { DeadlinePreviewDto } from './deadline-preview.dto';

/**
 * Deadline preview for admins checking their calendar: the same calendar (statutory days, district
 * overrides, office hours, zone) and the same arithmetic the case deadlines use. Any signed-in user.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(private readonly sla: SlaSettingsService) {}

  /** `{ deadline }`, shown in the district's offset by the global date interceptor. */
  @Get('deadline')
  async deadline(@Query() query: DeadlinePreviewDto): Promise<{ deadline: Date }> {
    const { calendar } = await this.sla.current();
    return { deadline: addWorkingTime(query.start, query.amount, query.unit, calendar) };
  }
}
