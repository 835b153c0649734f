import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { Clock } from '@hotline/clock';
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
  /** A provider of the worker (e.g. the SLA sweep), for tests that drive it by hand. */
  get<T>(token: abstract new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/** Receives the app's pino log lines (JSON) when a test wants to read its logs. */
export interface LogSink {
  write(line: string): void;
}

/** What a test may swap in: the environment and the business clock (a ManualClock moves time). */
export interface StartOptions {
  overrides?: Record<string, string>;
  clock?: Clock;
  /** The process's own logging settings, written to this sink instead of stdout; Nest's logger goes there too, as in main.ts. */
  logSink?: LogSink;
}

function testConfig(overrides: Record<string, string>): AppConfig {
  return loadConfig({ ...process.env, ...overrides });
}

function testingModule(root: unknown, app: 'api' | 'worker', options: StartOptions) {
  const config = testConfig(options.overrides ?? {});
  let builder = Test.createTestingModule({ imports: [root as never] })
    .overrideProvider(AppConfig)
    .useValue(config);
  if (options.logSink)
    builder = builder.overrideProvider(PARAMS_PROVIDER_TOKEN).useValue(sinkParams(app, config, options.logSink));
  return options.clock ? builder.overrideProvider(Clock).useValue(options.clock) : builder;
}

function sinkParams(app: 'api' | 'worker', config: AppConfig, sink: LogSink) {
  const params = loggerParams(app, config);
  return { ...params, pinoHttp: [params.pinoHttp, { write: (line: string) => sink.write(line) }] };
}

export async function startApi(options: StartOptions = {}): Promise<RunningApi> {
  const moduleRef = await testingModule(ApiModule, 'api', options).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  if (options.logSink) app.useLogger(app.get(Logger));
  configureApiApp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() };
}

/** The worker (processors + outbox relay), in-process. */
export async function startWorker(options: StartOptions = {}): Promise<RunningWorker> {
  const moduleRef = await testingModule(WorkerModule, 'worker', options).compile();
  moduleRef.useLogger(options.logSink ? moduleRef.get(Logger) : false);
  await moduleRef.init();
  return { get: (token) => moduleRef.get(token), close: () => moduleRef.close() };
}

/**
 * Polls with a sleep until `probe` returns a value other than undefined, or fails after `timeoutMs`. The
 * deadline only bounds a failure: 30 s, since a worker fact (a dispatch, a timer) took over 10 s on 2 cores
 * shared with CPU hogs and other runs (npm run test:soak).
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
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
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last instanceof Error ? String(last) : JSON.stringify(last)}` : ''}`,
  );
}
