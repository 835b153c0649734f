import { DynamicModule } from '@nestjs/common';
import { LoggerModule, Params } from 'nestjs-pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { AppConfig } from './app-config';
import { REDACTED, redactError, redactLogObject, redactUrl } from './log-redaction';

/**
 * Structured JSON logs (pino) for a process. Personal data never reaches them: request bodies are not
 * logged, and the fields of one list (log-redaction.ts) are redacted wherever they appear: in the query
 * strings and personal path segments of URLs, in logged objects and in errors, at any depth.
 */
export function loggingModule(app: 'api' | 'worker'): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [AppConfig],
    useFactory: (config: AppConfig) => loggerParams(app, config),
  });
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
        err: redactError,
      },
      autoLogging: { ignore: (req: { url?: string }) => req.url === '/health/live' },
    },
  };
}
