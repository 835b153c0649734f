import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerOptions } from '@nestjs/throttler';
import type { AppConfig } from '@hotline/config';
import { SIGN_IN_ROUTE } from './auth.controller';

/**
 * Sign-ins a minute from one client address (after `trust proxy`, the real client behind a trusted
 * proxy). Set for a call centre whose operators all sign in at the shift change from one NAT address.
 */
export function signInThrottler(config: AppConfig): ThrottlerOptions {
  return {
    name: 'signIn',
    ttl: 60_000,
    limit: config.SIGN_IN_PER_ADDRESS_PER_MINUTE,
    skipIf: (context: ExecutionContext) => Reflect.getMetadata(SIGN_IN_ROUTE, context.getHandler()) !== true,
  };
}
