import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import type { ApiOperation, OpenApiDocument } from './api-operations';
import { bodyArbitrary } from './openapi-arbitraries';
import type { RawRequest } from './raw-http';

/**
 * Requests a hostile or careless client sends, generated for every route the router serves: broken
 * transport (charsets, encodings, media types, nesting, sizes), bodies fuzzed from the OpenAPI
 * schemas, every query parameter with wrong types, bounds, impossible dates and control characters,
 * and every path parameter with the same. Deterministic for a seed, so a failure can be replayed.
 */

export interface HostileRequest extends Omit<RawRequest, 'localAddress'> {
  /** What the request tries, for the failure report. */
  label: string;
}

/** The query parameters of routes left out of the OpenAPI document (Open311's), by path. */
const UNDOCUMENTED_QUERY: Record<string, string[]> = {
  '/open311/v2/requests.json': [
    'start_date',
    'end_date',
    'page',
    'page_size',
    'status',
    'service_request_id',
    'service_code',
    'jurisdiction_id',
    'api_key',
  ],
  '/open311/v2/requests.xml': [
    'start_date',
    'end_date',
    'page',
    'page_size',
    'status',
    'service_request_id',
    'service_code',
    'jurisdiction_id',
  ],
  '/open311/v2/services.json': ['jurisdiction_id'],
  '/open311/v2/tokens/{file}': ['jurisdiction_id'],
  '/open311/v2/requests/{file}': ['jurisdiction_id'],
};

/** Names every route is probed with, whatever it documents (shared out over the senders like the values). */
const EXTRA_QUERY = ['from', 'page', '__proto__'];

/** Values for a query parameter: wrong types, out of bounds, impossible dates, control characters. */
export const HOSTILE_QUERY_VALUES = [
  // types
  'abc',
  'true',
  '[]',
  '{}',
  'null',
  '',
  '%20',
  '-',
  '%E2%80%AE',
  // numbers and bounds
  '-1',
  '0',
  '1e18',
  '1e-7',
  '99999999999999999999999',
  '1.5',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '%2B1',
  '1%2C2',
  // dates that are no dates
  '20261129',
  '2026-W48',
  '2026-333',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31T23%3A59%3A59Z',
  '2026-11-29T10%3A00%3A00',
  '2026-11-29T25%3A00Z',
  '2026-11-29T10%3A00%2B99%3A00',
  '%2B275760-09-13',
  '1970-01-01T00%3A00%3A00Z',
  // control characters and encodings
  '%00',
  'a%00b',
  '%1B%5B31m',
  '%0D%0ASet-Cookie%3A%20x',
  '%7F',
  '%E0%A4%A',
  '%FF',
  '%C0%AE%C0%AE',
  // length and injection
  'x'.repeat(5000),
  '%27%3B%20DROP%20TABLE%20cases%3B--',
  '..%2F..%2Fetc%2Fpasswd',
  '__proto__',
  'constructor',
];

/** Values for a path parameter. */
export const HOSTILE_PATH_VALUES = [
  '%00',
  'a%00b',
  '%00.json',
  '%1F',
  '%E0%A4%A',
  '%',
  '%%',
  '%FF.json',
  '..',
  '..%2F..%2F',
  '%2E%2E',
  'x'.repeat(3000),
  '%20',
  '-1',
  '1e18',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-4fff-bfff-ffffffffffff',
  'not-a-uuid',
  '__proto__',
  'constructor',
  'toString',
  '%27%20OR%201%3D1--',
  '%3Cscript%3E',
  '2026-02-30',
  '20261129',
  'XG99999999999999',
  '%E4%B8%AD%E6%96%87',
  'a.json.xml',
  '.json',
];

const JSON_TYPE = { 'content-type': 'application/json' };

