/**
 * The State Council's notices an administrator imported (issue 24): one per year, the text as pasted and
 * the days it was read into, with who imported it and when. They rank as that year's official
 * arrangement in every process's working calendar (loaded with the SLA settings).
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarNotices1795900000400 implements MigrationInterface {
  name = 'CalendarNotices1795900000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_notices" (
         "year" integer NOT NULL,
         "text" text NOT NULL,
         "days_off" jsonb NOT NULL,
         "working_days" jsonb NOT NULL,
         "imported_by" uuid REFERENCES "users" ("id"),
         "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "PK_calendar_notices" PRIMARY KEY ("year"),
         CONSTRAINT "ck_calendar_notices_year" CHECK ("year" BETWEEN 2000 AND 2200)
       )`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_notices"`);
  }
}
