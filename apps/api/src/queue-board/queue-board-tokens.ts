import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { SessionClaims, SessionVerifier, tokenPayload, type TokenPurpose } from '@hotline/auth';
import { AppConfig } from '@hotline/config';

/** The cookie that opens the queue board in a browser; scoped to the board's path. */
export const BOARD_COOKIE = 'hotline_queue_board';
export const BOARD_PATH = '/admin/queues';
/** A board cookie lasts a quarter of an hour at most (and never beyond the session it was made from). */
const BOARD_TOKEN_SECONDS = 15 * 60;

/**
 * The queue board's browser credential. The console holds its bearer token in the tab, which a page
 * navigation cannot send; so a signed-in admin or supervisor asks `POST /api/v1/queue-board/session`
 * for a short-lived cookie (HttpOnly, SameSite=Strict, Path=/admin/queues). Its token is signed with a
 * key derived from JWT_SECRET for this purpose alone, with its own audience, so it is no API bearer
 * token (nor is an API token a board cookie); it carries the session's user, version and jti, so a
 * logout, a role change or a disabled account ends it as it ends the session.
 */
@Injectable()
export class QueueBoardTokens {
  private readonly purpose: TokenPurpose;
  private readonly secure: boolean;

  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionVerifier,
    config: AppConfig,
  ) {
    this.purpose = {
      secret: createHmac('sha256', config.JWT_SECRET).update('hotline365 queue board').digest(),
      audience: 'queue-board',
    };
    this.secure = config.PUBLIC_BASE_URL.startsWith('https://');
  }

  /** A Set-Cookie value for this session's board cookie. */
  async cookieFor(session: SessionClaims): Promise<string> {
    const seconds = Math.max(1, Math.min(BOARD_TOKEN_SECONDS, session.expiresAt - Math.floor(Date.now() / 1000)));
    const token = await this.jwt.signAsync(tokenPayload(session.user, session.version), {
      secret: this.purpose.secret,
      audience: this.purpose.audience,
      expiresIn: seconds,
      jwtid: session.jti,
    });
    const attributes = [
      `Path=${BOARD_PATH}`,
      `Max-Age=${seconds}`,
      'HttpOnly',
      'SameSite=Strict',
      ...(this.secure ? ['Secure'] : []),
    ];
    return `${BOARD_COOKIE}=${token}; ${attributes.join('; ')}`;
  }

  /** The session a board cookie's token stands for; throws Unauthenticated as a bearer token would. */
  verify(token: string): Promise<SessionClaims> {
    return this.sessions.verify(token, this.purpose);
  }
}

/** The value of one cookie of a Cookie header, or undefined. */
export function cookieValue(header: unknown, name: string): string | undefined {
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
