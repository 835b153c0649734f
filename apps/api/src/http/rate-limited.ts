import { ThrottlerException } from '@nestjs/throttler';

/**
 * 429 from one of our own counters, carrying when the client may try again; both error filters send it
 * as `Retry-After`, so a well-behaved client (or the citizen's browser page) knows how long to wait.
 */
export class RateLimited extends ThrottlerException {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests; retry in ${retryAfterSeconds} s`);
  }
}