/** Bodies and headers that break the transport, whatever the route. */
function transportCases(forms: boolean): { label: string; headers: Record<string, string>; body: string | Buffer }[] {
  const ok = forms ? 'service_code=x' : '{}';
  const type = forms ? 'application/x-www-form-urlencoded' : 'application/json';
  const deepArray = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  const deepObject = `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`;
  return [
    { label: 'charset klingon', headers: { 'content-type': `${type}; charset=klingon` }, body: ok },
    { label: 'charset utf-7', headers: { 'content-type': `${type}; charset=utf-7` }, body: ok },
    { label: 'charset utf-16 with utf-8 bytes', headers: { 'content-type': `${type}; charset=utf-16` }, body: ok },
    { label: 'charset latin1 on JSON', headers: { 'content-type': `${type}; charset=iso-8859-1` }, body: ok },
    { label: 'charset empty', headers: { 'content-type': `${type}; charset=` }, body: ok },
    { label: 'content-encoding unknown', headers: { 'content-type': type, 'content-encoding': 'x-klingon' }, body: ok },
    { label: 'content-encoding gzip, not gzip', headers: { 'content-type': type, 'content-encoding': 'gzip' }, body: ok },
    { label: 'content-encoding br, not br', headers: { 'content-type': type, 'content-encoding': 'br' }, body: ok },
    {
      label: 'content-encoding deflate, not deflate',
      headers: { 'content-type': type, 'content-encoding': 'deflate' },
      body: ok,
    },
    {
      label: 'content-encoding gzip twice',
      headers: { 'content-type': type, 'content-encoding': 'gzip, gzip' },
      body: gzipSync(ok),
    },
    {
      label: 'gzip bomb',
      headers: { 'content-type': type, 'content-encoding': 'gzip' },
      body: gzipSync(Buffer.alloc(5_000_000, 32)),
    },
    { label: 'media type text/plain', headers: { 'content-type': 'text/plain' }, body: ok },
    { label: 'media type xml', headers: { 'content-type': 'application/xml' }, body: '<a/>' },
    {
      label: 'media type multipart',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\n\r\nz\r\n--x--',
    },
    { label: 'media type malformed', headers: { 'content-type': 'application/json;;;charset' }, body: ok },
    { label: 'no media type', headers: {}, body: ok },
    {
      label: 'the other media type',
      headers: { 'content-type': forms ? 'application/json' : 'application/x-www-form-urlencoded' },
      body: forms ? '{}' : 'a=1',
    },
    { label: 'JSON nested 5000 deep', headers: JSON_TYPE, body: deepArray },
    { label: 'JSON objects nested 2000 deep', headers: JSON_TYPE, body: deepObject },
    { label: 'JSON truncated', headers: JSON_TYPE, body: '{"a":[1,2' },
    { label: 'JSON with a BOM', headers: JSON_TYPE, body: '\uFEFF{}' },
    { label: 'JSON scalar', headers: JSON_TYPE, body: '"text"' },
    { label: 'JSON null', headers: JSON_TYPE, body: 'null' },
    { label: 'JSON prototype key', headers: JSON_TYPE, body: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{}}}' },
    { label: 'JSON NUL', headers: JSON_TYPE, body: '{"note":"a\\u0000b","reason":"\\u0000"}' },
    { label: 'JSON 200 KB', headers: JSON_TYPE, body: JSON.stringify({ note: 'x'.repeat(200_000) }) },
    {
      label: 'form deep brackets',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `a${'[b]'.repeat(200)}=1`,
    },
    {
      label: 'form 5000 fields',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Array.from({ length: 5000 }, (_, i) => `f${i}=1`).join('&'),
    },
    {
      label: 'form prototype attributes',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'attribute[constructor]=1&attribute[__proto__]=2&attribute[toString]=3&__proto__=4',
    },
    {
      label: 'form NUL',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'service_code=%00&description=a%00b',
    },
    {
      label: 'form malformed escapes',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'service_code=%E0%A4%A&description=%',
    },
  ];
}

export interface HostileOptions {
  /** Path parameters that name something real ({id} → a case), so deeper layers are reached too. */
  pathSamples: (name: string) => string;
  /** Fuzzed bodies per write operation (and per identity). */
  bodiesPerOperation: number;
  seed: number;
  /**
   * The hostile values are shared out over `spread` senders (the identities): sender `share` gets
   * every spread-th value of each list, so that together they send every value to every parameter.
   */
  share: number;
  spread: number;
}

function shareOf<T>(values: readonly T[], offset: number, options: HostileOptions): T[] {
  return values.filter((_, i) => (i + offset + options.share) % options.spread === 0);
}

function fillPath(path: string, samples: (name: string) => string, hostile?: { name: string; value: string }): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (hostile?.name === name) {
      // Open311's {file} is "<id>.<format>": keep a format so the route is still the one meant.
      return name === 'file' && !hostile.value.includes('.json') ? `${hostile.value}.json` : hostile.value;
    }
    return samples(name);
  });
}

