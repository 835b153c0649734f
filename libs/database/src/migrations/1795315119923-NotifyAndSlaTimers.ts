import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotifyAndSlaTimers1795315119923 implements MigrationInterface {
  name = 'NotifyAndSlaTimers1795315119923';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid, "type" character varying(40) NOT NULL, "recipient_department_id" uuid, "recipient_role" character varying(32), "recipient_user_id" uuid, "title" character varying(200) NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "channel" character varying(16), "delivered_at" TIMESTAMP WITH TIME ZONE, "delivery_attempts" integer NOT NULL DEFAULT '0', "last_error" character varying(500), "read_at" TIMESTAMP WITH TIME ZONE, "read_by_id" uuid, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_notifications_case" ON "notifications" ("case_id") `);
    await queryRunner.query(`CREATE INDEX "ix_notifications_user" ON "notifications" ("recipient_user_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_notifications_role" ON "notifications" ("recipient_role", "created_at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_department" ON "notifications" ("recipient_department_id", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "departments" ADD "webhook_secret_sealed" text`);
    await queryRunner.query(`ALTER TABLE "case_deadlines" ADD "warned_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD "action" character varying(8) NOT NULL DEFAULT 'add'`);
    await queryRunner.query(
      `CREATE INDEX "ix_case_deadlines_due_warning" ON "case_deadlines" ("warn_at") WHERE ended_at IS NULL AND warned_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_case_deadlines_due_breach" ON "case_deadlines" ("deadline") WHERE ended_at IS NULL AND breached_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_63e5f2b81ae561b30d23c1ab6e6" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_63e5f2b81ae561b30d23c1ab6e6"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_deadlines_due_breach"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_deadlines_due_warning"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "action"`);
    await queryRunner.query(`ALTER TABLE "case_deadlines" DROP COLUMN "warned_at"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP COLUMN "webhook_secret_sealed"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_department"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_role"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_case"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
