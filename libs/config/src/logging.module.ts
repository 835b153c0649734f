import { DynamicModule } from '@nestjs/common';
import { LoggerModule, Params } from 'nestjs-pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { AppConfig } from './app-config';

/**
 * Structured JSON logs (pino) for a process. Personal data never reaches them: request bodies are not
 * logged, and the fields that could carry a name, phone or secret are redacted wherever they appear.
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
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          '*.password',
          '*.callerPhone',
          '*.callerName',
          '*.phone',
          '*.accessToken',
        ],
        censor: '[redacted]',
      },
      // The caller-history route carries a phone number in its path, and a free-text search may carry a
      // name or a number in its query: log the route, not those values.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url
            .replace(/\/callers\/[^/?]+/, '/callers/[redacted]')
            .replace(/([?&](?:text|phone|phoneLast4)=)[^&]*/g, '$1[redacted]'),
        }),
      },
      autoLogging: { ignore: (req: { url?: string }) => req.url === '/health/live' },
    },
  };
}
