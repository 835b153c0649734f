import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** One operation of the API as its OpenAPI document describes it, keyed like `POST /api/v1/cases/{id}/accept`. */
export interface ApiOperation {
  key: string;
  method: string;
  path: string;
  /** The request body's schema name (components.schemas), when it has one. */
  bodySchema: string | null;
}

export type OpenApiDocument = ReturnType<typeof SwaggerModule.createDocument>;

/**
 * Every route the running app serves, from the same OpenAPI document /api/docs shows: the source the
 * access matrix and the bad-input tests enumerate, so a new endpoint is covered (or flagged) unasked.
 */
export function apiOperations(app: INestApplication): { operations: ApiOperation[]; document: OpenApiDocument } {
  const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const content = (operation.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> } | undefined)?.content;
      const ref = content?.['application/json']?.schema?.$ref;
      operations.push({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, bodySchema: ref ? ref.split('/').pop()! : null });
    }
  }
  return { operations, document };
}
