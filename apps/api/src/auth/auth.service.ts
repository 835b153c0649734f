import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuthUser, Role, verifyPassword } from '@hotline/auth';
import { Unauthenticated } from '@hotline/errors';

/** After this many wrong passwords in a row the account is locked for LOCK_MINUTES. */
const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;

interface LoginRow extends Omit<AuthUser, 'role'> {
  role: string;
  passwordHash: string;
  active: boolean;
  lockedUntil: Date | null;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
  ) {}

  /** Verifies a password and issues a signed access token. One message for every failure, so nobody can probe usernames. */
  async login(username: string, password: string): Promise<{ accessToken: string; user: AuthUser }> {
    const [row] = await this.dataSource.query<LoginRow[]>(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.department_id AS "departmentId",
              d.code AS "departmentCode", u.grid_codes AS "gridCodes", u.password_hash AS "passwordHash",
              u.active, u.locked_until AS "lockedUntil"
         FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.username = $1`,
      [username],
    );
    const refused = new Unauthenticated('Wrong username or password', 'LoginFailed');
    if (!row || !row.active) throw refused;
    if (row.lockedUntil && new Date(row.lockedUntil) > new Date()) {
      throw new Unauthenticated('Too many failed sign-ins; the account is locked for a while', 'AccountLocked');
    }
    if (!(await verifyPassword(password, row.passwordHash))) {
      await this.dataSource.query(
        `UPDATE users SET failed_logins = failed_logins + 1,
                locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
          WHERE id = $1`,
        [row.id, MAX_FAILED_LOGINS, LOCK_MINUTES],
      );
      throw refused;
    }
    await this.dataSource.query(`UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1 AND failed_logins > 0`, [row.id]);
    const user: AuthUser = {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      role: row.role as Role,
      departmentId: row.departmentId,
      departmentCode: row.departmentCode,
      gridCodes: row.gridCodes,
    };
    const { id, ...claims } = user;
    const accessToken = await this.jwt.signAsync({ sub: id, ...claims });
    return { accessToken, user };
  }
}
