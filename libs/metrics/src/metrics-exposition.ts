import { Injectable } from '@nestjs/common';
import { AppConfig } from '@hotline/config';
import { carriesBearerToken } from '@hotline/health';
import { HealthGauges } from './health-gauges';
import { HotlineMetrics } from './hotline-metrics';

export interface MetricsAnswer {
  status: 200 | 401;
  contentType: string;
  body: string;
}

const UNAUTHENTICATED = JSON.stringify({
  statusCode: 401,
  error: 'Unauthenticated',
  message: 'Send the METRICS_TOKEN as a bearer token',
  details: [],
});

/**
 * GET /metrics, the same on the API and on the worker's health port: only `Authorization: Bearer
 * <METRICS_TOKEN>` is answered (401 otherwise, whoever asks: a session token is no metrics token).
 * The scrape-time gauges are read first; a failing component shows as `hotline_component_up 0`,
 * never as a failed scrape.
 */
@Injectable()
export class MetricsExposition {
  constructor(
    private readonly config: AppConfig,
    private readonly metrics: HotlineMetrics,
    private readonly gauges: HealthGauges,
  ) {}

  async answer(authorization: unknown): Promise<MetricsAnswer> {
    if (!carriesBearerToken(authorization, this.config.METRICS_TOKEN)) {
      return { status: 401, contentType: 'application/json; charset=utf-8', body: UNAUTHENTICATED };
    }
    await this.gauges.refresh();
    return { status: 200, contentType: this.metrics.contentType, body: await this.metrics.exposition() };
  }
}
