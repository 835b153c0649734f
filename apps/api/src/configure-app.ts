import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig, trustProxySetting } from '@hotline/config';
import { serveConsole } from './http/console-static';
import { ErrorResponseFilter } from './http/error-response.filter';
import { installDocsAccess } from './http/docs-access';
import { installHttpMetrics } from './metrics/http-metrics';
import { installQueueBoard } from './queue-board/queue-board';
import { installRequestEdge } from './http/request-edge';
import { installSecurityHeaders } from './http/security-headers';
import { createValidationPipe } from './http/validation';
import { openApiDocument } from './openapi/openapi-document';

/** Everything main.ts applies to the app, shared with the end-to-end tests so they run the same stack. */
export function configureApiApp(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  // Behind a reverse proxy, req.ip (rate limits, sign-in lock-out) is the client the trusted proxies name.
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  installHttpMetrics(app);
  installSecurityHeaders(app, config);
  installRequestEdge(app);
  app.useGlobalPipes(createValidationPipe(config.DISTRICT_TIMEZONE));
  app.useGlobalFilters(new ErrorResponseFilter());
  app.disable('x-powered-by');
  const document = openApiDocument(app);
  installDocsAccess(app, config);
  SwaggerModule.setup('api/docs', app, document);
  installQueueBoard(app);
  serveConsole(app);
}
