import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { DomainError } from '@hotline/errors';
import { renderOpen311 } from '@hotline/open311';
import { RateLimited } from '../http/rate-limited';
import { formatOfPath } from './open311-format';

const STATUS_OF_KIND: Record<string, number> = {
  invalid: 400,
  unauthenticated: 403,
  forbidden: 403,
  notFound: 404,
  conflict: 400,
  unavailable: 503,
};

/**
 * Open311 errors in the spec's shape — a list of {code, description}, one per problem — in the format
 * the URL asked for (XML when it named none). Field problems become "field: reason" so a 311 client
 * can show them as they are.
 */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const { status, errors } = this.toErrors(exception);
    if (status >= 500) this.logger.error({ err: exception }, 'open311 request failed');
    const rendered = renderOpen311(formatOfPath(request.path) ?? 'xml', 'errors', errors);
    if (status === 503) response.setHeader('Retry-After', '5');
    if (exception instanceof RateLimited) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(status).type(rendered.contentType).send(rendered.body);
  }

  private toErrors(exception: unknown): { status: number; errors: { code: number; description: string }[] } {
    if (exception instanceof DomainError) {
      const status = STATUS_OF_KIND[exception.kind] ?? 400;
      const errors =
        exception.details.length > 0
          ? exception.details.map((p) => ({ code: status, description: `${p.field}: ${p.reason}` }))
          : [{ code: status, description: exception.message }];
      return { status, errors };
    }
    if (exception instanceof ThrottlerException) {
      return { status: 429, errors: [{ code: 429, description: exception.message || 'Too many requests; try again shortly' }] };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // The spec knows 400, 403 and 404; other client errors (a malformed or oversize body) are 400s.
      const mapped = status === 404 || status === 403 ? status : status >= 500 ? status : 400;
      return { status: mapped, errors: [{ code: mapped, description: exception.message }] };
    }
    const raw = exception as { status?: number; type?: string; message?: string };
    if (raw?.type === 'entity.too.large' || raw?.status === 400 || raw?.status === 413) {
      return { status: 400, errors: [{ code: 400, description: raw.message ?? 'The request body could not be read' }] };
    }
    return { status: 500, errors: [{ code: 500, description: 'An unexpected error occurred; please tell us' }] };
  }
}
