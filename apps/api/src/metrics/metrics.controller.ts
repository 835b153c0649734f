import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@hotline/auth';
import { MetricsExposition } from '@hotline/metrics';

/**
 * `GET /metrics` in Prometheus's text format, for `Authorization: Bearer <METRICS_TOKEN>` only (401
 * otherwise, a signed-in user's token included). Not a session route: Prometheus has no user. Left out
 * of the OpenAPI document (not JSON); the worker serves the same on its health port.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly exposition: MetricsExposition) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() response: Response): Promise<void> {
    const answer = await this.exposition.answer(authorization);
    response.status(answer.status).setHeader('content-type', answer.contentType);
    response.end(answer.body);
  }
}
