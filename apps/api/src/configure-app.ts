import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, trustProxySetting } from '@hotline/config';
import { serveConsole } from './http/console-static';
import { ErrorResponseFilter } from './http/error-response.filter';
import { createValidationPipe } from './http/validation';

/** Everything main.ts applies to the app, shared with the end-to-end tests so they run the same stack. */
export function configureApiApp(app: NestExpressApplication): void {
  // Behind a reverse proxy, req.ip (rate limits, sign-in lock-out) is the client the trusted proxies name.
  app.set('trust proxy', trustProxySetting(app.get(AppConfig).TRUST_PROXY));
  // Bounded bodies: a case is a few KB; anything near this limit is abuse or a mistake.
  app.useBodyParser('json', { limit: '64kb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '64kb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorResponseFilter());
  app.disable('x-powered-by');
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Hotline365 API')
      .setDescription('Case management for the district citizen hotline (365 / 12345)')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  serveConsole(app);
}
