/**
 * Sessions that end (issue 13): `users.token_version`, raised by the database itself whenever what a
 * token vouches for changes (active, role, department, grids, password), whatever path changes it
 * (the API, an admin tool, a hand-written UPDATE). Grids are the `grid_codes` column of users, so one
 * trigger covers them. A raise NOTIFYs `user_sessions` with the user's id, delivered at commit, so
 * every API process drops its cached copy; a deletion does too. Lowering the version is ignored: an old
 * token must never come back to life.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionVersions1795900000100 implements MigrationInterface {
  name = 'SessionVersions1795900000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`
            CREATE FUNCTION users_raise_token_version() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              NEW.token_version := GREATEST(NEW.token_version, OLD.token_version + (
                NEW.active IS DISTINCT FROM OLD.active
                OR NEW.role IS DISTINCT FROM OLD.role
                OR NEW.department_id IS DISTINCT FROM OLD.department_id
                OR NEW.grid_codes IS DISTINCT FROM OLD.grid_codes
                OR NEW.password_hash IS DISTINCT FROM OLD.password_hash)::int);
              RETURN NEW;
            END $$`);
    await queryRunner.query(
      `CREATE TRIGGER users_raise_token_version BEFORE UPDATE ON "users" FOR EACH ROW EXECUTE FUNCTION users_raise_token_version()`,
    );
    await queryRunner.query(`
            CREATE FUNCTION users_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM pg_notify('user_sessions', OLD.id::text);
              RETURN NULL;
            END $$`);
    await queryRunner.query(
      `CREATE TRIGGER users_sessions_changed AFTER UPDATE ON "users" FOR EACH ROW WHEN (NEW.token_version <> OLD.token_version) EXECUTE FUNCTION users_sessions_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER users_sessions_deleted AFTER DELETE ON "users" FOR EACH ROW EXECUTE FUNCTION users_sessions_changed()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER users_sessions_deleted ON "users"`);
    await queryRunner.query(`DROP TRIGGER users_sessions_changed ON "users"`);
    await queryRunner.query(`DROP FUNCTION users_sessions_changed()`);
    await queryRunner.query(`DROP TRIGGER users_raise_token_version ON "users"`);
    await queryRunner.query(`DROP FUNCTION users_raise_token_version()`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
  }
}
