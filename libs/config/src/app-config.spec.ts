import {
  ConfigInvalid,
  DEMO_METRICS_TOKEN,
  demoEnvironment,
  DEVELOPMENT_SECRETS,
  loadConfig,
  trustProxySetting,
} from './app-config';

const REAL = {
  JWT_SECRET: 'f'.repeat(64),
  PII_KEY: '1'.repeat(64),
  PII_HASH_KEY: '2'.repeat(64),
  METRICS_TOKEN: '3'.repeat(32),
};

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigInvalid) return error.problems;
    throw error;
  }
}

describe('secrets at start-up', () => {
  it('defaults NODE_ENV to production and refuses to start without secrets, saying how to make them', () => {
    const found = problems({});
    expect(found).toHaveLength(4);
    expect(found[0]).toMatch(
      /^JWT_SECRET: must be set \(NODE_ENV is production, the default\); make one with: openssl rand -hex 32$/,
    );
    expect(found.join('\n')).toContain('PII_KEY: must be set');
    expect(found.join('\n')).toContain('PII_HASH_KEY: must be set');
    expect(found[3]).toBe(
      'METRICS_TOKEN: must be set (NODE_ENV is production, the default); make one with: openssl rand -hex 32',
    );
  });

  it.each(['production', 'test'])('refuses the public development values with NODE_ENV=%s', (NODE_ENV) => {
    expect(problems({ NODE_ENV, ...DEVELOPMENT_SECRETS, METRICS_TOKEN: REAL.METRICS_TOKEN })).toEqual([
      expect.stringMatching(/^JWT_SECRET: is the public development value/),
      expect.stringMatching(/^PII_KEY: is the public development value/),
      expect.stringMatching(/^PII_HASH_KEY: is the public development value/),
    ]);
    expect(problems({ NODE_ENV, ...REAL, JWT_SECRET: 'change-me-to-a-long-random-secret-of-32-chars' })).toEqual([
      expect.stringMatching(/^JWT_SECRET: is the public development value/),
    ]);
  });

  it('accepts the development values only with NODE_ENV=development set explicitly', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(config.JWT_SECRET).toBe(DEVELOPMENT_SECRETS.JWT_SECRET);
    expect(config.isProduction).toBe(false);
  });

  it('starts with real secrets in production and test', () => {
    expect(loadConfig({ ...REAL }).NODE_ENV).toBe('production');
    expect(loadConfig({ NODE_ENV: 'test', ...REAL }).JWT_SECRET).toBe(REAL.JWT_SECRET);
  });

  it('treats a devstack command with no settings as the demo, and anything set as a deployment', () => {
    expect(demoEnvironment({ PATH: '/bin' })).toEqual({ env: { PATH: '/bin', NODE_ENV: 'development' }, demo: true });
    expect(demoEnvironment({ JWT_SECRET: REAL.JWT_SECRET })).toEqual({ env: { JWT_SECRET: REAL.JWT_SECRET }, demo: false });
    expect(demoEnvironment({ NODE_ENV: 'production' }).demo).toBe(false);
  });
});

describe('the metrics token', () => {
  it('is the public demo token outside production (development and test), unless one is set', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).METRICS_TOKEN).toBe(DEMO_METRICS_TOKEN);
    const { METRICS_TOKEN: _unset, ...secrets } = REAL;
    expect(loadConfig({ NODE_ENV: 'test', ...secrets }).METRICS_TOKEN).toBe('demo-metrics-token');
    expect(loadConfig({ NODE_ENV: 'test', ...REAL }).METRICS_TOKEN).toBe(REAL.METRICS_TOKEN);
  });

  it('must be set in production, and not to the demo value or a short one, like the secrets', () => {
    const { METRICS_TOKEN: _unset, ...secrets } = REAL;
    expect(problems({ NODE_ENV: 'production', ...secrets })).toEqual([
      'METRICS_TOKEN: must be set (NODE_ENV is production); make one with: openssl rand -hex 32',
    ]);
    expect(problems({ ...secrets, METRICS_TOKEN: DEMO_METRICS_TOKEN })).toEqual([
      expect.stringMatching(/^METRICS_TOKEN: is the public demo value, refused in production/),
    ]);
    expect(problems({ ...secrets, METRICS_TOKEN: 'x'.repeat(20) })).toEqual([
      expect.stringMatching(/^METRICS_TOKEN: must be at least 24 characters in production/),
    ]);
    expect(problems({ NODE_ENV: 'development', METRICS_TOKEN: 'has a space in it' })).toEqual([
      expect.stringMatching(/^METRICS_TOKEN: /),
    ]);
  });
});

describe('sign-in limits and proxies', () => {
  it('lets a call centre shift change through by default: at least 30 sign-ins a minute per address', () => {
    expect(loadConfig({ ...REAL }).SIGN_IN_PER_ADDRESS_PER_MINUTE).toBeGreaterThanOrEqual(30);
  });

  it.each([
    ['false', false],
    ['1', 1],
    ['loopback', 'loopback'],
    ['10.0.0.0/8, 192.168.1.7,fd00::/8', '10.0.0.0/8, 192.168.1.7,fd00::/8'],
  ])('reads TRUST_PROXY=%s', (value, setting) => {
    expect(trustProxySetting(loadConfig({ ...REAL, TRUST_PROXY: value }).TRUST_PROXY)).toEqual(setting);
  });

  it.each(['true', 'everyone', '10.0.0.0/8;rm'])('refuses TRUST_PROXY=%s', (value) => {
    expect(problems({ ...REAL, TRUST_PROXY: value })).toEqual([expect.stringMatching(/^TRUST_PROXY: /)]);
  });
});
