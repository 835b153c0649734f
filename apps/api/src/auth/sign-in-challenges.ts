import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { TOKEN_ALGORITHM, TOKEN_ISSUER } from '@hotline/auth';
import { AppConfig } from '@hotline/config';
import { Unauthenticated } from '@hotline/errors';

/** How long the second step may follow the first. */
export const CHALLENGE_SECONDS = 5 * 60;
const AUDIENCE = 'second-factor';

/** Who passed the first step: the user and their token version then (a change meanwhile voids it). */
export interface ChallengeClaims {
  userId: string;
  version: number;
}

/**
 * The token between the two steps of a sign-in with a second factor: it says "this user's password was
 * right a moment ago". Signed with a key derived from JWT_SECRET for this purpose alone and naming its
 * own audience, so it is no bearer token (nor is a bearer token a challenge).
 */
@Injectable()
export class SignInChallenges {
  private readonly secret: Buffer;

  constructor(
    private readonly jwt: JwtService,
    config: AppConfig,
  ) {
    this.secret = createHmac('sha256', config.JWT_SECRET).update('hotline365 second factor').digest();
  }

  issue(claims: ChallengeClaims): Promise<string> {
    return this.jwt.signAsync(
      { sub: claims.userId, ver: claims.version },
      { secret: this.secret, audience: AUDIENCE, expiresIn: CHALLENGE_SECONDS },
    );
  }

  async read(token: string): Promise<ChallengeClaims> {
    try {
      const payload = await this.jwt.verifyAsync<{ sub?: unknown; ver?: unknown }>(token, {
        secret: this.secret,
        audience: AUDIENCE,
        algorithms: [TOKEN_ALGORITHM],
        issuer: TOKEN_ISSUER,
      });
      if (typeof payload.sub === 'string' && Number.isInteger(payload.ver))
        return { userId: payload.sub, version: payload.ver as number };
    } catch {
      // fall through: one answer for every bad challenge
    }
    throw new Unauthenticated('The sign-in has expired or is invalid; sign in again', 'ChallengeInvalid');
  }
}
