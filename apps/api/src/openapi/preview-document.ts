import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiModule } from '../api.module';
import { openApiDocument } from './openapi-document';

/**
 * The OpenAPI document without a database, Redis or a listening server: Nest's preview mode builds the
 * module graph (controllers, routes, DTO metadata) but instantiates no provider, so nothing connects.
 */
export async function previewOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ApiModule, { preview: true, logger: false, abortOnError: false });
  try {
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}
