import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, recordAudit } from '@hotline/audit';
import { hashPassword, passwordProblems, type Role } from '@hotline/auth';
import { SqlConditions, sqlExec, sqlRow, sqlRows } from '@hotline/database';
import { ConflictError, InputInvalid, NotFound, type FieldProblem } from '@hotline/errors';
import { patchedShape, userShapeProblems, type UserShape } from './user-shape';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentCode: string | null;
  departmentName: string | null;
  gridCodes: string[];
  active: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: Date | null;
  secondFactorEnabled: boolean;
  createdAt: Date;
}

export interface SignInRecord {
  at: Date;
  outcome: string;
  address: string | null;
  userAgent: string | null;
}

export interface UserFilters {
  role?: Role;
  department?: string;
  active?: boolean;
}

export interface NewUser extends UserShape {
  username: string;
  displayName: string;
  password: string;
}

export interface UserChange {
  username?: string;
  displayName?: string;
  role?: Role;
  departmentCode?: string | null;
  gridCodes?: string[];
  password?: string;
  active?: boolean;
}

const COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.role, d.code AS "departmentCode",
  d.name AS "departmentName", u.grid_codes AS "gridCodes", u.active, u.must_change_password AS "mustChangePassword",
  u.password_changed_at AS "passwordChangedAt", u.totp_enabled_at IS NOT NULL AS "secondFactorEnabled", u.created_at AS "createdAt"`;
const FROM = `users u LEFT JOIN departments d ON d.id = u.department_id`;

/**
 * Every admin change of users is serialised by this transaction-scoped advisory lock, so that two
 * admins disabling the last two admins at once cannot both see "another admin remains".
 */
const USERS_ADMIN_LOCK = 365_018;

/**
 * User administration (admins): list, read (audited), create, change, disable, reset a password. Each
 * change is checked as a whole, keeps at least one active admin, and commits with its audit row. Sessions
 * end by themselves: the users trigger raises the token version when active, role, department, grids or
 * password change (issue 13), and every process drops its cached state at commit.
 */
@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filters: UserFilters, page: number, pageSize: number) {
    const where = new SqlConditions();
    if (filters.role) where.add((p) => `u.role = ${p(filters.role)}`);
    if (filters.department) where.add((p) => `d.code = ${p(filters.department)}`);
    if (filters.active !== undefined) where.add((p) => `u.active = ${p(filters.active)}`);
    const [{ total }] = await sqlRows<{ total: number }>(
      this.dataSource,
      `SELECT count(*)::int AS total FROM ${FROM} ${where.where()}`,
      where.params,
    );
    const items = await sqlRows<UserRecord>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM ${FROM} ${where.where()} ORDER BY u.username
       LIMIT ${where.p(pageSize)} OFFSET ${where.p((page - 1) * pageSize)}`,
      where.params,
    );
    return { items, total, page, pageSize };
  }

  /** One user's record; the read itself is audited (who looked at whom). */
  async read(id: string, actor: AuditActor): Promise<UserRecord> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.find(manager, id);
      if (!user) throw new NotFound('User', id);
      await recordAudit(manager, actor, { entity: 'user', entityId: id, action: 'read' });
      return user;
    });
  }

  /** A user's sign-in attempts, newest first; the read is audited like a read of the record. */
  async signIns(id: string, page: number, pageSize: number, actor: AuditActor) {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.find(manager, id))) throw new NotFound('User', id);
      const [{ total }] = await sqlRows<{ total: number }>(
        manager,
        `SELECT count(*)::int AS total FROM sign_in_history WHERE user_id = $1`,
        [id],
      );
      const items = await sqlRows<SignInRecord>(
        manager,
        `SELECT at, outcome, address, user_agent AS "userAgent" FROM sign_in_history WHERE user_id = $1
          ORDER BY at DESC, id DESC LIMIT $2 OFFSET $3`,
        [id, pageSize, (page - 1) * pageSize],
      );
      await recordAudit(manager, actor, { entity: 'user', entityId: id, action: 'readSignIns' });
      return { items, total, page, pageSize };
    });
  }

  async create(input: NewUser, actor: AuditActor): Promise<UserRecord> {
    const shape: UserShape = {
      role: input.role,
      departmentCode: input.departmentCode ?? null,
      gridCodes: [...new Set(input.gridCodes)],
    };
    const problems = [...userShapeProblems(shape), ...passwordFieldProblems('password', input.password, input.username)];
    if (problems.length) throw new InputInvalid(problems);
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      await lockUsersAdmin(manager);
      const departmentId = await this.resolveShape(manager, shape);
      const created = await sqlRow<{ id: string }>(
        manager,
        `INSERT INTO users (username, display_name, role, department_id, grid_codes, password_hash, must_change_password)
         VALUES ($1, $2, $3, $4, $5, $6, true) ON CONFLICT (username) DO NOTHING RETURNING id`,
        [input.username, input.displayName, shape.role, departmentId, shape.gridCodes, passwordHash],
      );
      if (!created) throw usernameTaken(input.username);
      const after = (await this.find(manager, created.id))!;
      await recordAudit(manager, actor, { entity: 'user', entityId: after.id, action: 'create', before: null, after });
      return after;
    });
  }

  async update(id: string, change: UserChange, actor: AuditActor): Promise<UserRecord> {
    // Hashed before the lock is taken (scrypt takes tens of milliseconds); checked against the policy below.
    const passwordHash = change.password === undefined ? null : await hashPassword(change.password);
    return this.dataSource.transaction(async (manager) => {
      await lockUsersAdmin(manager);
      const before = await this.find(manager, id, true);
      if (!before) throw new NotFound('User', id);
      const shape = patchedShape(before, change);
      const username = change.username ?? before.username;
      const problems = [
        ...userShapeProblems(shape),
        ...(change.password === undefined ? [] : passwordFieldProblems('password', change.password, username)),
      ];
      if (problems.length) throw new InputInvalid(problems);
      const departmentId = await this.resolveShape(manager, shape);
      const active = change.active ?? before.active;
      if (before.role === 'admin' && before.active && !(shape.role === 'admin' && active)) await this.keepAnAdmin(manager, id);
      if (username !== before.username) {
        const taken = await sqlRow<{ id: string }>(manager, `SELECT id FROM users WHERE username = $1 AND id <> $2`, [
          username,
          id,
        ]);
        if (taken) throw usernameTaken(username);
      }
      await sqlExec(
        manager,
        `UPDATE users SET username = $2, display_name = $3, role = $4, department_id = $5, grid_codes = $6, active = $7,
                password_hash = COALESCE($8, password_hash),
                must_change_password = CASE WHEN $8::text IS NULL THEN must_change_password ELSE true END
          WHERE id = $1`,
        [id, username, change.displayName ?? before.displayName, shape.role, departmentId, shape.gridCodes, active, passwordHash],
      );
      const after = (await this.find(manager, id))!;
      await recordAudit(manager, actor, {
        entity: 'user',
        entityId: id,
        action: actionOf(change),
        before,
        after: passwordHash ? { ...after, passwordReset: true } : after,
      });
      return after;
    });
  }

  private find(manager: EntityManager, id: string, lock = false): Promise<UserRecord | undefined> {
    return sqlRow<UserRecord>(manager, `SELECT ${COLUMNS} FROM ${FROM} WHERE u.id = $1 ${lock ? 'FOR UPDATE OF u' : ''}`, [id]);
  }

  /** The department's id for the shape (400 for an unknown department or grid). */
  private async resolveShape(manager: EntityManager, shape: UserShape): Promise<string | null> {
    const problems: FieldProblem[] = [];
    let departmentId: string | null = null;
    if (shape.departmentCode) {
      const department = await sqlRow<{ id: string }>(manager, `SELECT id FROM departments WHERE code = $1 AND active`, [
        shape.departmentCode,
      ]);
      if (!department) {
        problems.push({ field: 'departmentCode', reason: `no department in service has the code ${shape.departmentCode}` });
      }
      departmentId = department?.id ?? null;
    }
    if (shape.gridCodes.length) {
      const known = await sqlRows<{ code: string }>(manager, `SELECT code FROM grids WHERE code = ANY($1)`, [shape.gridCodes]);
      const unknown = shape.gridCodes.filter((code) => !known.some((k) => k.code === code));
      if (unknown.length) problems.push({ field: 'gridCodes', reason: `unknown grids: ${unknown.join(', ')}` });
    }
    if (problems.length) throw new InputInvalid(problems);
    return departmentId;
  }

  /** 409 when the change would leave no active admin (the lock is held, so the count stays true until commit). */
  private async keepAnAdmin(manager: EntityManager, id: string): Promise<void> {
    const others = await sqlRow<{ n: number }>(
      manager,
      `SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active AND id <> $1`,
      [id],
    );
    if (!others?.n) {
      throw new ConflictError('LastAdmin', 'At least one active admin must remain: this change would leave none');
    }
  }
}

async function lockUsersAdmin(manager: EntityManager): Promise<void> {
  await sqlExec(manager, `SELECT pg_advisory_xact_lock($1)`, [USERS_ADMIN_LOCK]);
}

function passwordFieldProblems(field: string, password: string, username: string): FieldProblem[] {
  return passwordProblems(password, username).map((reason) => ({ field, reason }));
}

function usernameTaken(username: string): ConflictError {
  return new ConflictError('UsernameTaken', `A user named ${username} already exists`);
}

/** The audit action: named for a change of one kind (disable, enable, password reset), else `update`. */
function actionOf(change: UserChange): string {
  const fields = Object.keys(change).filter((k) => change[k as keyof UserChange] !== undefined);
  if (fields.length === 1 && fields[0] === 'active') return change.active ? 'enable' : 'disable';
  if (fields.length === 1 && fields[0] === 'password') return 'resetPassword';
  return 'update';
}
