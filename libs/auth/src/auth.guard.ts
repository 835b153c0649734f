import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessDenied, Unauthenticated } from '@hotline/errors';
import {
  BEFORE_PASSWORD_CHANGE,
  BEFORE_SECOND_FACTOR,
  CurrentSessionInfo,
  PUBLIC_ROUTE,
  REQUIRED_ROLES,
} from './auth.decorators';
import { AuthUser, Role } from './roles';
import { bearerToken, SessionVerifier } from './session-verifier';

/**
 * Global guard: every route needs a valid bearer token of a session that has not ended unless marked
 * @Public(), and a role listed by @Roles() when present. Department scope is enforced again in each
 * query, not only here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context
      .switchToHttp()
      .getRequest<{ headers?: { authorization?: string }; user?: AuthUser; session?: CurrentSessionInfo }>();
    const token = bearerToken(request.headers?.authorization);
    if (!token) throw new Unauthenticated();
    const claims = await this.sessions.verify(token);
    request.user = claims.user;
    request.session = { jti: claims.jti, expiresAt: claims.expiresAt };
    if (claims.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE, targets)) {
      throw new AccessDenied('Choose a new password first: POST /api/v1/auth/password {current, new}', 'PasswordChangeRequired');
    }
    if (claims.secondFactorDue && !this.reflector.getAllAndOverride<boolean>(BEFORE_SECOND_FACTOR, targets)) {
      throw new AccessDenied(
        'Your role requires a second factor: enrol one first (POST /api/v1/auth/second-factor/enrolment)',
        'SecondFactorRequired',
      );
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(claims.user.role)) {
      throw new AccessDenied(`The ${claims.user.role} role may not do this; allowed: ${roles.join(', ')}`, 'RoleNotAllowed');
    }
    return true;
  }
}
