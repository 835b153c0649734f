/**
 * Open311 as real clients send it (issue 17): every media_url of a request, not only the first; and a
 * case may have no caller phone (FixMyStreet's ordinary reports give an e-mail and no phone).
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class Open311MediaUrls1795900000701 implements MigrationInterface {
  name = 'Open311MediaUrls1795900000701';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "open311_requests" ADD "media_urls" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `UPDATE "open311_requests" SET "media_urls" = ARRAY["media_url"]::text[] WHERE "media_url" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "cases" ALTER COLUMN "caller_phone_sealed" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "cases" ALTER COLUMN "caller_phone_hash" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "open311_requests" DROP COLUMN "media_urls"`);
    await queryRunner.query(`ALTER TABLE "cases" ALTER COLUMN "caller_phone_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "cases" ALTER COLUMN "caller_phone_sealed" SET NOT NULL`);
  }
}
