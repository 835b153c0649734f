import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { type AuditActor, recordAudit } from '@hotline/audit';
import {
  AuthUser,
  CurrentSessionInfo,
  dummyPasswordHash,
  hashPassword,
  passwordProblems,
  Role,
  secondFactorDue,
  SessionStates,
  tokenPayload,
  verifyPassword,
} from '@hotline/auth';
import { InputInvalid, Unauthenticated } from '@hotline/errors';
import { Account, attemptSignIn, SignInPorts } from './sign-in';
import { CHALLENGE_SECONDS, SignInChallenges } from './sign-in-challenges';
import { SignInLockout } from './sign-in-lockout';
import { SecondFactorService } from './second-factor.service';
import { sqlExec, sqlRow } from '@hotline/database';

/** What sign-in and a password change answer: the token, the user, and whether a new password is due. */
export interface SignedIn {
  accessToken: string;
  user: AuthUser;
  mustChangePassword: boolean;
}

/** The first step's answer for a user with a second factor: no session yet, a challenge for the second step. */
export interface SecondFactorChallenge {
  secondFactorRequired: true;
  challengeToken: string;
  expiresIn: number;
}

/** What the second step offers: a code from the app, or one of the recovery codes. */
export interface SecondFactorAnswer {
  code?: string;
  recoveryCode?: string;
}

/** The outcome of the sign-in history's row: `password` is a right password awaiting its second factor. */
type AttemptOutcome = 'success' | 'failure' | 'password';

@Injectable()
export class AuthService {
  private readonly ports: SignInPorts;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly lockout: SignInLockout,
    private readonly sessions: SessionStates,
    private readonly challenges: SignInChallenges,
    private readonly secondFactor: SecondFactorService,
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
   * of its own. One answer, after the same work, for every failure (see attemptSignIn). A user with a
   * second factor gets a challenge instead, for completeSignIn.
   */
  async login(
    username: string,
    password: string,
    address: string,
    userAgent?: string,
  ): Promise<SignedIn | SecondFactorChallenge> {
    const account = await attemptSignIn(this.ports, username, password, address);
    const outcome: AttemptOutcome = !account ? 'failure' : account.secondFactorEnabled ? 'password' : 'success';
    await this.recordAttempt(username, outcome, address, userAgent);
    if (!account) {
      throw new Unauthenticated(
        'Wrong username or password (after repeated failures, wait a few minutes before trying again)',
        'LoginFailed',
      );
    }
    if (account.secondFactorEnabled) {
      const challengeToken = await this.challenges.issue({ userId: account.id, version: account.version });
      return { secondFactorRequired: true, challengeToken, expiresIn: CHALLENGE_SECONDS };
    }
    return this.session(account);
  }

  /**
   * The second step: the challenge of a right password, then a code or a recovery code. Wrong answers
   * count towards the same per-account-and-address lock as wrong passwords (a locked pair is refused
   * without checking, and spends no recovery code); a right one clears it. The account must be as it
   * was at the first step (same version, still active, factor still on).
   */
  async completeSignIn(
    challengeToken: string,
    answer: SecondFactorAnswer,
    address: string,
    userAgent?: string,
  ): Promise<SignedIn> {
    const challenge = await this.challenges.read(challengeToken);
    const account = await this.findAccount(challenge.userId, 'id');
    if (!account || !account.active || account.version !== challenge.version || !account.secondFactorEnabled) {
      throw new Unauthenticated('The sign-in has expired or is invalid; sign in again', 'ChallengeInvalid');
    }
    const locked = await this.lockout.isLocked(account.username, address);
    const accepted = !locked && (await this.secondFactor.accept(account.id, answer));
    if (!accepted) {
      if (!locked) await this.lockout.recordFailure(account.username, address);
      await this.recordAttempt(account.username, 'failure', address, userAgent);
      throw new Unauthenticated(
        'Wrong code (after repeated failures, wait a few minutes before trying again)',
        'SecondFactorFailed',
      );
    }
    await this.lockout.recordSuccess(account.username, address);
    await this.recordAttempt(account.username, 'success', address, userAgent);
    return this.session(account);
  }

