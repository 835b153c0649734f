/**
 * The Open311 test endpoint (issue 17, discovery's `test` entry): the requests it takes are kept in their
 * own table, never among the cases, so a client's trials reach no department and no figure.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class Open311TestEndpoint1795900001210 implements MigrationInterface {
  name = 'Open311TestEndpoint1795900001210';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "open311_test_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_request_id" character varying(32) NOT NULL, "token" character varying(64) NOT NULL, "client_id" uuid NOT NULL, "service_code" character varying(100) NOT NULL, "description" text NOT NULL, "address" character varying(500) NOT NULL, "lat" double precision, "lng" double precision, "grid_code" character varying(64), "media_url" character varying(2000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_adb2bca4db5e7531dd80fc4e456" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_open311_test_requests_request_id" ON "open311_test_requests" ("service_request_id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_open311_test_requests_token" ON "open311_test_requests" ("token") `);
    await queryRunner.query(`CREATE INDEX "ix_open311_test_requests_created" ON "open311_test_requests" ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "open311_test_requests"`);
  }
}
