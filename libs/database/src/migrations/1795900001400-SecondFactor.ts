/**
 * The second factor (issue 18, 等保 2.0): a TOTP secret per user (sealed), the step of the last code
 * accepted (no replay), and one-time recovery codes stored hashed. Turning the factor on or off (a
 * confirmed enrolment, an admin's reset) is an administrative change of the user: like the user's other
 * audited columns, it cannot commit without its audit_log row (entity `user`). The last step moves at
 * every sign-in and is not audited.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class SecondFactor1795900001400 implements MigrationInterface {
  name = 'SecondFactor1795900001400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_secret_sealed" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_enabled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_pending_sealed" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_last_step" bigint`);
    await queryRunner.query(
      `CREATE TABLE "user_recovery_codes" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "user_id" uuid NOT NULL, "code_hash" character varying(64) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_411939add58ed0eceffd39973cf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_recovery_codes" ON "user_recovery_codes" ("user_id", "code_hash") `);
    await queryRunner.query(
      `ALTER TABLE "user_recovery_codes" ADD CONSTRAINT "FK_f659216e26d0ef1238379cbf40c" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER audit_required_second_factor AFTER UPDATE ON "users" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_required('user', 'id', 'totp_secret_sealed', 'totp_enabled_at')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_required_second_factor ON "users"`);
    await queryRunner.query(`DROP TABLE "user_recovery_codes"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_last_step"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_pending_sealed"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_enabled_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_secret_sealed"`);
  }
}
