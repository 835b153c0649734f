import { Controller, Get, Ip, Param, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '@hotline/auth';
import { PublicCaseStatusService } from '@hotline/cases';
import { AppConfig } from '@hotline/config';
import { FieldProblem, InputInvalid } from '@hotline/errors';
import { PublicRateLimiter } from './public-rate-limiter';

const CASE_NO = /^[A-Z]{2,4}\d{14,20}$/;

/**
 * 查询办理进度: a citizen follows their case by its number and the last four digits of the phone they
 * gave. Unknown numbers and wrong digits get the same 404, and each case number allows only a few
 * tries an hour from anywhere, so the digits cannot be guessed (10,000 possibilities).
 */
@ApiTags('public')
@Public()
@Controller('api/v1/public/cases')
export class CaseStatusController {
  constructor(
    private readonly status: PublicCaseStatusService,
    private readonly limiter: PublicRateLimiter,
    private readonly config: AppConfig,
  ) {}

  @Get(':caseNo')
  @ApiQuery({ name: 'phoneLast4', description: 'the last four digits of the phone given when the case was logged' })
  async get(@Param('caseNo') caseNo: string, @Query('phoneLast4') phoneLast4: string | undefined, @Ip() ip: string) {
    await this.limiter.consume(this.limiter.perAddress(), ip);
    const problems: FieldProblem[] = [];
    if (!CASE_NO.test(caseNo)) problems.push({ field: 'caseNo', reason: 'must be a case number like XG20261122000123' });
    if (typeof phoneLast4 !== 'string' || !/^\d{4}$/.test(phoneLast4)) problems.push({ field: 'phoneLast4', reason: 'must be the last 4 digits of the phone' });
    if (problems.length > 0 || phoneLast4 === undefined) throw new InputInvalid(problems);
    await this.limiter.consume({ bucket: 'case-status', points: this.config.CASE_STATUS_TRIES_PER_CASE, durationSeconds: 3600 }, caseNo);
    return this.status.lookUp(caseNo, phoneLast4);
  }
}
