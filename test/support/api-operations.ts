import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** One route the API serves, keyed like `POST /api/v1/cases/{id}/accept` (parameters as in OpenAPI). */
export interface ApiOperation {
  key: string;
  method: string;
  path: string;
  /** The request body's schema name in the OpenAPI document (components.schemas), when it has one. */
  bodySchema: string | null;
  /** The query parameters the OpenAPI document names for it (none for routes left out of the document). */
  queryParameters: string[];
}

export type OpenApiDocument = ReturnType<typeof SwaggerModule.createDocument>;

interface ExpressLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Every route the running app serves, read from its HTTP router (so routes left out of the OpenAPI
 * document, like Open311's, are there too), with the body schemas the OpenAPI document gives. The
 * access matrix and the bad-input tests enumerate these, so a new endpoint is covered or flagged unasked.
 */
export function apiOperations(app: INestApplication): { operations: ApiOperation[]; document: OpenApiDocument } {
  const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
  const express = app.getHttpAdapter().getInstance() as {
    router?: { stack: ExpressLayer[] };
    _router?: { stack: ExpressLayer[] };
  };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const operations = new Map<string, ApiOperation>();
  for (const layer of stack) {
    if (!layer.route) continue;
    for (const raw of ([] as string[]).concat(layer.route.path)) {
      // The Swagger UI's static files, and Nest's catch-all that answers 404 for unknown paths.
      if (raw.startsWith('/api/docs') || raw.includes('*')) continue;
      const path = raw.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      for (const method of Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m] && m !== '_all')) {
        const operation = (
          document.paths[path] as
            Record<string, { requestBody?: unknown; parameters?: { name: string; in: string }[] }> | undefined
        )?.[method];
        const content = (operation?.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> } | undefined)
          ?.content;
        const ref = content?.['application/json']?.schema?.$ref;
        const key = `${method.toUpperCase()} ${path}`;
        const queryParameters = (operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        operations.set(key, {
          key,
          method: method.toUpperCase(),
          path,
          bodySchema: ref ? ref.split('/').pop()! : null,
          queryParameters,
        });
      }
    }
  }
  return { operations: [...operations.values()], document };
}
