/**
 * Issue 24's clocks that pause, and the calendar a package update may change:
 * - `case_suspensions`: 挂起 requests and their life (pending → refused | active → ended; a pending or
 *   active one lapses when its stage ends otherwise). While active the stage's deadline row is ended and
 *   the working time it had left is kept here to the millisecond; at most one open (pending or active)
 *   per case. `resume_by` is the policy's maximum: the sweep resumes what a lost timer left suspended.
 * - `calendar_snapshot`: the statutory calendar (package, prediction, law) the running deadlines were
 *   computed with, as the days of a window that differ from Monday–Friday; a worker starting with a
 *   different package compares and moves the deadlines the changed days touch.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class SuspensionsAndCalendarSnapshot1795900001600 implements MigrationInterface {
  name = 'SuspensionsAndCalendarSnapshot1795900001600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_suspensions" (
         "id" uuid NOT NULL DEFAULT gen_random_uuid(),
         "case_id" uuid NOT NULL REFERENCES "cases" ("id") ON DELETE CASCADE,
         "stage" character varying(16) NOT NULL,
         "reason" character varying(32) NOT NULL,
         "note" text NOT NULL,
         "status" character varying(16) NOT NULL,
         "requested_by" uuid REFERENCES "users" ("id"),
         "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         "decided_by" uuid REFERENCES "users" ("id"),
         "decided_at" TIMESTAMP WITH TIME ZONE,
         "decision_note" text,
         "suspended_at" TIMESTAMP WITH TIME ZONE,
         "resume_by" TIMESTAMP WITH TIME ZONE,
         "remaining_ms" bigint,
         "warn_remaining_ms" bigint,
         "resumed_at" TIMESTAMP WITH TIME ZONE,
         "resumed_by" uuid REFERENCES "users" ("id"),
         "resume_cause" character varying(16),
         CONSTRAINT "PK_case_suspensions" PRIMARY KEY ("id"),
         CONSTRAINT "ck_case_suspensions_status" CHECK ("status" IN ('pending', 'refused', 'active', 'ended', 'lapsed'))
       )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_case_suspensions_open" ON "case_suspensions" ("case_id") WHERE status IN ('pending', 'active')`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_suspensions_case" ON "case_suspensions" ("case_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_case_suspensions_resume_by" ON "case_suspensions" ("resume_by") WHERE status = 'active'`,
    );
    await queryRunner.query(
      `CREATE TABLE "calendar_snapshot" (
         "id" smallint NOT NULL DEFAULT 1,
         "window_from" date NOT NULL,
         "window_to" date NOT NULL,
         "exceptions" jsonb NOT NULL,
         "fingerprint" character varying(64) NOT NULL,
         "taken_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "PK_calendar_snapshot" PRIMARY KEY ("id"),
         CONSTRAINT "ck_calendar_snapshot_one" CHECK ("id" = 1)
       )`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_snapshot"`);
    await queryRunner.query(`DROP TABLE "case_suspensions"`);
  }
}
