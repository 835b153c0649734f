import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Callers' names and phone numbers are personal data: stored encrypted (AES-256-GCM, random IV per
 * value), looked up through a keyed hash (HMAC-SHA256) so equality search works without decrypting,
 * and masked for roles that do not need them.
 */
export class PersonalDataCipher {
  private readonly key: Buffer;
  private readonly hashKey: Buffer;

  constructor(keyHex: string, hashKeyHex: string) {
    this.key = Buffer.from(keyHex, 'hex');
    this.hashKey = Buffer.from(hashKeyHex, 'hex');
    if (this.key.length !== 32 || this.hashKey.length !== 32) throw new Error('personal-data keys must be 32 bytes');
  }

  /** Returns `v1:<iv>:<tag>:<ciphertext>` in base64 parts; the version allows key rotation later. */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, data] = sealed.split(':');
    if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('unrecognised sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }

  /** Stable keyed hash of a normalised phone number, for "all cases of this caller". */
  phoneHash(phone: string): string {
    return createHmac('sha256', this.hashKey).update(normalizePhone(phone)).digest('hex');
  }
}

/** Mobile numbers (11 digits from 13x–19x), district landlines with area code, or 7–8 digit local numbers. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{7,8})$/;

/** Strips spaces, dashes and a +86/0086 prefix so that the same phone always hashes the same. */
export function normalizePhone(phone: string): string {
  const compact = phone.replace(/[\s-]/g, '');
  return compact.replace(/^(\+86|0086)(?=1\d{10}$)/, '');
}

/** `13812345678` → `138****5678`; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = normalizePhone(phone);
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/** `张三丰` → `张**`; keeps the family name, which is what a department needs to address the caller. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}
