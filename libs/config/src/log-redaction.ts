/**
 * What never reaches a log line: secrets and the citizens' own words. One list of field names serves the
 * query strings of logged URLs and every object logged (error properties included, e.g. a database
 * error's bound parameters or a body parser's raw body). Names match whatever their spelling:
 * `accessToken`, `access_token` and `ACCESS-TOKEN` are one field.
 */
export const REDACTED_FIELDS = [
  // secrets
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'secret',
  'authorization',
  'cookie',
  // who the citizen is
  'phone',
  'phoneLast4',
  'callerPhone',
  'callerName',
  'contactName',
  'contactPhone',
  'firstName',
  'lastName',
  'email',
  'deviceId',
  'accountId',
  'idNumber',
  // what the citizen said, and what was written back about it
  'q',
  'text',
  'title',
  'description',
  'address',
  'addressString',
  'directAnswer',
  'answer',
  'result',
  'note',
  // where those travel inside errors: request bodies, bound SQL parameters, PostgreSQL's row details
  'body',
  'rawBody',
  'parameters',
  'detail',
] as const;

export const REDACTED = '[redacted]';

const fieldKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
const REDACTED_KEYS = new Set<string>(REDACTED_FIELDS.map(fieldKey));

export function isRedactedField(name: string): boolean {
  return REDACTED_KEYS.has(fieldKey(name));
}

/** Path segments whose next segment is personal or secret: a caller's phone, an Open311 request token. */
const PERSONAL_PATH = /(\/(?:callers|tokens)\/)[^/?#]+/g;

function decoded(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}

/** The URL as logged: the path's personal segments and the listed query parameters' values replaced. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  const path = (at < 0 ? url : url.slice(0, at)).replace(PERSONAL_PATH, `$1${REDACTED}`);
  if (at < 0) return path;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      // `attribute[x]` and `status[]` style names count by their base name too.
      const base = decoded(name).replace(/\[.*$/, '');
      return eq >= 0 && isRedactedField(base) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

const MAX_DEPTH = 8;

/**
 * A copy of `value` with every listed field replaced, at any depth, in plain objects, arrays and errors
 * (whose message, stack and own properties are kept). Other objects (requests, responses, dates,
 * buffers) are left to pino's serializers.
 */
export function redactFields(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => redactFields(item, depth + 1));
  const proto: unknown = Object.getPrototypeOf(value);
  const isError = value instanceof Error;
  if (!isError && proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  if (isError) {
    out.type = value.name;
    out.message = value.message;
    out.stack = value.stack;
    if (value.cause !== undefined) out.cause = redactFields(value.cause, depth + 1);
  }
  for (const [key, item] of Object.entries(value)) out[key] = isRedactedField(key) ? REDACTED : redactFields(item, depth + 1);
  return out;
}

/**
 * pino's error serializer hands over its own copy, which keeps the original error as `raw`; the copy is
 * made again from the original so that nested errors (a driver error inside a query error) are walked too.
 */
export function redactError(serialized: unknown): unknown {
  const raw = (serialized as { raw?: unknown } | null)?.raw;
  return redactFields(raw instanceof Error ? raw : serialized);
}

/** pino's log formatter: every logged object redacted, except `err`, which its serializer (redactError) redacts. */
export function redactLogObject(object: Record<string, unknown>): Record<string, unknown> {
  const { err, ...rest } = object;
  const out = redactFields(rest) as Record<string, unknown>;
  if (err !== undefined) out.err = err;
  return out;
}
