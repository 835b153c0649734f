import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Response } from 'express';
import { AddressNotPlaced, DomainError, DomainErrorKind, FieldProblem } from '@hotline/errors';
import { RateLimited } from './rate-limited';
import { transportErrorBody } from './transport-errors';
import { FieldProblemsException } from './validation';

/** The one error shape every client sees: `{statusCode, error, message, details}`. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: FieldProblem[];
  /** AddressNotPlaced only: the register entries the address could mean (GET /api/v1/addresses items). */
  candidates?: readonly unknown[];
}

const STATUS_OF: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  notFound: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Errors that mean "PostgreSQL is unreachable or restarting": the client should retry, not report a bug. */
const DATABASE_DOWN =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|terminating connection|Client has encountered a connection error/i;

function isDatabaseDown(error: unknown): boolean {
  const err = error as { name?: string; code?: string; message?: string; driverError?: { code?: string } } | undefined;
  // TypeORM releases a transaction's connection when the server drops it; the transaction's next query
  // then fails with one of these instead of a connection error (seen when PostgreSQL restarts under load).
  if (err?.name === 'QueryRunnerProviderAlreadyReleasedError' || err?.name === 'QueryRunnerAlreadyReleasedError') return true;
  const code = err?.driverError?.code ?? err?.code;
  // 57P01..57P03: admin shutdown, crash shutdown, cannot connect now; 08xxx: connection exceptions.
  if (code && (/^57P0[1-3]$/.test(code) || /^08/.test(code))) return true;
  return DATABASE_DOWN.test(err?.message ?? '');
}

@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorResponseFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    // Terminus reports a failed health check with its own, documented body: pass it through unchanged.
    const raw = exception instanceof HttpException ? exception.getResponse() : null;
    if (raw && typeof raw === 'object' && (raw as { status?: string }).status === 'error' && 'details' in raw) {
      response.status((exception as HttpException).getStatus()).json(raw);
      return;
    }
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception }, body.statusCode === 503 ? 'dependency unavailable' : 'unhandled error');
    }
    if (body.statusCode === 503) response.setHeader('Retry-After', '5');
    if (exception instanceof RateLimited) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = STATUS_OF[exception.kind];
      const body: ErrorBody = { statusCode, error: exception.code, message: exception.message, details: exception.details };
      if (exception instanceof AddressNotPlaced) body.candidates = exception.candidates;
      return body;
    }
    if (exception instanceof FieldProblemsException) {
      return { statusCode: 400, error: 'ValidationFailed', message: exception.message, details: exception.problems };
    }
    if (exception instanceof ThrottlerException) {
      const message = exception instanceof RateLimited ? exception.message : 'Too many requests; try again shortly';
      return { statusCode: 429, error: 'TooManyRequests', message, details: [] };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const raised = (raw as { message?: unknown } | null)?.message;
      const message =
        typeof raw === 'string'
          ? raw
          : Array.isArray(raised)
            ? raised.join('; ')
            : typeof raised === 'string'
              ? raised
              : exception.message;
      const error = exception instanceof BadRequestException ? 'BadRequest' : exception.name.replace(/Exception$/, '');
      // Nest maps some lower-layer failures (a malformed %-escape in a path parameter) to HttpExceptions.
      return { statusCode, error, message: String(message), details: [] };
    }
    // The body parser's and the router's failures (charset, encoding, size, syntax) and the edge's own refusals.
    const transport = transportErrorBody(exception);
    if (transport) return transport;
    if (isDatabaseDown(exception)) {
      return { statusCode: 503, error: 'ServiceUnavailable', message: 'The database is unavailable; retry shortly', details: [] };
    }
    return { statusCode: 500, error: 'InternalServerError', message: 'An unexpected error occurred', details: [] };
  }
}
