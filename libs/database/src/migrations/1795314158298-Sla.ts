import { MigrationInterface, QueryRunner } from 'typeorm';

export class Sla1795314158298 implements MigrationInterface {
  name = 'Sla1795314158298';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_deadlines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "stage" character varying(16) NOT NULL, "policy_code" character varying(64) NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "warn_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" character varying(32) NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "breached_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aeec36818e0bdee31a82bcbfaed" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_case_deadlines_stage_deadline" ON "case_deadlines" ("case_id", "stage", "deadline") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sla_policies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "definition" jsonb NOT NULL, "active" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_41b6803cef982534243a67b6302" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_sla_policies_code" ON "sla_policies" ("code") `);
    await queryRunner.query(
      `CREATE TABLE "holiday_overrides" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "date" date NOT NULL, "working" boolean NOT NULL, "note" character varying(500) NOT NULL DEFAULT '', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8c54844af87dc7d8fcee77ab488" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_holiday_overrides_date" ON "holiday_overrides" ("date") `);
    await queryRunner.query(`ALTER TABLE "cases" ADD "sla_stage" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "sla_deadline" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "sla_warn_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "ix_cases_sla_deadline" ON "cases" ("sla_deadline") `);
    await queryRunner.query(
      `ALTER TABLE "case_deadlines" ADD CONSTRAINT "FK_e505ff22868e5dc0bda6a70e6be" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_deadlines" DROP CONSTRAINT "FK_e505ff22868e5dc0bda6a70e6be"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_sla_deadline"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "sla_warn_at"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "sla_deadline"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "sla_stage"`);
    await queryRunner.query(`DROP INDEX "public"."uq_holiday_overrides_date"`);
    await queryRunner.query(`DROP TABLE "holiday_overrides"`);
    await queryRunner.query(`DROP INDEX "public"."uq_sla_policies_code"`);
    await queryRunner.query(`DROP TABLE "sla_policies"`);
    await queryRunner.query(`DROP INDEX "public"."uq_case_deadlines_stage_deadline"`);
    await queryRunner.query(`DROP TABLE "case_deadlines"`);
  }
}
