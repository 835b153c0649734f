/** Settings acknowledged (issue 12): one row counting the changes of the cached settings (SLA policies, holiday overrides). */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class SettingsVersion1795900000300 implements MigrationInterface {
  name = 'SettingsVersion1795900000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "settings_version" ("id" smallint NOT NULL DEFAULT '1', "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_settings_version_single_row" CHECK ("id" = 1), CONSTRAINT "PK_11e692f94cf197b408a0043a6fb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`INSERT INTO "settings_version" ("id", "version") VALUES (1, 1)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "settings_version"`);
  }
}
