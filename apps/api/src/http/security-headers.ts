import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '@hotline/config';

/** Paths whose answers are data (personal data among it): never stored by a browser or a proxy. */
const DATA_PREFIXES = ['/api', '/open311', '/health', '/metrics', '/admin/queues'];

function isDataPath(path: string): boolean {
  return DATA_PREFIXES.some(
    (prefix) => path === prefix || path.startsWith(`${prefix}/`) || (prefix === '/api' && path.startsWith('/api/docs')),
  );
}

/**
 * The content security policy the console (and the development Swagger UI) works under: everything
 * from this origin, no inline or foreign script. antd writes its styles at run time (CSS-in-JS), so
 * styles may be inline; ECharts draws on canvas and exports through data: and blob: URLs.
 */
export function contentSecurityPolicy(tls: boolean): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // Over plain HTTP (a laptop, a test) upgrading would break every asset; behind TLS it is harmless.
    'upgrade-insecure-requests': tls ? [] : null,
  };
}

/**
 * Security headers on every answer (helmet): CSP, no framing, nosniff, no referrer, and HSTS where TLS
 * terminates before us (an https PUBLIC_BASE_URL); `Cache-Control: no-store` on every API answer.
 */
export function installSecurityHeaders(app: NestExpressApplication, config: AppConfig): void {
  const tls = config.PUBLIC_BASE_URL.startsWith('https://');
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(tls) },
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: tls && config.HSTS_MAX_AGE > 0 ? { maxAge: config.HSTS_MAX_AGE, includeSubDomains: true } : false,
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isDataPath(req.path)) res.setHeader('Cache-Control', 'no-store');
    next();
  });
}
