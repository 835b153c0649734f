import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { AuthGuard, Roles } from '@hotline/auth';
import type { AppConfig } from '@hotline/config';
import { AccessDenied } from '@hotline/errors';

/** Stands for the docs in the guard's eyes: a route that only admins may call. */
class ApiDocs {
  @Roles('admin')
  read(): void {}
}

/** The AuthGuard instance Nest made for every route (APP_GUARD), so the docs are checked exactly like them. */
function routeGuard(app: NestExpressApplication): AuthGuard {
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      if (wrapper.instance instanceof AuthGuard) return wrapper.instance;
    }
  }
  throw new Error('AuthGuard is not registered: the API docs cannot be protected');
}

/**
 * In production the OpenAPI document and its UI (/api/docs, /api/docs-json, /api/docs-yaml) are for
 * signed-in admins only: the request goes through the same guard as every route, as if it were an
 * admin-only route (401 without a valid token, 403 for other roles). In development they are open.
 */
export function installDocsAccess(app: NestExpressApplication, config: AppConfig): void {
  if (!config.isProduction) return;
  let guard: AuthGuard | undefined;
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/api/docs')) return next();
    try {
      guard ??= routeGuard(app);
      // The handler is only the key the guard reads role metadata from (a bound copy would carry none); never called.
      // eslint-disable-next-line @typescript-eslint/unbound-method
      const context = new ExecutionContextHost([req, res, next], ApiDocs, ApiDocs.prototype.read);
      context.setType('http');
      if (!(await guard.canActivate(context))) throw new AccessDenied('The API docs are for admins', 'RoleNotAllowed');
      next();
    } catch (error) {
      next(error);
    }
  });
}
