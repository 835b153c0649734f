import { MigrationInterface, QueryRunner } from 'typeorm';

export class Stats1795320000005 implements MigrationInterface {
  name = 'Stats1795320000005';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "stats_case_facts" ("case_id" uuid NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_day" date NOT NULL, "department_id" uuid, "street_id" uuid, "community_id" uuid, "grid_id" uuid, "category_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "channel" character varying(32) NOT NULL, "dispatched" boolean NOT NULL, "accepted_on_time" boolean NOT NULL, "replied" boolean NOT NULL, "replied_on_time" boolean NOT NULL, "called_back" boolean NOT NULL, "satisfied" boolean NOT NULL, "solved" boolean NOT NULL, "returned" boolean NOT NULL, "reopened" boolean NOT NULL, "extended" boolean NOT NULL, "merged" boolean NOT NULL, "direct_answered" boolean NOT NULL, "handling_ms" bigint, "last_event_id" bigint NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9b7dacf39e3f7b81dd2a9a97b35" PRIMARY KEY ("case_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_stats_case_facts_received_at" ON "stats_case_facts" ("received_at") `);
    await queryRunner.query(
      `CREATE TABLE "stats_daily" ("dimension" character varying(16) NOT NULL, "day" date NOT NULL, "key" character varying(64) NOT NULL, "received" integer NOT NULL DEFAULT '0', "dispatched" integer NOT NULL DEFAULT '0', "accepted_on_time" integer NOT NULL DEFAULT '0', "replied" integer NOT NULL DEFAULT '0', "replied_on_time" integer NOT NULL DEFAULT '0', "called_back" integer NOT NULL DEFAULT '0', "satisfied" integer NOT NULL DEFAULT '0', "solved" integer NOT NULL DEFAULT '0', "returned" integer NOT NULL DEFAULT '0', "reopened" integer NOT NULL DEFAULT '0', "extended" integer NOT NULL DEFAULT '0', "merged" integer NOT NULL DEFAULT '0', "direct_answered" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_479c3a196eea5a40f3ae9f067fe" PRIMARY KEY ("dimension", "day", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "stats_settings" ("key" character varying(64) NOT NULL, "value" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5884228d6d5e63a35e7f08cd4e5" PRIMARY KEY ("key"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "stats_settings"`);
    await queryRunner.query(`DROP TABLE "stats_daily"`);
    await queryRunner.query(`DROP INDEX "public"."ix_stats_case_facts_received_at"`);
    await queryRunner.query(`DROP TABLE "stats_case_facts"`);
  }
}
