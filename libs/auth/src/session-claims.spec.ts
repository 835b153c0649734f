import { readClaims, tokenPayload } from './session-claims';
import type { AuthUser } from './roles';

const user: AuthUser = {
  id: '7c0e0f4e-3a53-4d0c-9d53-8c8f8e4f1a11',
  username: 'operator',
  displayName: '话务员',
  role: 'operator',
  departmentId: null,
  departmentCode: null,
  gridCodes: [],
};
const signed = { ...tokenPayload(user, 3), jti: 'a-token-id', exp: 1_900_000_000, iat: 1_899_990_000, iss: 'hotline365' };

describe('reading a verified token', () => {
  it('reads the user, the session id, the expiry and the version', () => {
    expect(readClaims(signed)).toEqual({
      user,
      jti: 'a-token-id',
      expiresAt: 1_900_000_000,
      version: 3,
      mustChangePassword: false,
      secondFactorDue: false,
      issuedAt: 1_899_990_000,
    });
  });

  it.each([
    ['no exp', 'exp'],
    ['no jti', 'jti'],
    ['no version', 'ver'],
    ['no user', 'sub'],
  ])('refuses a token with %s', (_what, claim) => {
    const { [claim as keyof typeof signed]: _dropped, ...rest } = signed;
    expect(() => readClaims(rest)).toThrow();
  });

  it('carries the must-change-password flag only when set', () => {
    expect(tokenPayload(user, 3)).not.toHaveProperty('pwc');
    expect(readClaims({ ...signed, ...tokenPayload(user, 3, true) }).mustChangePassword).toBe(true);
    expect(readClaims({ ...signed, ...tokenPayload(user, 3, false, true) }).secondFactorDue).toBe(true);
  });

  it('refuses an unknown role and a non-numeric expiry', () => {
    expect(() => readClaims({ ...signed, role: 'root' })).toThrow(/unknown role/);
    expect(() => readClaims({ ...signed, exp: '1900000000' })).toThrow(/expiry/);
  });
});
