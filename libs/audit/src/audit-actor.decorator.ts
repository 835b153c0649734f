import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuditActor } from './audit-entry';

interface ActorRequest {
  id?: unknown;
  ip?: string;
  user?: { id: string; username: string; role: string };
}

/** The actor of an audited change: the signed-in user (set by the guard), the request id and the client address. */
export function auditActorOf(request: ActorRequest): AuditActor {
  const user = request.user;
  return {
    userId: user?.id ?? null,
    username: user?.username ?? 'anonymous',
    role: user?.role ?? null,
    requestId: typeof request.id === 'string' || typeof request.id === 'number' ? String(request.id) : null,
    address: request.ip ?? null,
  };
}

/** Parameter decorator: the AuditActor of this request. */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext): AuditActor =>
  auditActorOf(context.switchToHttp().getRequest<ActorRequest>()),
);
