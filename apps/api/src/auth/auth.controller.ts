import { Body, Controller, Get, Headers, HttpCode, Ip, Post, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, type AuditActor } from '@hotline/audit';
import { AllowedBeforePasswordChange, AuthUser, CurrentSession, CurrentSessionInfo, CurrentUser, Public } from '@hotline/auth';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from '../users/users.dto';
import { LoginDto } from './login.dto';
import { AuthUserDto, SignedInDto } from './signed-in.dto';

/** Marks the sign-in route for the `signIn` throttler (see sign-in-throttler.ts). */
export const SIGN_IN_ROUTE = 'hotline:sign-in';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /**
   * Sign-in: `{username, password}` → `{accessToken}` (a bearer token). Limited per client address
   * (SIGN_IN_PER_ADDRESS_PER_MINUTE); repeated failures lock the account for that address only.
   */
  @Public()
  @SetMetadata(SIGN_IN_ROUTE, true)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: SignedInDto })
  async login(@Body() body: LoginDto, @Ip() address: string, @Headers('user-agent') userAgent?: string): Promise<SignedInDto> {
    const { accessToken, user, mustChangePassword } = await this.auth.login(body.username, body.password, address, userAgent);
    return { accessToken, tokenType: 'Bearer', user, mustChangePassword };
  }

  /**
   * The signed-in user's own password change `{current, new}` → a new token (every earlier session of
   * the user ends). The one route, with who-am-I and sign-out, open while a new password is due.
   */
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
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
  @Get('me')
  @ApiOkResponse({ type: AuthUserDto })
  me(@CurrentUser() user: AuthUser) {
    return user;
  }

  /** Ends this token on every API process; other sessions of the user go on. */
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser, @CurrentSession() session: CurrentSessionInfo): Promise<void> {
    await this.auth.logout(user, session);
  }

  /** Ends every session of the user (raises the token version). */
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Post('logout-all')
  @HttpCode(204)
  async logoutAll(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logoutAll(user);
  }
}
