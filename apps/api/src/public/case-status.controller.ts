import { Controller, Get, Ip, Param, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '@hotline/auth';
import { PublicCaseStatusService, type CaseOwnerProof } from '@hotline/cases';
import { AppConfig } from '@hotline/config';
import { FieldProblem, InputInvalid } from '@hotline/errors';
import { normalizePhone, PHONE_PATTERN } from '@hotline/privacy';
import { addressKey } from './address-key';
import { PublicRateLimiter, type RateLimit } from './public-rate-limiter';

const CASE_NO = /^[A-Z]{2,4}\d{14,20}$/;

/**
 * 查询办理进度: a citizen follows their case by its number and the last four digits of the phone they
 * gave (the whole number for a confidential case). Unknown numbers and wrong digits get the same 404.
 * Wrong tries are counted per address, for the case and across cases, so the digits cannot be guessed
 * from one place and a guesser never locks the citizen out: the right digits from another address
 * always answer, and right digits do not count.
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
  @ApiQuery({
    name: 'phoneLast4',
    required: false,
    description: 'the last four digits of the phone given when the case was logged',
  })
  @ApiQuery({ name: 'phone', required: false, description: 'the whole phone number instead (required for a confidential case)' })
  async get(
    @Param('caseNo') caseNo: string,
    @Query('phoneLast4') phoneLast4: string | undefined,
    @Query('phone') phone: string | undefined,
    @Ip() ip: string,
  ) {
    await this.limiter.consume(this.limiter.perAddress(), ip);
    const problems: FieldProblem[] = [];
    if (!CASE_NO.test(caseNo)) problems.push({ field: 'caseNo', reason: 'must be a case number like XG20261122000123' });
    let proof: CaseOwnerProof | null = null;
    if (phone !== undefined) {
      if (typeof phone === 'string' && PHONE_PATTERN.test(normalizePhone(phone))) proof = { phone: normalizePhone(phone) };
      else problems.push({ field: 'phone', reason: 'must be the phone number given when the case was logged' });
    } else if (typeof phoneLast4 === 'string' && /^\d{4}$/.test(phoneLast4)) {
      proof = { phoneLast4 };
    } else {
      problems.push({ field: 'phoneLast4', reason: 'must be the last 4 digits of the phone' });
    }
    if (problems.length > 0 || proof === null) throw new InputInvalid(problems);

    const address = addressKey(ip);
    const tries = [
      {
        limit: this.tries('case-status-address-case', this.config.CASE_STATUS_TRIES_PER_ADDRESS_CASE),
        key: `${address}|${caseNo}`,
      },
      { limit: this.tries('case-status-address', this.config.CASE_STATUS_TRIES_PER_ADDRESS), key: address },
    ];
    await this.limiter.consumeAll(tries);
    const found = await this.status.lookUp(caseNo, proof);
    await this.limiter.giveBack(tries);
    return found;
  }

  private tries(bucket: string, points: number): RateLimit {
    return { bucket, points, durationSeconds: 3600 };
  }
}
