import { sign, verify } from 'jsonwebtoken';
import { TOKEN_ALGORITHM } from './session-claims';
import { tokenKey } from './token-key';

describe('the token key built once', () => {
  const secret = 'a-test-secret-of-at-least-thirty-two-characters-ü';
  const payload = { sub: 'user', ver: 1 };

  it('is the same key as the secret string: tokens signed either way verify either way', () => {
    const key = tokenKey(secret);
    const byString = sign(payload, secret, { algorithm: TOKEN_ALGORITHM });
    const byKey = sign(payload, key, { algorithm: TOKEN_ALGORITHM });
    expect(byKey).toBe(byString);
    expect(verify(byString, key, { algorithms: [TOKEN_ALGORITHM] })).toMatchObject(payload);
    expect(verify(byKey, secret, { algorithms: [TOKEN_ALGORITHM] })).toMatchObject(payload);
  });

  it('refuses a token signed with another secret or another algorithm', () => {
    const key = tokenKey(secret);
    expect(() =>
      verify(sign(payload, `${secret}x`, { algorithm: TOKEN_ALGORITHM }), key, { algorithms: [TOKEN_ALGORITHM] }),
    ).toThrow();
    expect(() => verify(sign(payload, secret, { algorithm: 'HS512' }), key, { algorithms: [TOKEN_ALGORITHM] })).toThrow();
  });
});
