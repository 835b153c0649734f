import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AccessDenied, Unauthenticated } from '@hotline/errors';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { AuthUser, Role, ROLES } from './roles';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(), and a role listed by
 * @Roles() when present. Department scope is enforced again in each query, not only here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<{ headers?: { authorization?: string }; user?: AuthUser }>();
    const header = request.headers?.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new Unauthenticated();
    let user: AuthUser;
    try {
      const claims = await this.jwt.verifyAsync<AuthUser & { sub: string }>(token);
      user = {
        id: claims.sub,
        username: claims.username,
        displayName: claims.displayName,
        role: claims.role,
        departmentId: claims.departmentId ?? null,
        departmentCode: claims.departmentCode ?? null,
        gridCodes: claims.gridCodes ?? [],
      };
    } catch {
      throw new Unauthenticated('The bearer token is invalid or has expired', 'TokenInvalid');
    }
    if (!ROLES.includes(user.role)) throw new Unauthenticated('The token carries an unknown role', 'TokenInvalid');
    request.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw new AccessDenied(`The ${user.role} role may not do this; allowed: ${roles.join(', ')}`, 'RoleNotAllowed');
    }
    return true;
  }
}
