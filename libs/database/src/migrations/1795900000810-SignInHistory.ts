/** Sign-in history (issue 18, 等保 2.0): each sign-in attempt on an existing account, kept as long as the audit trail. */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class SignInHistory1795900000810 implements MigrationInterface {
  name = 'SignInHistory1795900000810';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sign_in_history" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "user_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "outcome" character varying(16) NOT NULL, "address" character varying(100), "user_agent" character varying(300), CONSTRAINT "PK_fd8db696103b5dd1343c9388784" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_sign_in_history_at" ON "sign_in_history" ("at") `);
    await queryRunner.query(`CREATE INDEX "ix_sign_in_history_user_at" ON "sign_in_history" ("user_id", "at") `);
    await queryRunner.query(
      `ALTER TABLE "sign_in_history" ADD CONSTRAINT "FK_6e23cf1b2b40016f3b5ff8bd232" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sign_in_history"`);
  }
}
