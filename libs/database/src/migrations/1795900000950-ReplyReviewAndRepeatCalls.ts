/**
 * Issue 18's case work: a department's reply review steps (办结审核), the follow-up link of a case taken
 * on a repeat call (重办 / follow-up), and the statistics figures that count them (reviewReturned,
 * closed, repeatCalled).
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

const FIGURES = ['review_returned', 'closed', 'repeat_called'] as const;

/** The stats_daily key of a facts row in each dimension, as @hotline/stats dimensionKey gives it. */
const DAILY_KEY = `CASE d."dimension"
  WHEN 'department' THEN COALESCE(f."department_id"::text, '') WHEN 'street' THEN COALESCE(f."street_id"::text, '')
  WHEN 'community' THEN COALESCE(f."community_id"::text, '') WHEN 'grid' THEN COALESCE(f."grid_id"::text, '')
  WHEN 'category' THEN f."category_id"::text WHEN 'kind' THEN f."kind" ELSE f."channel" END`;

export class ReplyReviewAndRepeatCalls1795900000950 implements MigrationInterface {
  name = 'ReplyReviewAndRepeatCalls1795900000950';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "departments" ADD "reply_review_lead" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "departments" ADD "reply_review_centre" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "follow_up_of_id" uuid`);
    for (const column of FIGURES) {
      // Facts rows carry no defaults (the projector writes every figure); the backfill below sets them.
      await queryRunner.query(`ALTER TABLE "stats_case_facts" ADD "${column}" boolean NOT NULL DEFAULT false`);
      await queryRunner.query(`ALTER TABLE "stats_case_facts" ALTER COLUMN "${column}" DROP DEFAULT`);
      await queryRunner.query(`ALTER TABLE "stats_daily" ADD "${column}" integer NOT NULL DEFAULT '0'`);
    }
    // Histories recorded before: only `closed` can be true (no review step or repeat call existed), for
    // every case not merged that was ever closed; the rollups get the same count, so rollup = sum of facts.
    await queryRunner.query(
      `UPDATE "stats_case_facts" f SET "closed" = true
        WHERE NOT f."merged" AND EXISTS (SELECT 1 FROM "case_events" e WHERE e."case_id" = f."case_id" AND e."type" = 'closed')`,
    );
    await queryRunner.query(
      `UPDATE "stats_daily" d SET "closed" = (SELECT count(*) FROM "stats_case_facts" f
          WHERE f."closed" AND f."received_day" = d."day" AND ${DAILY_KEY} = d."key")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of [...FIGURES].reverse()) {
      await queryRunner.query(`ALTER TABLE "stats_daily" DROP COLUMN "${column}"`);
      await queryRunner.query(`ALTER TABLE "stats_case_facts" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "follow_up_of_id"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP COLUMN "reply_review_centre"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP COLUMN "reply_review_lead"`);
  }
}
