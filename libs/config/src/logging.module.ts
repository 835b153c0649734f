import { DynamicModule, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { LoggerModule, Params } from 'nestjs-pino';
import pino from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { AppConfig } from './app-config';
import { REDACTED, redactError, redactLogObject, redactUrl } from './log-redaction';

/**
 * Where a process's log lines go: stdout, written asynchronously. Synchronous writes (pino's default)
 * cost the API a write system call per line on its event loop (about a fifth of its time under intake
 * load); asynchronously, lines written while one write is under way leave together with the next.
 * One per process, built on first use.
 */
let destination: (pino.DestinationStream & { flushSync(): void }) | undefined;
function logDestination() {
  destination ??= pino.destination({ dest: 1, sync: false });
  return destination;
}

/**
 * Lines still buffered leave before the process ends. pino flushes on `exit` by itself, but a process
 * stopped by SIGTERM ends by its signal once Nest's shutdown hooks have run, without an `exit` event.
 */
@Injectable()
class FlushLogsOnShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): void {
    destination?.flushSync();
  }
}

@Module({ providers: [FlushLogsOnShutdown] })
class LoggingModule {}

/**
 * Structured JSON logs (pino) for a process. Personal data never reaches them: request bodies are not
 * logged, and the fields of one list (log-redaction.ts) are redacted wherever they appear: in the query
 * strings and personal path segments of URLs, in logged objects and in errors, at any depth.
 */
export function loggingModule(app: 'api' | 'worker'): DynamicModule {
  return {
    module: LoggingModule,
    imports: [
      LoggerModule.forRootAsync({
        inject: [AppConfig],
        useFactory: (config: AppConfig): Params => {
          const params = loggerParams(app, config);
          return { ...params, pinoHttp: [params.pinoHttp, logDestination()] };
        },
      }),
    ],
  };
}

/** The logger settings of loggingModule, exported so a test can send the same logs to a sink it reads. */
export function loggerParams(app: 'api' | 'worker', config: AppConfig): Params & { pinoHttp: PinoHttpOptions } {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { app },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: REDACTED },
      formatters: { log: redactLogObject },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
        // The status is what operations read (with pino-http's responseTime); the response's headers
        // (a dozen security headers on every answer) were most of each line and told nothing.
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: redactError,
      },
      autoLogging: { ignore: (req: { url?: string }) => req.url === '/health/live' },
    },
  };
}
