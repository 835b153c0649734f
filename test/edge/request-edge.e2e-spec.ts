import { gzipSync } from 'node:zlib';
import {
  databaseFingerprint,
  heatingComplaint,
  rawRequest,
  RawResponse,
  startApi,
  RunningApi,
  useStack,
  type ErrorBody,
  type OpenApiDocument,
} from '@hotline/testing';

/** What /open311/v2/discovery.json says of its endpoints (the fields these tests read). */
interface Discovery {
  endpoints: { url: string }[];
}

const ERROR_BODY: Record<keyof ErrorBody, unknown> = {
  statusCode: expect.any(Number),
  error: expect.any(String),
  message: expect.any(String),
  details: expect.any(Array),
};

function expectRefused(response: RawResponse, status: number, error?: string): void {
  expect({ status: response.status, body: response.json }).toEqual({
    status,
    body: { ...ERROR_BODY, statusCode: status, ...(error ? { error } : {}) },
  });
}

/**
 * The one edge every request passes (apps/api/src/http/request-edge.ts): transport and shape problems
 * answered with their own 4xx before any handler, dates and numbers read by one parser each, and the
 * headers every answer carries.
 */
describe('the request edge', () => {
  // Open311's per-address limit is counted in the run's Redis, shared with every suite before this one
  // from the same address: this suite tests the edge, not that limit.
  const stack = useStack({ worker: false, overrides: { PUBLIC_RATE_PER_ADDRESS: '1000000' } });
  const send = (
    method: string,
    path: string,
    options: { token?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
  ) =>
    rawRequest(stack.api.url, {
      method,
      path,
      headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.headers ?? {}) },
      body: options.body,
    });
  const json = { 'content-type': 'application/json' };

  it('answers transport problems with 400, 413 and 415, on sign-in too, and writes nothing', async () => {
    const token = await stack.client.token('operator');
    const before = await databaseFingerprint(stack);
    const body = JSON.stringify(heatingComplaint());
    expectRefused(
      await send('POST', '/api/v1/cases', { token, headers: { 'content-type': 'application/json; charset=klingon' }, body }),
      415,
      'UnsupportedCharset',
    );
    expectRefused(
      await send('POST', '/api/v1/auth/login', { headers: { 'content-type': 'application/json; charset=klingon' }, body: '{}' }),
      415,
      'UnsupportedCharset',
    );
    expectRefused(
      await send('POST', '/api/v1/cases', { token, headers: { ...json, 'content-encoding': 'x-klingon' }, body }),
      415,
      'UnsupportedContentEncoding',
    );
    expectRefused(
      await send('POST', '/api/v1/cases', { token, headers: { 'content-type': 'text/plain' }, body }),
      415,
      'UnsupportedMediaType',
    );
    expectRefused(await send('POST', '/api/v1/cases', { token, body }), 415, 'UnsupportedMediaType');
    expectRefused(await send('POST', '/open311/v2/requests.json', { headers: json, body: '{}' }), 415, 'UnsupportedMediaType');
    expectRefused(
      await send('POST', '/api/v1/cases', { token, headers: { ...json, 'content-encoding': 'gzip' }, body: 'not gzip at all' }),
      400,
    );
    expectRefused(await send('POST', '/api/v1/cases', { token, headers: json, body: '{"kind":' }), 400, 'MalformedBody');
    expectRefused(
      await send('POST', '/api/v1/cases', { token, headers: json, body: `{"description":"${'长'.repeat(30_000)}"}` }),
      413,
      'PayloadTooLarge',
    );
    // Deep JSON overflowed the stack in validation: now refused before it, whatever the route.
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expectRefused(await send('POST', '/api/v1/auth/login', { headers: json, body: deep }), 400, 'MalformedBody');
    expectRefused(
      await send('POST', '/api/v1/cases', { token, headers: json, body: `{"title":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}` }),
      400,
      'MalformedBody',
    );
    expect(await databaseFingerprint(stack)).toBe(before);
    // A supported encoding still works.
    const gzipped = await send('POST', '/api/v1/cases', {
      token,
      headers: { ...json, 'content-encoding': 'gzip' },
      body: gzipSync(body),
    });
    expect(gzipped.status).toBe(201);
  });

  it('refuses NUL and other control characters in paths, queries, forms and bodies, and prototype names', async () => {
    const admin = await stack.client.token('admin');
    const operator = await stack.client.token('operator');
    const before = await databaseFingerprint(stack);
    expectRefused(await send('GET', '/open311/v2/tokens/%00.json'), 400, 'MalformedRequest');
    expectRefused(await send('GET', '/open311/v2/requests/%00.json'), 400, 'MalformedRequest');
    expectRefused(await send('GET', '/api/v1/enterprises/91210200%00', { token: admin }), 400, 'MalformedRequest');
    expectRefused(await send('DELETE', '/api/v1/sla/policies/a%00b', { token: admin }), 400, 'MalformedRequest');
    expectRefused(await send('DELETE', '/api/v1/departments/heating%1B/webhook', { token: admin }), 400, 'MalformedRequest');
    expectRefused(await send('GET', '/api/v1/public/cases/%E0%A4%A'), 400, 'MalformedRequest');
    expectRefused(await send('GET', '/api/v1/cases?text=a%00b', { token: operator }), 400, 'MalformedRequest');
    expectRefused(await send('GET', '/api/v1/knowledge?q=%07bell', { token: operator }), 400, 'MalformedRequest');
    expectRefused(
      await send('POST', '/api/v1/cases', {
        token: operator,
        headers: json,
        body: JSON.stringify(heatingComplaint({ title: 'a\u0000b' })),
      }),
      400,
      'MalformedBody',
    );
    const form = (extra: string) =>
      `api_key=demo-open311-key&service_code=heating.no-heat&lat=38.908793&long=121.602056&${extra}`;
    const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
    expectRefused(
      await send('POST', '/open311/v2/requests.json', { headers: formHeaders, body: form('description=a%00b') }),
      400,
      'MalformedBody',
    );
    expectRefused(
      await send('POST', '/open311/v2/requests.json', { headers: formHeaders, body: form('attribute%5Bconstructor%5D=1') }),
      400,
      'MalformedBody',
    );
    expectRefused(
      await send('POST', '/open311/v2/requests.json', { headers: formHeaders, body: form('attribute%5B__proto__%5D=1') }),
      400,
      'MalformedBody',
    );
    expectRefused(
      await send('POST', '/api/v1/cases', { token: operator, headers: json, body: '{"__proto__":{"role":"admin"}}' }),
      400,
      'MalformedBody',
    );
    expectRefused(await send('GET', '/api/v1/cases?constructor=1', { token: operator }), 400, 'MalformedRequest');
    expect(await databaseFingerprint(stack)).toBe(before);
  });

  it('reads every date parameter with one parser: the documented forms only, real dates only', async () => {
    const supervisor = await stack.client.token('supervisor');
    const routes = [
      (d: string) => `/api/v1/cases?from=${d}`,
      (d: string) => `/api/v1/cases?to=${d}`,
      (d: string) => `/api/v1/stats/rates?groupBy=kind&from=${d}`,
      (d: string) => `/api/v1/stats/trends?to=${d}`,
      (d: string) => `/api/v1/returns/by-department?from=${d}`,
      (d: string) => `/api/v1/calendar/deadline?amount=1&unit=workingDays&start=${d}`,
    ];
    for (const bad of [
      '20261129',
      '2026-W48',
      '2026-333',
      '2026-02-30',
      '2026-11-29T10:00:00',
      '2026-11-29T25:00Z',
      '9999-01-01',
    ]) {
      for (const route of routes) {
        const r = await send('GET', route(encodeURIComponent(bad)), { token: supervisor });
        expect([route(bad), r.status]).toEqual([route(bad), 400]);
        expect((r.json as ErrorBody).details[0].reason).toMatch(/YYYY-MM-DD/);
      }
      const open311 = await send('GET', `/open311/v2/requests.json?start_date=${encodeURIComponent(bad)}`);
      expect([bad, open311.status]).toEqual([bad, 400]);
    }
    for (const good of ['2026-11-01', '2026-11-01T00:00Z', '2026-11-01T08:30:00.5%2B08:00']) {
      for (const route of routes)
        expect([route(good), (await send('GET', route(good), { token: supervisor })).status]).toEqual([route(good), 200]);
    }
    // A calendar day is the district's midnight: the deadline preview shows it in the district's offset.
    const preview = await send('GET', '/api/v1/calendar/deadline?amount=0&unit=workingHours&start=2026-12-01', {
      token: supervisor,
    });
    expect(preview.status).toBe(200);
  });

  it('reads every number parameter with one parser, with bounds', async () => {
    const operator = await stack.client.token('operator');
    const supervisor = await stack.client.token('supervisor');
    for (const [path, token] of [
      ['/api/v1/callers/13812345678/cases?page=1e18', operator],
      ['/api/v1/callers/13812345678/cases?page=100001', operator],
      ['/api/v1/callers/13812345678/cases?pageSize=0x10', operator],
      ['/api/v1/cases?page=Infinity', operator],
      ['/api/v1/cases?pageSize=101', operator],
      ['/api/v1/extension-requests?limit=1.5', supervisor],
      ['/api/v1/stats/hotspots?limit=-1', supervisor],
      ['/api/v1/calendar/deadline?start=2026-11-01&unit=workingDays&amount=1e3', supervisor],
      ['/open311/v2/requests.json?page=1e18', ''],
    ] as const) {
      const r = await send('GET', path, { token: token || undefined });
      expect([path, r.status]).toEqual([path, 400]);
    }
    expect((await send('GET', '/api/v1/callers/13812345678/cases?page=100000&pageSize=100', { token: operator })).status).toBe(
      200,
    );
  });

  it('sends the security headers, and no-store on every API answer', async () => {
    for (const path of ['/api/v1/departments', '/open311/v2/services.json', '/health/live', '/api/v1/nothing-here']) {
      const r = await send('GET', path);
      expect([path, r.headers['cache-control']]).toEqual([path, 'no-store']);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(r.headers['strict-transport-security']).toBeUndefined(); // PUBLIC_BASE_URL is http here
    }
  });

  it('names Open311 endpoints from PUBLIC_BASE_URL, never from the Host header', async () => {
    const r = await send('GET', '/open311/v2/discovery.json', { headers: { host: 'evil.example' } });
    expect(r.status).toBe(200);
    expect(r.text).not.toContain('evil.example');
    expect((r.json as Discovery).endpoints[0].url).toBe('http://localhost:3000/open311/v2');
  });
});

