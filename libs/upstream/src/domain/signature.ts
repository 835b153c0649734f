import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header names of the contract (both directions); Node lower-cases incoming names. */
export const UPSTREAM_TIMESTAMP_HEADER = 'X-Upstream-Timestamp';
export const UPSTREAM_SIGNATURE_HEADER = 'X-Upstream-Signature';

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`: the timestamp is signed with the body, so an old request cannot be replayed. */
export function signUpstream(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

/** The two headers of a signed request or report. */
export function upstreamSignatureHeaders(secret: string, rawBody: string, nowS: number): Record<string, string> {
  return {
    [UPSTREAM_TIMESTAMP_HEADER]: String(nowS),
    [UPSTREAM_SIGNATURE_HEADER]: signUpstream(secret, nowS, rawBody),
  };
}

export type SignatureProblem = 'missing' | 'malformedTimestamp' | 'stale' | 'mismatch';

/**
 * Why a request's signature is not acceptable, or null when it is. The timestamp is checked before the
 * HMAC (a stale request is refused as stale whatever its signature), and the comparison is constant-time.
 */
export function signatureProblem(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  rawBody: Buffer | string,
  nowS: number,
  maxSkewSeconds: number,
): SignatureProblem | null {
  if (!headers.timestamp || !headers.signature) return 'missing';
  if (!/^\d{1,12}$/.test(headers.timestamp)) return 'malformedTimestamp';
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowS - timestamp) > maxSkewSeconds) return 'stale';
  const expected = Buffer.from(signUpstream(secret, timestamp, rawBody));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? null : 'mismatch';
}
