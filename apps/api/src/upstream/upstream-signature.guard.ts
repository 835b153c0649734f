import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { NotFound, Unauthenticated } from '@hotline/errors';
import {
  isUpstreamPlatformCode,
  signatureProblem,
  UPSTREAM_SIGNATURE_HEADER,
  UPSTREAM_TIMESTAMP_HEADER,
  UpstreamPlatformSettings,
  type SignatureProblem,
} from '@hotline/upstream';
import type { WithRawBody } from '../http/request-edge';

const REFUSALS: Record<SignatureProblem, string> = {
  missing: `${UPSTREAM_TIMESTAMP_HEADER} and ${UPSTREAM_SIGNATURE_HEADER} are required`,
  malformedTimestamp: `${UPSTREAM_TIMESTAMP_HEADER} must be Unix time in seconds`,
  stale: `${UPSTREAM_TIMESTAMP_HEADER} is more than five minutes away from our clock`,
  mismatch: `${UPSTREAM_SIGNATURE_HEADER} does not match the body`,
};

/**
 * The platform's routes answer its signature only (no session): HMAC-SHA256 of "<timestamp>.<raw body>"
 * with the platform's secret, within five minutes of our clock. A guard runs before the body's
 * validation, so an unsigned request is refused (401) before anything about it is read or stored.
 */
@Injectable()
export class UpstreamSignatureGuard implements CanActivate {
  constructor(private readonly settings: UpstreamPlatformSettings) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<WithRawBody>();
    const code = String(req.params.platform ?? '');
    if (!isUpstreamPlatformCode(code)) throw new NotFound('UpstreamPlatform', code);
    const platform = this.settings.get(code);
    if (!platform.secret) throw new Unauthenticated(`the ${code} platform is not configured here`, 'UpstreamNotConfigured');
    const problem = signatureProblem(
      platform.secret,
      { timestamp: req.header(UPSTREAM_TIMESTAMP_HEADER), signature: req.header(UPSTREAM_SIGNATURE_HEADER) },
      req.rawBody ?? Buffer.alloc(0),
      Math.floor(Date.now() / 1000),
      platform.maxSkewSeconds,
    );
    if (problem) throw new Unauthenticated(REFUSALS[problem], 'UpstreamSignatureInvalid');
    return true;
  }
}
