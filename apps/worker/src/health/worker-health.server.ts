import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AppConfig } from '@hotline/config';
import { carriesHealthToken, HealthRegistry, publicHealthStatus } from '@hotline/health';
import { MetricsExposition } from '@hotline/metrics';

/**
 * The worker's only HTTP, on WORKER_HEALTH_PORT (0 turns it off): the API's health contract —
 * `/health/live`, `/health` (`{status}` only, 200/503) and `/health/details` (every component). The worker
 * has no sign-in, so the details need `Authorization: Bearer <HEALTH_TOKEN>`; without one set, nobody.
 * `/metrics` is the API's too: Prometheus's text for `Authorization: Bearer <METRICS_TOKEN>` only.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly registry: HealthRegistry,
    private readonly metrics: MetricsExposition,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.WORKER_HEALTH_PORT === 0) return;
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.listen(this.config.WORKER_HEALTH_PORT, '0.0.0.0');
  }

  /** Answers one request (exposed so a test can drive it without a port). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET') return send(405, { statusCode: 405, error: 'MethodNotAllowed', message: 'Only GET', details: [] });
    if (path === '/health/live') return send(200, { status: 'ok' });
    if (path === '/metrics') {
      const answer = await this.metrics.answer(req.headers.authorization);
      res.writeHead(answer.status, { 'content-type': answer.contentType, 'cache-control': 'no-store' });
      res.end(answer.body);
      return;
    }
    if (path === '/health') {
      const status = publicHealthStatus((await this.registry.report()).status);
      return send(status === 'error' ? 503 : 200, { status });
    }
    if (path === '/health/details') {
      if (!carriesHealthToken(req.headers.authorization, this.config.HEALTH_TOKEN)) {
        return send(401, {
          statusCode: 401,
          error: 'Unauthenticated',
          message: 'Send the HEALTH_TOKEN as a bearer token',
          details: [],
        });
      }
      const report = await this.registry.report();
      return send(report.status === 'error' ? 503 : 200, report);
    }
    return send(404, { statusCode: 404, error: 'NotFound', message: `No route ${path}`, details: [] });
  }

  /** The port it listens on (0 when off), for tests that ask the OS for a free one. */
  port(): number {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address.port : 0;
  }

  onApplicationShutdown(): void {
    this.server?.close();
  }
}
