import { maskName, maskPhone, normalizePhone, PersonalDataCipher, PHONE_PATTERN } from './personal-data';

const KEY = 'a'.repeat(64);
const HASH_KEY = 'b'.repeat(64);

describe('personal data', () => {
  const cipher = new PersonalDataCipher(KEY, HASH_KEY);

  it('round-trips a value and never stores it in clear', () => {
    const sealed = cipher.encrypt('13812345678');
    expect(sealed).not.toContain('13812345678');
    expect(cipher.decrypt(sealed)).toBe('13812345678');
  });

  it('uses a fresh IV so equal values encrypt differently', () => {
    expect(cipher.encrypt('张三')).not.toBe(cipher.encrypt('张三'));
  });

  it('rejects a tampered value', () => {
    const sealed = cipher.encrypt('13812345678');
    const parts = sealed.split(':');
    parts[3] = Buffer.from('13912345678').toString('base64');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
  });

  it('hashes the same phone the same way whatever its formatting, and differently under another key', () => {
    expect(cipher.phoneHash('+86 138-1234-5678')).toBe(cipher.phoneHash('13812345678'));
    expect(new PersonalDataCipher(KEY, 'c'.repeat(64)).phoneHash('13812345678')).not.toBe(cipher.phoneHash('13812345678'));
  });

  it('masks phones and names', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('83658365')).toBe('******65');
    expect(maskName('张三丰')).toBe('张**');
    expect(normalizePhone('0086 13812345678')).toBe('13812345678');
  });

  it.each([
    ['13812345678', true],
    ['0411-83658365', true],
    ['83658365', true],
    ['12812345678', false],
    ['1381234567', false],
    ['phone', false],
  ])('accepts only plausible phone numbers: %s → %s', (phone, ok) => {
    expect(PHONE_PATTERN.test(phone)).toBe(ok);
  });
});
