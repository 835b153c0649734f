import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthUser, Role } from './roles';

export const PUBLIC_ROUTE = 'hotline:public';
export const REQUIRED_ROLES = 'hotline:roles';
export const BEFORE_PASSWORD_CHANGE = 'hotline:before-password-change';
export const BEFORE_SECOND_FACTOR = 'hotline:before-second-factor';

/** The route needs no token (sign-in, health, public case status). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The route stays open to a user who must change their password first (the change itself, who am I,
 * sign-out); every other route answers 403 PasswordChangeRequired until they have.
 */
export const AllowedBeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE, true);

/**
 * The route stays open to a user whose role requires a second factor they have not enrolled yet (the
 * enrolment, who am I, sign-out, the password change); every other route answers 403
 * SecondFactorRequired until they have.
 */
export const AllowedBeforeSecondFactor = () => SetMetadata(BEFORE_SECOND_FACTOR, true);

/** Only these roles may call the route; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The signed-in user, as the guard verified it. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

/** Which session the request's token belongs to (for logout): set by the guard beside the user. */
export interface CurrentSessionInfo {
  jti: string;
  expiresAt: number;
}

export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): CurrentSessionInfo => {
  return context.switchToHttp().getRequest<{ session: CurrentSessionInfo }>().session;
});
