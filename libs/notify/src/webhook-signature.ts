import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header names a department's endpoint reads. */
export const SIGNATURE_HEADER = 'x-hotline365-signature';
export const TIMESTAMP_HEADER = 'x-hotline365-timestamp';
export const DELIVERY_HEADER = 'x-hotline365-delivery';

/**
 * `sha256=<hex HMAC of "<timestamp>.<body>">`, the scheme Stripe and GitHub use: signing the timestamp
 * with the body lets a receiver refuse replays of an old delivery, and the raw body (not re-serialised
 * JSON) is what both sides hash.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers (and tests): constant-time check of a signature, refusing timestamps older than `toleranceS`. */
export function verifyWebhook(
  secret: string,
  timestamp: number,
  body: string,
  signature: string,
  nowS = Math.floor(Date.now() / 1000),
  toleranceS = 300,
): boolean {
  if (!Number.isFinite(timestamp) || Math.abs(nowS - timestamp) > toleranceS) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
