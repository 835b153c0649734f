import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, type AuditActor } from '@hotline/audit';
import { AllowedBeforeSecondFactor, AuthUser, CurrentUser } from '@hotline/auth';
import { AuthService } from './auth.service';
import { SecondFactorCodeDto, SecondFactorEnabledDto, SecondFactorOfferDto, SecondFactorStatusDto } from './second-factor.dto';
import { SecondFactorService } from './second-factor.service';

/**
 * The signed-in user's own second factor (TOTP): its state, an offer of a secret, and the confirmation
 * with a code that turns it on. Open to a user whose role requires one and who has none yet.
 */
@ApiTags('auth')
@ApiBearerAuth()
@AllowedBeforeSecondFactor()
@Controller('api/v1/auth/second-factor')
export class SecondFactorController {
  constructor(
    private readonly secondFactor: SecondFactorService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @ApiOkResponse({ type: SecondFactorStatusDto })
  status(@CurrentUser() user: AuthUser): Promise<SecondFactorStatusDto> {
    return this.secondFactor.status(user.id, user.role);
  }

  /** A new secret and its otpauth:// URI (the QR code's data); 409 while a factor is on. */
  @Post('enrolment')
  @HttpCode(200)
  @ApiOkResponse({ type: SecondFactorOfferDto })
  enrol(@CurrentUser() user: AuthUser): Promise<SecondFactorOfferDto> {
    return this.secondFactor.startEnrolment(user.id, user.username);
  }

  /** The app's current code for the offered secret: turns the factor on; answers the recovery codes once and a new token. */
  @Post('confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: SecondFactorEnabledDto })
  async confirm(
    @Body() body: SecondFactorCodeDto,
    @CurrentUser() user: AuthUser,
    @Actor() actor: AuditActor,
  ): Promise<SecondFactorEnabledDto> {
    const { recoveryCodes } = await this.secondFactor.confirmEnrolment(user.id, body.code, actor);
    const { accessToken, user: fresh, mustChangePassword } = await this.auth.reissue(user.id);
    return { accessToken, tokenType: 'Bearer', user: fresh, mustChangePassword, recoveryCodes };
  }
}
