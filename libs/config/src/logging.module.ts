import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './app-config';

/**
 * Structured JSON logs (pino) for a process. Personal data never reaches them: request bodies are not
 * logged, and the fields that could carry a name, phone or secret are redacted wherever they appear.
 */
export function loggingModule(app: 'api' | 'worker'): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [AppConfig],
    useFactory: (config: AppConfig) => ({
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
        // The caller-history route carries a phone number in its path: log the route, not the number.
        serializers: {
          req: (req: { id: unknown; method: string; url: string }) => ({
            id: req.id,
            method: req.method,
            url: req.url.replace(/\/callers\/[^/?]+/, '/callers/[redacted]').replace(/phoneLast4=[^&]*/, 'phoneLast4=[redacted]'),
          }),
        },
        autoLogging: { ignore: (req: { url?: string }) => req.url === '/health/live' },
      },
    }),
  });
}