/** Every hostile request for one operation, as one identity would send it. */
export function hostileRequestsFor(
  operation: ApiOperation,
  document: OpenApiDocument,
  options: HostileOptions,
): HostileRequest[] {
  const out: HostileRequest[] = [];
  const path = fillPath(operation.path, options.pathSamples);
  const writes = operation.method !== 'GET' && operation.method !== 'HEAD';
  const forms = /^\/open311\/v2\/requests\./.test(operation.path) && operation.method === 'POST';

  // Path parameters.
  for (const [p, name] of [...operation.path.matchAll(/\{(\w+)\}/g)].map((m, i) => [i, m[1]] as const)) {
    for (const value of shareOf(HOSTILE_PATH_VALUES, p, options)) {
      out.push({
        label: `path ${name}=${value.slice(0, 40)}`,
        method: operation.method,
        path: fillPath(operation.path, options.pathSamples, { name, value }),
        headers: writes ? JSON_TYPE : {},
        body: writes && !forms ? '{}' : undefined,
      });
    }
  }

  // Query parameters: the documented ones, the undocumented ones, and some every route gets.
  const names = [
    ...new Set([
      ...operation.queryParameters,
      ...(UNDOCUMENTED_QUERY[operation.path] ?? []),
      ...shareOf(EXTRA_QUERY, 0, options),
    ]),
  ];
  for (const [p, name] of names.entries()) {
    for (const value of shareOf(HOSTILE_QUERY_VALUES, p, options))
      out.push({ label: `query ${name}=${value.slice(0, 40)}`, method: operation.method, path: `${path}?${name}=${value}` });
    out.push({ label: `query ${name} twice`, method: operation.method, path: `${path}?${name}=1&${name}=2026-11-01` });
    out.push({ label: `query ${name}[]`, method: operation.method, path: `${path}?${name}%5B%5D=1&${name}%5Bx%5D=2` });
  }
  out.push({ label: 'query malformed escape', method: operation.method, path: `${path}?a=%E0%A4%A&%=1` });
  out.push({
    label: 'query 1500 parameters',
    method: operation.method,
    path: `${path}?${Array.from({ length: 1500 }, (_, i) => `p${i}=1`).join('&')}`,
  });

  // Transport, on every route (a GET with a body included: the edge reads it the same way).
  for (const t of shareOf(transportCases(forms), 0, options))
    out.push({ label: t.label, method: operation.method, path, headers: t.headers, body: t.body });

  // Bodies fuzzed from the OpenAPI schema.
  if (writes && !forms) {
    const bodies = fc.sample(bodyArbitrary(document, operation), { numRuns: options.bodiesPerOperation, seed: options.seed });
    bodies.forEach((body, i) =>
      out.push({
        label: `fuzzed body #${i} ${JSON.stringify(body)?.slice(0, 80)}`,
        method: operation.method,
        path,
        headers: JSON_TYPE,
        body: JSON.stringify(body) ?? 'undefined',
      }),
    );
  }
  if (forms) {
    const form = fc.sample(
      fc.dictionary(
        fc.constantFrom(
          'api_key',
          'service_code',
          'lat',
          'long',
          'address_string',
          'address_id',
          'email',
          'description',
          'phone',
          'media_url',
          'attribute[room_temperature]',
          'attribute[periods][]',
          'attribute[x]',
          'first_name',
        ),
        fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.constantFrom(
            'demo-open311-key',
            'heating.no-heat',
            '38.908793',
            '121.602056',
            '1e400',
            '-0',
            '\u0000',
            '１３７００００１１１１',
          ),
        ),
      ),
      { numRuns: options.bodiesPerOperation, seed: options.seed },
    );
    form.forEach((fields, i) =>
      out.push({
        label: `fuzzed form #${i}`,
        method: 'POST',
        path,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      }),
    );
  }
  return out;
}

/** An even sample of `requests`, `size` long, the same every run. */
export function evenSample<T>(requests: T[], size: number): T[] {
  if (requests.length <= size) return requests;
  const step = requests.length / size;
  return Array.from({ length: size }, (_, i) => requests[Math.floor(i * step)]);
}