describe('behind TLS, in production', () => {
  let api: RunningApi;
  const secrets = {
    NODE_ENV: 'production',
    JWT_SECRET: 'edge-test-secret-edge-test-secret-0123456789',
    PII_KEY: 'ab'.repeat(32),
    PII_HASH_KEY: 'cd'.repeat(32),
    PUBLIC_BASE_URL: 'https://hotline.example.gov.cn/',
    PUBLIC_RATE_PER_ADDRESS: '1000000',
    // Production requires admins to sign in with a second factor (test/admin/second-factor); this suite is
    // about the edge, so its admin signs in with the password alone.
    SECOND_FACTOR_REQUIRED_ROLES: 'none',
  };
  beforeAll(async () => {
    api = await startApi({ overrides: secrets });
  });
  afterAll(async () => api?.close());

  it('sends HSTS and names Open311 endpoints by the configured https URL', async () => {
    const r = await rawRequest<Discovery>(api.url, {
      method: 'GET',
      path: '/open311/v2/discovery.json',
      headers: { host: 'evil.example' },
    });
    expect(r.headers['strict-transport-security']).toBe('max-age=15552000; includeSubDomains');
    expect(r.json.endpoints[0].url).toBe('https://hotline.example.gov.cn/open311/v2');
  });

  it('shows /api/docs to signed-in admins only', async () => {
    const signIn = async (username: string) =>
      (
        await rawRequest<{ accessToken: string }>(api.url, {
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'hotline365' }),
        })
      ).json.accessToken;
    for (const path of ['/api/docs', '/api/docs/', '/api/docs-json']) {
      expectRefused(await rawRequest(api.url, { method: 'GET', path }), 401);
      expectRefused(
        await rawRequest(api.url, { method: 'GET', path, headers: { authorization: `Bearer ${await signIn('supervisor')}` } }),
        403,
      );
    }
    const admin = await signIn('admin');
    const json = await rawRequest<OpenApiDocument>(api.url, {
      method: 'GET',
      path: '/api/docs-json',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(json.status).toBe(200);
    expect(json.json.paths['/api/v1/cases']).toBeDefined();
    expect(json.headers['cache-control']).toBe('no-store');
  });
});
