import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { Logger, PARAMS_PROVIDER_TOKEN } from 'nestjs-pino';
import { AppConfig, loadConfig, loggerParams } from '@hotline/config';
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

/** Receives the app's pino log lines (JSON) when a test wants to read its logs. */
export interface LogSink {
  write(line: string): void;
}

interface StartOptions {
  /** The process's own logging settings, written to this sink instead of stdout; Nest's logger goes there too, as in main.ts. */
  logSink?: LogSink;
}

export async function startApi(overrides: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningApi> {
  const config = testConfig(overrides);
  let builder = Test.createTestingModule({ imports: [ApiModule] }).overrideProvider(AppConfig).useValue(config);
  if (options.logSink) builder = builder.overrideProvider(PARAMS_PROVIDER_TOKEN).useValue(sinkParams('api', config, options.logSink));
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  if (options.logSink) app.useLogger(app.get(Logger));
  configureApiApp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() };
}

/** The worker (processors + outbox relay), in-process. */
export async function startWorker(overrides: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningWorker> {
  const config = testConfig(overrides);
  let builder = Test.createTestingModule({ imports: [WorkerModule] }).overrideProvider(AppConfig).useValue(config);
  if (options.logSink) builder = builder.overrideProvider(PARAMS_PROVIDER_TOKEN).useValue(sinkParams('worker', config, options.logSink));
  const moduleRef = await builder.compile();
  moduleRef.useLogger(options.logSink ? moduleRef.get(Logger) : false);
  await moduleRef.init();
  return { close: () => moduleRef.close() };
}

function sinkParams(app: 'api' | 'worker', config: AppConfig, sink: LogSink) {
  const params = loggerParams(app, config);
  return { ...params, pinoHttp: [params.pinoHttp, { write: (line: string) => sink.write(line) }] };
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
