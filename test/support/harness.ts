import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { AppConfig, loadConfig } from '@hotline/config';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApiApp } from '../../apps/api/src/configure-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** The API, booted in-process exactly as main.ts configures it, on a free port. */
export interface RunningApi {
  url: string;
  app: NestExpressApplication;
  close(): Promise<void>;
}

export interface RunningWorker {
  close(): Promise<void>;
}

function testConfig(overrides: Record<string, string>): AppConfig {
  return loadConfig({ ...process.env, ...overrides });
}

export async function startApi(overrides: Record<string, string> = {}): Promise<RunningApi> {
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] })
    .overrideProvider(AppConfig)
    .useValue(testConfig(overrides))
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureApiApp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() };
}

/** The worker (processors + outbox relay), in-process. */
export async function startWorker(overrides: Record<string, string> = {}): Promise<RunningWorker> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(AppConfig)
    .useValue(testConfig(overrides))
    .compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return { close: () => moduleRef.close() };
}

/** Polls with a sleep until `probe` returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
