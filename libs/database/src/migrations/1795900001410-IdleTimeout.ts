/**
 * The idle time-out of sessions (issue 18, 等保 2.0): `security_settings`, one row, audited like every
 * administrative setting (a change cannot commit without its audit_log row, entity `securitySettings`),
 * and a NOTIFY at commit so every API process takes the new value up at once.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdleTimeout1795900001410 implements MigrationInterface {
  name = 'IdleTimeout1795900001410';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "security_settings" ("id" smallint NOT NULL DEFAULT '1', "idle_timeout_seconds" integer NOT NULL DEFAULT '1800', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_security_settings_idle" CHECK ("idle_timeout_seconds" BETWEEN 10 AND 86400), CONSTRAINT "ck_security_settings_single" CHECK ("id" = 1), CONSTRAINT "PK_4aec436cf81177ae97a1bcec3c7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`INSERT INTO "security_settings" (id) VALUES (1)`);
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER audit_required AFTER INSERT OR UPDATE OR DELETE ON "security_settings" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_required('securitySettings', 'id')`,
    );
    await queryRunner.query(`
      CREATE FUNCTION security_settings_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('security_settings', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER security_settings_notify AFTER UPDATE ON "security_settings" FOR EACH STATEMENT EXECUTE FUNCTION security_settings_notify()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "security_settings"`);
    await queryRunner.query(`DROP FUNCTION security_settings_notify()`);
  }
}
