import type { ErrorBody } from './error-response.filter';

/**
 * A request refused at the edge, before any handler: its transport (media type, charset, encoding,
 * size) or its shape (nesting, control characters, prototype names). Typed so that the one error
 * filter maps it to its own 4xx like any other refusal.
 */
export class TransportRefused extends Error {
  constructor(
    readonly statusCode: 400 | 413 | 415,
    readonly code: string,
    message: string,
    readonly details: { field: string; reason: string }[] = [],
  ) {
    super(message);
    this.name = code;
  }
}

/** body-parser's and the router's error types (http-errors), each with the answer a client can act on. */
const KNOWN_TYPES: Record<string, Omit<ErrorBody, 'details'>> = {
  'entity.parse.failed': {
    statusCode: 400,
    error: 'MalformedBody',
    message: 'The request body is not valid for its content type',
  },
  'entity.verify.failed': { statusCode: 400, error: 'MalformedBody', message: 'The request body could not be read' },
  'querystring.parse.rangeError': { statusCode: 400, error: 'MalformedBody', message: 'The form is nested too deeply' },
  'request.aborted': { statusCode: 400, error: 'MalformedBody', message: 'The request body ended early' },
  'request.size.invalid': {
    statusCode: 400,
    error: 'MalformedBody',
    message: 'The request body does not match its Content-Length',
  },
  'entity.too.large': { statusCode: 413, error: 'PayloadTooLarge', message: 'The request body is too large' },
  'parameters.too.many': { statusCode: 413, error: 'PayloadTooLarge', message: 'The form has too many fields' },
  'charset.unsupported': { statusCode: 415, error: 'UnsupportedCharset', message: 'The request body must be UTF-8' },
  'encoding.unsupported': {
    statusCode: 415,
    error: 'UnsupportedContentEncoding',
    message: 'The Content-Encoding is not supported (identity, gzip, deflate or br)',
  },
};

/**
 * The body parser's failure (http-errors: charset, encoding, size, syntax) as the edge's typed refusal,
 * or null when `error` is not a client error of that layer. A client error of unknown type keeps its
 * status with a generic message, so that no transport problem can surface as a 500.
 */
export function fromParserError(error: unknown): TransportRefused | null {
  const err = error as { status?: unknown; type?: unknown; expose?: unknown } | null;
  if (!err || typeof err !== 'object') return null;
  const known = typeof err.type === 'string' ? KNOWN_TYPES[err.type] : undefined;
  if (known) return new TransportRefused(known.statusCode as 400 | 413 | 415, known.error, known.message);
  const status = typeof err.status === 'number' ? err.status : undefined;
  if (status === 413 || status === 415)
    return new TransportRefused(
      status,
      status === 413 ? 'PayloadTooLarge' : 'UnsupportedMediaType',
      'The request body cannot be read',
    );
  if (status !== undefined && status >= 400 && status < 500 && err.expose === true)
    return new TransportRefused(400, 'MalformedBody', 'The request body cannot be read');
  return null;
}

/** The answer to a request the edge refused, or null when `exception` is not one. */
export function transportErrorBody(exception: unknown): ErrorBody | null {
  const refused = exception instanceof TransportRefused ? exception : fromParserError(exception);
  return refused
    ? { statusCode: refused.statusCode, error: refused.code, message: refused.message, details: refused.details }
    : null;
}
