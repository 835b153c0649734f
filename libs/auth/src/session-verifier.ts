import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Unauthenticated } from '@hotline/errors';
import { readClaims, SessionClaims, TOKEN_ALGORITHM, TOKEN_ISSUER } from './session-claims';
import { IdleSessions } from './idle-sessions';
import { SessionStates } from './session-states';

/** The bearer token of an Authorization header, or undefined. */
export function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return undefined;
  return header.slice(7).trim() || undefined;
}

/**
 * A token made for one purpose other than the API's bearer sessions (the queue board's cookie): signed
 * with a key of its own and naming its audience, so neither kind of token is accepted as the other.
 * It carries the session's user, version and jti, so it ends with that session.
 */
export interface TokenPurpose {
  secret: Buffer;
  audience: string;
}

/**
 * A token is a claim, not a fact: its signature (HS256 only), issuer and expiry are checked, then the
 * user as it is now: gone or inactive → 401; a version other than the token's (role, department,
 * grids or password changed, or logout-all) → 401; this token logged out → 401; idle longer than the
 * idle time-out → 401 SessionIdle (and ended).
 */
@Injectable()
export class SessionVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly states: SessionStates,
    private readonly idle: IdleSessions,
  ) {}

  async verify(token: string, purpose?: TokenPurpose): Promise<SessionClaims> {
    let claims: SessionClaims;
    try {
      const payload = await this.jwt.verifyAsync<Record<string, unknown>>(token, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: TOKEN_ISSUER,
        ...(purpose ? { secret: purpose.secret, audience: purpose.audience } : {}),
      });
      claims = readClaims(payload);
    } catch {
      throw new Unauthenticated('The bearer token is invalid or has expired', 'TokenInvalid');
    }
    let state = await this.states.current(claims.user.id);
    // A signed token newer than the cached state (issued by another process after a change whose notice
    // has not arrived here yet): the cache is stale, read the user again.
    if (state && state.version < claims.version) {
      this.states.invalidate(claims.user.id);
      state = await this.states.current(claims.user.id);
    }
    if (!state || !state.active || state.version !== claims.version || state.revoked.has(claims.jti)) {
      throw new Unauthenticated('This session has ended; sign in again', 'SessionEnded');
    }
    if ((await this.idle.touch(claims.jti, claims.issuedAt)) === 'idle') {
      // Ended for good: a later request, finding the activity key just set, must not revive it.
      await this.states.revoke(claims.user.id, claims.jti, claims.expiresAt).catch(() => this.states.endAll(claims.user.id));
      throw new Unauthenticated('This session was idle for too long and has ended; sign in again', 'SessionIdle');
    }
    return claims;
  }
}
