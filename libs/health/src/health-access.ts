import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an Authorization header is `Bearer <expected>` (compared in constant time): monitoring's
 * tokens, HEALTH_TOKEN for the health details and METRICS_TOKEN for /metrics.
 */
export function carriesBearerToken(authorization: unknown, expected: string | undefined): boolean {
  if (!expected || typeof authorization !== 'string' || !authorization.startsWith('Bearer ')) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(authorization.slice(7).trim()), digest(expected));
}

/** Whether an Authorization header carries the configured HEALTH_TOKEN. */
export function carriesHealthToken(authorization: unknown, healthToken: string | undefined): boolean {
  return carriesBearerToken(authorization, healthToken);
}
