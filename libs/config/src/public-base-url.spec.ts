import { ConfigInvalid, loadConfig } from './app-config';

describe('PUBLIC_BASE_URL', () => {
  // A development start, so that the only problem a case can have is the one it is about.
  const env = (vars: Record<string, string> = {}) => ({ NODE_ENV: 'development', ...vars });

  it('defaults to the local address and drops a trailing slash', () => {
    expect(loadConfig(env()).PUBLIC_BASE_URL).toBe('http://localhost:3000');
    expect(loadConfig(env({ PUBLIC_BASE_URL: 'https://hotline.dlxg.gov.cn/' })).PUBLIC_BASE_URL).toBe(
      'https://hotline.dlxg.gov.cn',
    );
    expect(loadConfig(env({ PUBLIC_BASE_URL: 'https://gw.example.cn:8443/hotline' })).PUBLIC_BASE_URL).toBe(
      'https://gw.example.cn:8443/hotline',
    );
  });

  it.each([
    'hotline.dlxg.gov.cn',
    'ftp://x.cn',
    'javascript:alert(1)',
    'https://x.cn/?a=1',
    'https://x.cn/#top',
    'https://x .cn',
    'https://',
  ])('refuses %j at boot', (value) => {
    expect(() => loadConfig(env({ PUBLIC_BASE_URL: value }))).toThrow(ConfigInvalid);
    expect(() => loadConfig(env({ PUBLIC_BASE_URL: value }))).toThrow(/PUBLIC_BASE_URL/);
  });
});
