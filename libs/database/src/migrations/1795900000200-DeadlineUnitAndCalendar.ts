/** Issue 14: each stage deadline records its unit (time left counts in it) and where its days came from. */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadlineUnitAndCalendar1795900000200 implements MigrationInterface {
  name = 'DeadlineUnitAndCalendar1795900000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_deadlines" ADD "unit" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "case_deadlines" ADD "calendar" character varying(16)`);
    // Deadlines set before: the unit their policy gives the stage (an extension keeps the reply stage's).
    // Where their days came from was not recorded and stays NULL.
    await queryRunner.query(
      `UPDATE "case_deadlines" d SET "unit" = p."definition" -> d."stage" ->> 'unit' FROM "sla_policies" p WHERE p."code" = d."policy_code"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_deadlines" DROP COLUMN "calendar"`);
    await queryRunner.query(`ALTER TABLE "case_deadlines" DROP COLUMN "unit"`);
  }
}
