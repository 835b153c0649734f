import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@hotline/auth';
import { CaseQueryService } from '@hotline/cases';
import { InputInvalid } from '@hotline/errors';
import { normalizePhone, PersonalDataCipher, PHONE_PATTERN } from '@hotline/privacy';
import { CasePageDto } from '../cases/case-view.dto';
import { PageQueryDto } from '../http/page-query.dto';

@ApiTags('callers')
@ApiBearerAuth()
@Controller('api/v1/callers')
export class CallersController {
  constructor(
    private readonly query: CaseQueryService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** A caller's earlier cases, found through the keyed hash of the phone (never a plain-text search). */
  @Get(':phone/cases')
  @Roles('operator', 'dispatcher', 'supervisor', 'admin')
  @ApiOkResponse({ type: CasePageDto })
  history(@Param('phone') phone: string, @Query() q: PageQueryDto, @CurrentUser() user: AuthUser) {
    const normalized = normalizePhone(phone);
    if (!PHONE_PATTERN.test(normalized)) throw new InputInvalid([{ field: 'phone', reason: 'not a valid phone number' }]);
    return this.query.list({ callerPhoneHash: this.cipher.phoneHash(normalized), page: q.page, pageSize: q.pageSize }, user);
  }
}
