import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createServer, Server } from 'node:http';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@hotline/config';
import { QueueInspector, withTimeout } from '@hotline/queues';

/** The worker's only HTTP: `GET /health` on WORKER_HEALTH_PORT (0 turns it off), for an orchestrator's probe. */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly queues: QueueInspector,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.WORKER_HEALTH_PORT === 0) return;
    this.server = createServer((req, res) => {
      if (req.url !== '/health') {
        res.writeHead(404).end();
        return;
      }
      void this.check().then((body) => {
        res.writeHead(body.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    this.server.listen(this.config.WORKER_HEALTH_PORT, '0.0.0.0');
  }

  async check(): Promise<{ status: 'ok' | 'error'; database: string; redis: string }> {
    const probe = (p: Promise<unknown>) =>
      withTimeout(p, 1500).then(
        () => 'up',
        () => 'down',
      );
    const [database, redis] = await Promise.all([probe(this.dataSource.query('SELECT 1')), probe(this.queues.ping())]);
    return { status: database === 'up' && redis === 'up' ? 'ok' : 'error', database, redis };
  }

  onApplicationShutdown(): void {
    this.server?.close();
  }
}
