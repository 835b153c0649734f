import { Body, Controller, Get, Headers, HttpCode, Ip, Post, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Actor, type AuditActor } from '@hotline/audit';
import {
  AllowedBeforePasswordChange,
  AllowedBeforeSecondFactor,
  AuthUser,
  CurrentSession,
  CurrentSessionInfo,
  CurrentUser,
  Public,
} from '@hotline/auth';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from '../users/users.dto';
import { LoginDto } from './login.dto';
import { SecondFactorChallengeDto, SecondFactorLoginDto } from './second-factor.dto';
import { AuthUserDto, SignedInDto } from './signed-in.dto';

/** Marks the sign-in route for the `signIn` throttler (see sign-in-throttler.ts). */
export const SIGN_IN_ROUTE = 'hotline:sign-in';

@ApiTags('auth')
@ApiExtraModels(SignedInDto, SecondFactorChallengeDto)
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /**
   * Sign-in: `{username, password}` → `{accessToken}` (a bearer token). Limited per client address
   * (SIGN_IN_PER_ADDRESS_PER_MINUTE); repeated failures lock the account for that address only. A user
   * with a second factor gets `{secondFactorRequired, challengeToken}` instead, for the second step.
   */
  @Public()
  @SetMetadata(SIGN_IN_ROUTE, true)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(SignedInDto) }, { $ref: getSchemaPath(SecondFactorChallengeDto) }] } })
  async login(
    @Body() body: LoginDto,
    @Ip() address: string,
    @Headers('user-agent') userAgent?: string,
  ): Promise<SignedInDto | SecondFactorChallengeDto> {
    const answer = await this.auth.login(body.username, body.password, address, userAgent);
    if ('secondFactorRequired' in answer) return answer;
    const { accessToken, user, mustChangePassword } = answer;
    return { accessToken, tokenType: 'Bearer', user, mustChangePassword };
  }

  /**
   * The second step of a sign-in with a second factor: the challenge and the app's code, or a recovery
   * code (each works once). Wrong answers count towards the same lock as wrong passwords.
   */
  @Public()
  @SetMetadata(SIGN_IN_ROUTE, true)
  @Post('login/second-factor')
  @HttpCode(200)
  @ApiOkResponse({ type: SignedInDto })
  async secondStep(
    @Body() body: SecondFactorLoginDto,
    @Ip() address: string,
    @Headers('user-agent') userAgent?: string,
  ): Promise<SignedInDto> {
    const answer = body.code !== undefined ? { code: body.code } : { recoveryCode: body.recoveryCode };
    const { accessToken, user, mustChangePassword } = await this.auth.completeSignIn(
      body.challengeToken,
      answer,
      address,
      userAgent,
    );
    return { accessToken, tokenType: 'Bearer', user, mustChangePassword };
  }

  /**
   * The signed-in user's own password change `{current, new}` → a new token (every earlier session of
   * the user ends). The one route, with who-am-I and sign-out, open while a new password is due.
   */
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @AllowedBeforeSecondFactor()
  @Post('password')
  @HttpCode(200)
  @ApiOkResponse({ type: SignedInDto })
  async changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentUser() user: AuthUser,
    @Actor() actor: AuditActor,
  ): Promise<SignedInDto> {
    const { accessToken, user: fresh, mustChangePassword } = await this.auth.changePassword(user, body.current, body.new, actor);
    return { accessToken, tokenType: 'Bearer', user: fresh, mustChangePassword };
  }

  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @AllowedBeforeSecondFactor()
  @Get('me')
  @ApiOkResponse({ type: AuthUserDto })
  me(@CurrentUser() user: AuthUser) {
    return user;
  }

  /** Ends this token on every API process; other sessions of the user go on. */
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @AllowedBeforeSecondFactor()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser, @CurrentSession() session: CurrentSessionInfo): Promise<void> {
    await this.auth.logout(user, session);
  }

  /** Ends every session of the user (raises the token version). */
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @AllowedBeforeSecondFactor()
  @Post('logout-all')
  @HttpCode(204)
  async logoutAll(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logoutAll(user);
  }
}
