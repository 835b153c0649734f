import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Role } from './roles';

/**
 * The second factor: TOTP (RFC 6238, SHA-1, 6 digits, 30 s, what every authenticator app reads from an
 * otpauth:// URI) by the otpauth library, and one-time recovery codes. No I/O here: the API's service stores the
 * sealed secret, the last accepted step and the codes' hashes.
 */
export const TOTP_ISSUER = 'Hotline365';
const PERIOD_SECONDS = 30;
/** One step either side: a phone clock 30 s off, or a code typed as it turned, still passes. */
const WINDOW_STEPS = 1;

function totp(secret: string, label = 'user'): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

export const RECOVERY_CODE_COUNT = 10;

/** A new random secret (Base32, 160 bits) and the otpauth:// URI an app scans as a QR code. */
export function newTotpSecret(username: string): { secret: string; otpauthUri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, otpauthUri: totp(secret, username).toString() };
}

/** The code for a secret at a time (tests use it as an authenticator app would). */
export function totpCode(secret: string, epochSeconds = Math.floor(Date.now() / 1000)): string {
  return totp(secret).generate({ timestamp: epochSeconds * 1000 });
}

/**
 * The time step of a code if it is right now (within one step either way) and later than `afterStep`
 * (each code is good once), else null.
 */
export function acceptedTotpStep(secret: string, code: string, afterStep: number | null, nowMs = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret).validate({ token: code, timestamp: nowMs, window: WINDOW_STEPS });
  if (delta === null) return null;
  const step = TOTP.counter({ period: PERIOD_SECONDS, timestamp: nowMs }) + delta;
  return afterStep === null || step > afterStep ? step : null;
}

/** Ten codes like `k7qm-2x9d-ab` (about 49 random bits each), to be shown once; the database keeps their hashes. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** The stored form of a recovery code: SHA-256 of the code without dashes, spaces or case. */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex');
}

/**
 * Whether the user must enrol a second factor before anything else: their role is one that requires it
 * (SECOND_FACTOR_REQUIRED_ROLES) and they have none yet.
 */
export function secondFactorDue(role: Role, enrolled: boolean, requiredRoles: readonly Role[]): boolean {
  return !enrolled && requiredRoles.includes(role);
}
