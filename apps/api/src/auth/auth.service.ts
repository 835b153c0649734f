import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  AuthUser,
  CurrentSessionInfo,
  dummyPasswordHash,
  Role,
  SessionStates,
  tokenPayload,
  verifyPassword,
} from '@hotline/auth';
import { Unauthenticated } from '@hotline/errors';
import { Account, attemptSignIn, SignInPorts } from './sign-in';
import { SignInLockout } from './sign-in-lockout';
import { sqlRow } from '@hotline/database';

@Injectable()
export class AuthService {
  private readonly ports: SignInPorts;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly lockout: SignInLockout,
    private readonly sessions: SessionStates,
  ) {
    this.ports = {
      findAccount: (username) => this.findAccount(username),
      isLocked: (username, address) => this.lockout.isLocked(username, address),
      verifyPassword,
      dummyHash: dummyPasswordHash,
      recordFailure: (username, address) => this.lockout.recordFailure(username, address),
      recordSuccess: (username, address) => this.lockout.recordSuccess(username, address),
    };
  }

  /**
   * Verifies a password and issues a signed access token carrying the user's token version and an id
   * of its own. One answer, after the same work, for every failure (see attemptSignIn).
   */
  async login(username: string, password: string, address: string): Promise<{ accessToken: string; user: AuthUser }> {
    const account = await attemptSignIn(this.ports, username, password, address);
    if (!account) {
      throw new Unauthenticated(
        'Wrong username or password (after repeated failures, wait a few minutes before trying again)',
        'LoginFailed',
      );
    }
    const { passwordHash: _hash, active: _active, version, ...user } = account;
    const accessToken = await this.jwt.signAsync(tokenPayload(user, version), { jwtid: randomUUID() });
    return { accessToken, user };
  }

  /** Ends this token; should Redis be unable to record it, ends every session of the user instead. */
  async logout(user: AuthUser, session: CurrentSessionInfo): Promise<void> {
    try {
      await this.sessions.revoke(user.id, session.jti, session.expiresAt);
    } catch {
      await this.sessions.endAll(user.id);
    }
  }

  async logoutAll(user: AuthUser): Promise<void> {
    await this.sessions.endAll(user.id);
  }

  private async findAccount(username: string): Promise<Account | null> {
    const row = await sqlRow<Omit<Account, 'role'> & { role: string }>(
      this.dataSource,
      `SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.department_id AS "departmentId",
              d.code AS "departmentCode", u.grid_codes AS "gridCodes", u.password_hash AS "passwordHash",
              u.active, u.token_version AS version
         FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.username = $1`,
      [username],
    );
    return row ? { ...row, role: row.role as Role } : null;
  }
}
