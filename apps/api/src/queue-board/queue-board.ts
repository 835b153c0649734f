import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { bearerToken, type Role, SessionVerifier } from '@hotline/auth';
import { AccessDenied, DomainError, Unauthenticated } from '@hotline/errors';
import { QueueInspector } from '@hotline/queues';
import { BOARD_COOKIE, BOARD_PATH, cookieValue, QueueBoardTokens } from './queue-board-tokens';

/** Which board a role gets: admins act on jobs (retry, clean, promote…), supervisors only look. */
export function boardAccessOf(role: Role): 'full' | 'readOnly' | null {
  if (role === 'admin') return 'full';
  if (role === 'supervisor') return 'readOnly';
  return null;
}

const READS = new Set(['GET', 'HEAD']);

/** The page bull-board renders asks Google for a web font; the CSP allows no foreign style, so it goes. */
const FOREIGN_FONT_LINK = /<link[^>]+fonts\.googleapis\.com[^>]*>\s*/g;

/** bull-board's Express adapter with our answers: no X-Powered-By, no foreign font, our error shape. */
class HotlineBoardAdapter extends ExpressAdapter {
  constructor() {
    super();
    this.app.disable('x-powered-by');
  }

  override setEntryRoute(route: Parameters<ExpressAdapter['setEntryRoute']>[0]): ExpressAdapter {
    const render: RequestHandler = (_req, res, next) => {
      const { name, params } = route.handler({ basePath: this.basePath, uiConfig: this.uiConfig });
      res.render(name, params, (error: Error | null, html: string) =>
        error ? next(error) : res.type('html').send(html.replace(FOREIGN_FONT_LINK, '')),
      );
    };
    const app = this.app as unknown as Record<string, (path: unknown, handler: RequestHandler) => void>;
    app[route.method](route.route, render);
    return this;
  }

  /** The Express app the adapter builds its routes on (what getRouter() answers, typed). */
  handler(): Express {
    return this.app;
  }

  override setErrorHandler(handler: Parameters<ExpressAdapter['setErrorHandler']>[0]): this {
    // An unreachable Redis fails bull-board's handlers with a 500: to clients it is a service unavailable,
    // as elsewhere (bull-board's status type has no 503, hence the cast).
    return super.setErrorHandler((error) => {
      const answer = handler(error);
      if ((answer.status ?? 500) < 500) return answer;
      return {
        status: 503 as 500,
        body: { statusCode: 503, error: 'QueuesUnavailable', message: 'The queues cannot be read now; try again', details: [] },
      };
    });
  }
}

/** The two boards over the same queues, made once the queues' connection answers (again after a failure). */
class Boards {
  private made: Promise<Record<'full' | 'readOnly', RequestHandler>> | null = null;

  constructor(private readonly inspector: QueueInspector) {}

  get(access: 'full' | 'readOnly'): Promise<RequestHandler> {
    this.made ??= this.make().catch((error: unknown) => {
      this.made = null;
      throw error;
    });
    return this.made.then((boards) => boards[access]);
  }

  private async make(): Promise<Record<'full' | 'readOnly', RequestHandler>> {
    const queues = [...(await this.inspector.all()).values()];
    const board = (readOnlyMode: boolean): RequestHandler => {
      const adapter = new HotlineBoardAdapter();
      adapter.setBasePath(BOARD_PATH);
      createBullBoard({
        queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode })),
        serverAdapter: adapter,
        options: { uiConfig: { boardTitle: `Hotline365 queues${readOnlyMode ? ' (read-only)' : ''}` } },
      });
      return adapter.handler();
    };
    return { full: board(false), readOnly: board(true) };
  }
}

/**
 * The queue board (`@bull-board/express`) at /admin/queues over the queues of this deployment (the
 * queue inspector's, under the same Redis prefix as the worker's). Behind the same sign-in as the
 * API: `Authorization: Bearer <token>` or the board cookie (see QueueBoardTokens); 401 without either,
 * 403 for roles other than admin and supervisor, and for a supervisor's anything but a read (bull-board
 * also marks each queue read-only for them). Its answers are data: no-store, like /api.
 */
export function installQueueBoard(app: NestExpressApplication): void {
  const sessions = app.get(SessionVerifier);
  const tokens = app.get(QueueBoardTokens);
  const boards = new Boards(app.get(QueueInspector));

  const open = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const bearer = bearerToken(req.headers.authorization);
    const cookie = bearer ? undefined : cookieValue(req.headers.cookie, BOARD_COOKIE);
    if (!bearer && !cookie) throw new Unauthenticated('Sign in as an admin or a supervisor: a bearer token or the board cookie');
    const { user } = bearer ? await sessions.verify(bearer) : await tokens.verify(cookie!);
    const access = boardAccessOf(user.role);
    if (!access)
      throw new AccessDenied(`The ${user.role} role may not see the queue board; allowed: admin, supervisor`, 'RoleNotAllowed');
    if (access === 'readOnly' && !READS.has(req.method))
      throw new AccessDenied('The queue board is read-only for supervisors', 'ReadOnly');
    let board: RequestHandler;
    try {
      board = await boards.get(access);
    } catch {
      throw new DomainError('unavailable', 'QueuesUnavailable', 'The queues cannot be read now; try again');
    }
    // A mounted Express app sets its own request and response prototypes; put ours back if it passes the request on.
    const prototypes = [Object.getPrototypeOf(req) as object, Object.getPrototypeOf(res) as object] as const;
    await board(req, res, (error?: unknown) => {
      Object.setPrototypeOf(req, prototypes[0]);
      Object.setPrototypeOf(res, prototypes[1]);
      next(error);
    });
  };
  app.use(BOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
    open(req, res, next).catch(next);
  });
}
