import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AuditActor, recordAudit } from '@hotline/audit';
import { acceptedTotpStep, newRecoveryCodes, newTotpSecret, recoveryCodeHash, ROLES, type Role } from '@hotline/auth';
import { AppConfig } from '@hotline/config';
import { sqlExec, sqlRow } from '@hotline/database';
import { ConflictError, InputInvalid, NotFound } from '@hotline/errors';
import { PersonalDataCipher } from '@hotline/privacy';

/** A user's second factor as they (and the console) see it. */
export interface SecondFactorStatus {
  enabled: boolean;
  /** Their role must use one (SECOND_FACTOR_REQUIRED_ROLES). */
  required: boolean;
  recoveryCodesLeft: number;
}

/**
 * The API's check of SECOND_FACTOR_REQUIRED_ROLES (the config lib knows no roles): every name must be a
 * role. Given to exitOnInvalidConfig, so a misspelt role stops the start instead of requiring nobody.
 */
export function secondFactorRolesProblems(config: AppConfig): string[] {
  const unknown = config.secondFactorRequiredRoles.filter((role) => !(ROLES as readonly string[]).includes(role));
  return unknown.length
    ? [`SECOND_FACTOR_REQUIRED_ROLES: unknown role(s) ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`]
    : [];
}

/**
 * The second factor's records: enrolment (a secret offered, then confirmed with a code, which turns it
 * on and hands out the recovery codes once), the check of a code or recovery code at sign-in, and an
 * admin's reset. Turning it on or off is audited in the same transaction (the database insists).
 */
@Injectable()
export class SecondFactorService {
  readonly requiredRoles: readonly Role[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    config: AppConfig,
  ) {
    this.requiredRoles = config.secondFactorRequiredRoles as Role[];
  }

  async status(userId: string, role: Role): Promise<SecondFactorStatus> {
    const row = await sqlRow<{ enabled: boolean; left: number }>(
      this.dataSource,
      `SELECT u.totp_enabled_at IS NOT NULL AS enabled,
              (SELECT count(*)::int FROM user_recovery_codes c WHERE c.user_id = u.id AND c.used_at IS NULL) AS left
         FROM users u WHERE u.id = $1`,
      [userId],
    );
    return { enabled: row?.enabled ?? false, required: this.requiredRoles.includes(role), recoveryCodesLeft: row?.left ?? 0 };
  }

  /**
   * Offers a new secret (kept sealed as pending until confirmed; a later offer replaces it). Refused
   * while a factor is on: replacing it takes an admin's reset, so a stolen session cannot swap it.
   */
  async startEnrolment(userId: string, username: string): Promise<{ secret: string; otpauthUri: string }> {
    const offer = newTotpSecret(username);
    const row = await sqlRow<{ id: string }>(
      this.dataSource,
      `UPDATE users SET totp_pending_sealed = $2 WHERE id = $1 AND totp_enabled_at IS NULL RETURNING id`,
      [userId, this.cipher.encrypt(offer.secret)],
    );
    if (!row) throw new ConflictError('SecondFactorEnabled', 'A second factor is already on; an admin can reset it');
    return offer;
  }

