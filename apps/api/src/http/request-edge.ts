import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { inspectValue } from '@hotline/input';
import { fromParserError, TransportRefused } from './transport-errors';

/** A case is a few KB; anything near this limit is abuse or a mistake. */
export const BODY_LIMIT = '64kb';
/** No DTO nests deeper than a few levels; 32 leaves room and stops the stack-deep bodies early. */
export const MAX_BODY_DEPTH = 32;
/** Query strings are flat (`simple` parser); a repeated name gives an array, one level down. */
const MAX_QUERY_DEPTH = 2;

/** The form-encoded routes (Open311 POST requests); every other body is JSON. */
const FORM_ROUTES = /^\/open311\/v2\/(test\/)?requests\.(json|xml)$/;

/** Routes whose callers sign the raw body (the upstream platform): the parser keeps the bytes it read. */
const SIGNED_BODY_ROUTES = /^\/api\/v1\/upstream\/[^/]+\/orders(\/|$)/;

/** The request as the JSON parser leaves it on a signed route: the exact bytes the signature covers. */
export type WithRawBody = Request & { rawBody?: Buffer };

/** Keeps the raw body of a signed route (a signature is over the bytes sent, never over re-serialised JSON). */
function keepSignedBody(req: WithRawBody, _res: unknown, buffer: Buffer): void {
  if (SIGNED_BODY_ROUTES.test(req.path ?? req.url)) req.rawBody = buffer;
}

/** As type-is decides it: a body is coming when it is chunked or has a non-zero length. */
function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')
  );
}

function refuse(
  next: NextFunction,
  status: 400 | 413 | 415,
  code: string,
  message: string,
  field?: string,
  reason?: string,
): void {
  next(new TransportRefused(status, code, message, field && reason ? [{ field, reason }] : []));
}

/** Path segments decoded one by one: malformed %-escapes and control characters (`%00`) stop here. */
function pathProblem(path: string): { field: string; reason: string } | null {
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { field: 'path', reason: 'has a malformed %-escape' };
    }
    const problem = inspectValue(decoded, { maxDepth: 1, allowLineBreaks: false }, 'path');
    if (problem) return problem;
  }
  return null;
}

/** Before the body is read: the URL, and whether the body's media type is one this route reads. */
function checkRequestLine(req: Request, _res: Response, next: NextFunction): void {
  const path = pathProblem(req.path);
  if (path) return refuse(next, 400, 'MalformedRequest', `The request path ${path.reason}`, path.field, path.reason);
  const query = inspectValue(req.query, { maxDepth: MAX_QUERY_DEPTH, allowLineBreaks: false }, 'query');
  if (query)
    return refuse(
      next,
      400,
      'MalformedRequest',
      `The query string is not acceptable: ${query.field} ${query.reason}`,
      query.field,
      query.reason,
    );
  if (hasBody(req)) {
    const wanted = FORM_ROUTES.test(req.path) ? 'application/x-www-form-urlencoded' : 'application/json';
    if (!req.is(wanted)) {
      const reason = `must be ${wanted}`;
      return refuse(next, 415, 'UnsupportedMediaType', `The request body's Content-Type ${reason}`, 'Content-Type', reason);
    }
  }
  next();
}

/** The parsers' failures as typed refusals, before Nest's own mapping turns some into a vague BadRequest. */
function translateParserErrors(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  next(fromParserError(error) ?? error);
}

/** After parsing, before validation: nesting depth, prototype names and control characters in the body. */
function checkBody(req: Request, _res: Response, next: NextFunction): void {
  if (req.body === undefined || req.body === null) return next();
  const problem = inspectValue(req.body, { maxDepth: MAX_BODY_DEPTH, allowLineBreaks: true }, 'body');
  if (problem)
    return refuse(
      next,
      400,
      'MalformedBody',
      `The request body is not acceptable: ${problem.field} ${problem.reason}`,
      problem.field,
      problem.reason,
    );
  next();
}

/**
 * The one way in for every request, in order: the request line and media type, the body parsers with
 * their limits (their failures become 400/413/415 in the error filter), then the parsed body. Nothing
 * reaches a guard, pipe or handler before all three have passed.
 */
export function installRequestEdge(app: NestExpressApplication): void {
  app.use(checkRequestLine);
  app.useBodyParser('json', { limit: BODY_LIMIT, verify: keepSignedBody });
  app.useBodyParser('urlencoded', { extended: false, limit: BODY_LIMIT, parameterLimit: 200 });
  app.use(translateParserErrors);
  app.use(checkBody);
}
