import { Body, Controller, Get, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@hotline/auth';
import { AppConfig } from '@hotline/config';
import { StatsQueryService, StatsSettingsService } from '@hotline/stats';
import { toZonedIso } from '../http/zoned-time';
import { ratesCsv, ratesWorkbook } from './stats-export';
import {
  ExportQueryDto,
  filtersOf,
  HandlingTimeQueryDto,
  HotspotsQueryDto,
  RankingsQueryDto,
  RankingWeightsDto,
  RatesQueryDto,
  RepeatsQueryDto,
  TrendsQueryDto,
} from './stats-query.dto';
import { RankingsReportDto, RatesReportDto, TrendsReportDto } from './stats-report.dto';

/**
 * Supervisor analytics. Supervisors and admins see the district; a department lead sees their own
 * department only (the department filter is forced to theirs, another one is 403). Every count can be
 * drilled into with GET /api/v1/cases?figure=<name> and the same filters.
 */
@ApiTags('stats')
@ApiBearerAuth()
@Controller('api/v1/stats')
@Roles('supervisor', 'admin', 'departmentLead')
export class StatsController {
  constructor(
    private readonly stats: StatsQueryService,
    private readonly settings: StatsSettingsService,
    private readonly config: AppConfig,
  ) {}

  @Get('rates')
  @ApiOkResponse({ type: RatesReportDto })
  rates(@Query() q: RatesQueryDto, @CurrentUser() user: AuthUser) {
    return this.stats.rates(q.groupBy, filtersOf(q), user, q.categoryLevel);
  }

  /** The rates report as CSV or an Excel workbook, with period, filters and generation time in the file. */
  @Get('rates/export')
  async export(@Query() q: ExportQueryDto, @CurrentUser() user: AuthUser, @Res() response: Response) {
    const report = await this.stats.rates(q.groupBy, filtersOf(q), user, q.categoryLevel);
    const zoned = (d: Date | null) => toZonedIso(d, this.config.DISTRICT_TIMEZONE) ?? '';
    const name = `rates-by-${q.groupBy}-${zoned(report.generatedAt).slice(0, 10)}`;
    if (q.format === 'csv') {
      response.setHeader('content-type', 'text/csv; charset=utf-8');
      response.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
      response.send(ratesCsv(report, zoned));
      return;
    }
    response.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    response.setHeader('content-disposition', `attachment; filename="${name}.xlsx"`);
    response.send(await ratesWorkbook(report, zoned));
  }

  @Get('trends')
  @ApiOkResponse({ type: TrendsReportDto })
  trends(@Query() q: TrendsQueryDto, @CurrentUser() user: AuthUser) {
    return this.stats.trends(q.interval, filtersOf(q), user);
  }

  @Get('rankings')
  @ApiOkResponse({ type: RankingsReportDto })
  rankings(@Query() q: RankingsQueryDto, @CurrentUser() user: AuthUser) {
    return this.stats.rankings(q.by, filtersOf(q), user);
  }

  @Get('hotspots')
  hotspots(@Query() q: HotspotsQueryDto, @CurrentUser() user: AuthUser) {
    return this.stats.hotspots(q.by, filtersOf(q), user, q.limit, q.categoryLevel);
  }

  @Get('repeats')
  repeats(@Query() q: RepeatsQueryDto, @CurrentUser() user: AuthUser) {
    return this.stats.repeats(q.by, filtersOf(q), user, q.min, q.limit);
  }

  @Get('handling-time')
  handlingTime(@Query() q: HandlingTimeQueryDto, @CurrentUser() user: AuthUser) {
    return this.stats.handlingTime(q.groupBy, filtersOf(q), user, q.categoryLevel);
  }

  @Get('ranking-weights')
  weights() {
    return this.settings.rankingWeights();
  }

  @Put('ranking-weights')
  @Roles('admin')
  setWeights(@Body() body: RankingWeightsDto) {
    return this.settings.setRankingWeights({ ...body });
  }
}
