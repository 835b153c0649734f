import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { PUBLIC_ROUTE } from '@hotline/auth';

/**
 * Rate limits for the routes anyone can reach (sign-in, health, public case status): per client
 * address, the module's default or the route's @Throttle(). Signed-in staff are not limited: during a
 * surge every operator logs calls at once, often from one address behind the centre's proxy, and a
 * per-address limit would refuse real calls. Their tokens are the control there.
 */
@Injectable()
export class PublicRoutesThrottlerGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    return Promise.resolve(!isPublic);
  }
}