  /** A new token for the user as they are now (after a change that raised their version, e.g. an enrolment). */
  async reissue(userId: string): Promise<SignedIn> {
    const account = await this.findAccount(userId, 'id');
    if (!account || !account.active) throw new Unauthenticated('This session has ended; sign in again', 'SessionEnded');
    // This process's cached state is older than the token about to be issued.
    this.sessions.invalidate(userId);
    return this.session(account);
  }

  private async session(account: Account): Promise<SignedIn> {
    const { passwordHash: _hash, active: _active, version, mustChangePassword, secondFactorEnabled, ...user } = account;
    const due = secondFactorDue(user.role, secondFactorEnabled, this.secondFactor.requiredRoles);
    return { accessToken: await this.sign(user, version, mustChangePassword, due), user, mustChangePassword };
  }

  /**
   * The user's own password change: the current password, then the policy. The new hash raises the
   * token version (every session of the user ends, this one too), so the answer carries a new token.
   * Clears the must-change flag; audited with the user as the actor.
   */
  async changePassword(user: AuthUser, current: string, next: string, actor: AuditActor): Promise<SignedIn> {
    // By id: the token's username may be older than an admin's rename.
    const account = await this.findAccount(user.id, 'id');
    if (!account || !(await verifyPassword(current, account.passwordHash))) {
      throw new InputInvalid([{ field: 'current', reason: 'is not your current password' }]);
    }
    const problems = passwordProblems(next, account.username).map((reason) => ({ field: 'new', reason }));
    if (next === current) problems.push({ field: 'new', reason: 'must differ from the current password' });
    if (problems.length) throw new InputInvalid(problems);
    const passwordHash = await hashPassword(next);
    const version = await this.dataSource.transaction(async (manager) => {
      const row = await sqlRow<{ version: number; passwordChangedAt: Date }>(
        manager,
        `UPDATE users SET password_hash = $2, must_change_password = false, password_changed_at = now()
          WHERE id = $1 AND password_hash = $3 RETURNING token_version AS version, password_changed_at AS "passwordChangedAt"`,
        [user.id, passwordHash, account.passwordHash],
      );
      // Another change won the race (an admin's reset, a second tab): this one changes nothing.
      if (!row) throw new InputInvalid([{ field: 'current', reason: 'is not your current password' }]);
      await recordAudit(manager, actor, {
        entity: 'user',
        entityId: user.id,
        action: 'changePassword',
        before: { mustChangePassword: account.mustChangePassword },
        after: { mustChangePassword: false, passwordChangedAt: row.passwordChangedAt },
      });
      return row.version;
    });
    // This process's cached state is older than the token about to be issued; others drop theirs on the NOTIFY.
    this.sessions.invalidate(user.id);
    return this.session({ ...account, version, mustChangePassword: false });
  }

  /**
   * Sign-in history: one row per attempt on an existing account (a name no account has leaves none:
   * it may be a password typed into the wrong field). Written for every attempt, so the work is the same.
   */
  private async recordAttempt(username: string, outcome: AttemptOutcome, address: string, userAgent?: string) {
    await sqlExec(
      this.dataSource,
      `INSERT INTO sign_in_history (user_id, outcome, address, user_agent) SELECT id, $2, $3, $4 FROM users WHERE username = $1`,
      [username, outcome, address.slice(0, 100), userAgent?.slice(0, 300) ?? null],
    );
  }

  private sign(user: AuthUser, version: number, mustChangePassword: boolean, secondFactorDue: boolean): Promise<string> {
    return this.jwt.signAsync(tokenPayload(user, version, mustChangePassword, secondFactorDue), { jwtid: randomUUID() });
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

  private async findAccount(key: string, by: 'username' | 'id' = 'username'): Promise<Account | null> {
    const row = await sqlRow<Omit<Account, 'role'> & { role: string }>(
      this.dataSource,
      `SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.department_id AS "departmentId",
              d.code AS "departmentCode", u.grid_codes AS "gridCodes", u.password_hash AS "passwordHash",
              u.active, u.token_version AS version, u.must_change_password AS "mustChangePassword",
              u.totp_enabled_at IS NOT NULL AS "secondFactorEnabled"
         FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE ${by === 'id' ? 'u.id = $1::uuid' : 'u.username = $1'}`,
      [key],
    );
    return row ? { ...row, role: row.role as Role } : null;
  }
}
