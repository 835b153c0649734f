import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { HotlineMetrics } from '@hotline/metrics';

/** The route label of a request answered outside any route: the edge's refusals, static files, unknown paths. */
export const NO_ROUTE = 'none';

/**
 * The route template a request matched (`/api/v1/cases/:id`), with the mount path of a sub-application
 * (the queue board's `/admin/queues`); never the raw URL, so the label's values are the app's routes.
 */
export function routeTemplate(req: Request): string {
  const route: unknown = (req as { route?: unknown }).route;
  const path: unknown = route && typeof route === 'object' && 'path' in route ? route.path : undefined;
  const first: unknown = Array.isArray(path) ? path[0] : path;
  return typeof first === 'string' ? `${req.baseUrl ?? ''}${first}` : NO_ROUTE;
}

/**
 * Times every request from the first middleware to the last byte written, labelled when it finishes
 * (by then the router has set the route it matched). Installed first, so refusals at the edge count too.
 */
export function installHttpMetrics(app: NestExpressApplication): void {
  const histogram = app.get(HotlineMetrics).httpDuration;
  app.use((req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      histogram.observe({ method: req.method, route: routeTemplate(req), status_code: String(res.statusCode) }, seconds);
    });
    next();
  });
}
