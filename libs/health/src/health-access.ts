import { createHash, timingSafeEqual } from 'node:crypto';

/** Whether an Authorization header carries the configured HEALTH_TOKEN (compared in constant time). */
export function carriesHealthToken(authorization: unknown, healthToken: string | undefined): boolean {
  if (!healthToken || typeof authorization !== 'string' || !authorization.startsWith('Bearer ')) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(authorization.slice(7).trim()), digest(healthToken));
}
