import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { projectRoot } from '@hotline/seeding';

/** Paths that belong to the API; the console's history fallback must never answer them with HTML. */
const API_PREFIXES = ['/api', '/open311', '/health', '/metrics', '/admin/queues'];

/** Where `npm run build:console` writes the console; CONSOLE_DIR overrides it (e.g. in a container image). */
export function consoleDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.CONSOLE_DIR ?? join(projectRoot(), 'apps/console/dist'));
}

/**
 * Serves the built web console at `/`: its files, and index.html for any other GET that is not an API
 * path, so that a reload on /inbox or /cases/<id> opens the single-page app there. When the console is
 * not built the API runs alone (nothing is served at `/`).
 */
export function serveConsole(app: NestExpressApplication, directory = consoleDirectory()): boolean {
  const index = join(directory, 'index.html');
  if (!existsSync(index)) return false;
  // Hashed asset names never change content: cache them for a year; index.html must always be fresh.
  app.useStaticAssets(directory, {
    index: false,
    setHeaders: (res: Response, path: string) => {
      res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isApi = API_PREFIXES.some((prefix) => req.path === prefix || req.path.startsWith(`${prefix}/`));
    if (req.method !== 'GET' || isApi || !req.accepts('html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