  /**
   * Confirms the pending secret with a code from the app: turns the factor on, replaces the recovery
   * codes and raises the token version (every earlier session ends; the caller issues a new token).
   * Answers the new version and the recovery codes, shown this once.
   */
  async confirmEnrolment(userId: string, code: string, actor: AuditActor): Promise<{ version: number; recoveryCodes: string[] }> {
    const pending = await sqlRow<{ sealed: string | null }>(
      this.dataSource,
      `SELECT totp_pending_sealed AS sealed FROM users WHERE id = $1 AND totp_enabled_at IS NULL`,
      [userId],
    );
    if (!pending?.sealed)
      throw new ConflictError('NoEnrolmentPending', 'Start an enrolment first (POST /api/v1/auth/second-factor/enrolment)');
    const step = acceptedTotpStep(this.cipher.decrypt(pending.sealed), code, null);
    if (step === null) throw new InputInvalid([{ field: 'code', reason: 'is not the current code of the offered secret' }]);
    const recoveryCodes = newRecoveryCodes();
    const version = await this.dataSource.transaction(async (manager) => {
      const row = await sqlRow<{ version: number; enabledAt: Date }>(
        manager,
        `UPDATE users SET totp_secret_sealed = totp_pending_sealed, totp_pending_sealed = NULL, totp_enabled_at = now(),
                totp_last_step = $3, token_version = token_version + 1
          WHERE id = $1 AND totp_enabled_at IS NULL AND totp_pending_sealed = $2
          RETURNING token_version AS version, totp_enabled_at AS "enabledAt"`,
        [userId, pending.sealed, step],
      );
      // A second tab confirmed first, or offered a new secret meanwhile: this confirmation changes nothing.
      if (!row) throw new ConflictError('NoEnrolmentPending', 'The offered secret changed meanwhile; start again');
      await sqlExec(manager, `DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
      await sqlExec(manager, `INSERT INTO user_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [
        userId,
        recoveryCodes.map(recoveryCodeHash),
      ]);
      await recordAudit(manager, actor, {
        entity: 'user',
        entityId: userId,
        action: 'enableSecondFactor',
        before: { secondFactorEnabled: false },
        after: { secondFactorEnabled: true, enabledAt: row.enabledAt, recoveryCodes: recoveryCodes.length },
      });
      return row.version;
    });
    return { version, recoveryCodes };
  }

  /**
   * The sign-in's second step for a user with the factor on: a current code (each good once: the step
   * must be later than the last one accepted, claimed by a conditional UPDATE so two requests cannot
   * both spend it) or an unused recovery code (spent by the UPDATE that finds it). True when accepted.
   */
  async accept(userId: string, answer: { code?: string; recoveryCode?: string }): Promise<boolean> {
    if (answer.recoveryCode !== undefined) {
      const spent = await sqlRow<{ id: string }>(
        this.dataSource,
        `UPDATE user_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id::text`,
        [userId, recoveryCodeHash(answer.recoveryCode)],
      );
      return spent !== undefined;
    }
    const row = await sqlRow<{ sealed: string | null; lastStep: string | null }>(
      this.dataSource,
      `SELECT totp_secret_sealed AS sealed, totp_last_step::text AS "lastStep" FROM users WHERE id = $1 AND totp_enabled_at IS NOT NULL`,
      [userId],
    );
    if (!row?.sealed || answer.code === undefined) return false;
    const step = acceptedTotpStep(
      this.cipher.decrypt(row.sealed),
      answer.code,
      row.lastStep === null ? null : Number(row.lastStep),
    );
    if (step === null) return false;
    const claimed = await sqlRow<{ id: string }>(
      this.dataSource,
      `UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
      [userId, step],
    );
    return claimed !== undefined;
  }

  /**
   * An admin's reset (a lost phone): the factor, the pending offer and the recovery codes go, the
   * user's sessions end (version raised); audited. A user whose role requires one enrols again at the
   * next sign-in.
   */
  async reset(userId: string, actor: AuditActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await sqlRow<{ enabledAt: Date | null }>(
        manager,
        `SELECT totp_enabled_at AS "enabledAt" FROM users WHERE id = $1 FOR UPDATE`,
        [userId],
      );
      if (!before) throw new NotFound('User', userId);
      await sqlExec(
        manager,
        `UPDATE users SET totp_secret_sealed = NULL, totp_enabled_at = NULL, totp_pending_sealed = NULL, totp_last_step = NULL,
                token_version = token_version + 1 WHERE id = $1`,
        [userId],
      );
      await sqlExec(manager, `DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
      await recordAudit(manager, actor, {
        entity: 'user',
        entityId: userId,
        action: 'resetSecondFactor',
        before: { secondFactorEnabled: before.enabledAt !== null, enabledAt: before.enabledAt },
        after: { secondFactorEnabled: false },
      });
    });
  }
}
