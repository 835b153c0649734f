import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys for intake: a retried or double-clicked submit with the same key returns the case
 * the first one created. Raw SQL only (no entity): the table is written and read by the intake service.
 */
export class IntakeIdempotency1795314140000 implements MigrationInterface {
  name = 'IntakeIdempotency1795314140000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "intake_idempotency" (
        "user_id" uuid NOT NULL,
        "key" character varying(100) NOT NULL,
        "request_hash" character(64) NOT NULL,
        "case_id" uuid REFERENCES "cases"("id") ON DELETE CASCADE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_intake_idempotency" PRIMARY KEY ("user_id", "key")
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "intake_idempotency"`);
  }
}
