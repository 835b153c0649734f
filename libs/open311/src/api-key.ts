import { createHash, randomBytes } from 'node:crypto';

/**
 * API keys are random (32 bytes, base64url) and stored only as their SHA-256: a key has far more
 * entropy than a password, so a fast hash cannot be brute-forced, and lookup is one indexed equality.
 * The first characters are kept in clear so an admin can tell keys apart.
 */
export function generateApiKey(): string {
  return `o311_${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function apiKeyPrefix(key: string): string {
  return key.slice(0, 8);
}
