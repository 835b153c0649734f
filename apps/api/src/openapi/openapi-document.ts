import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/**
 * The OpenAPI document of the REST API, as /api/docs serves it and as the console's types are
 * generated from it (console-types.ts): one builder, so the two cannot describe different APIs.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Hotline365 API')
      .setDescription('Case management for the district citizen hotline (365 / 12345)')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
