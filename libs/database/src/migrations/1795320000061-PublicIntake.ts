/** Public intake (issue 6): Open311 clients, requests and service attributes; the enterprise register and its cases. */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicIntake1795320000061 implements MigrationInterface {
  name = 'PublicIntake1795320000061';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "enterprises" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "uscc" character(18) NOT NULL, "name" character varying(200) NOT NULL, "industry" character varying(40) NOT NULL, "street_id" uuid, "contact_name_sealed" text NOT NULL, "contact_phone_sealed" text NOT NULL, "responsible_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a019e9afe6517b4f2a4588f2cce" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_enterprises_uscc" ON "enterprises" ("uscc") `);
    await queryRunner.query(`CREATE INDEX "ix_enterprises_street" ON "enterprises" ("street_id") `);
    await queryRunner.query(`CREATE INDEX "ix_enterprises_responsible_user" ON "enterprises" ("responsible_user_id") `);
    await queryRunner.query(
      `CREATE TABLE "enterprise_cases" ("case_id" uuid NOT NULL, "enterprise_id" uuid NOT NULL, CONSTRAINT "PK_c82a84e8c7fe0861b7716468849" PRIMARY KEY ("case_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_enterprise_cases_enterprise" ON "enterprise_cases" ("enterprise_id") `);
    await queryRunner.query(
      `CREATE TABLE "open311_clients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(24) NOT NULL, "name" character varying(100) NOT NULL, "api_key_hash" character(64) NOT NULL, "key_prefix" character varying(8) NOT NULL, "rate_limit_per_minute" integer NOT NULL DEFAULT '60', "active" boolean NOT NULL DEFAULT true, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_33b21078ec27d11a3aec027d57b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_open311_clients_code" ON "open311_clients" ("code") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_open311_clients_key_hash" ON "open311_clients" ("api_key_hash") `);
    await queryRunner.query(
      `CREATE TABLE "open311_requests" ("case_id" uuid NOT NULL, "client_id" uuid NOT NULL, "token" character varying(64) NOT NULL, "attributes" jsonb NOT NULL DEFAULT '{}', "account_id" character varying(100), "email_sealed" text, "device_id_sealed" text, "address_id" character varying(64), "media_url" character varying(2000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b2c364297ea240455d3daf728e8" PRIMARY KEY ("case_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_open311_requests_client" ON "open311_requests" ("client_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_open311_requests_token" ON "open311_requests" ("token") `);
    await queryRunner.query(
      `CREATE TABLE "service_attributes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "category_code" character varying(80) NOT NULL, "code" character varying(64) NOT NULL, "datatype" character varying(16) NOT NULL, "required" boolean NOT NULL DEFAULT false, "description" character varying(300) NOT NULL, "datatype_description" character varying(300), "sort_order" integer NOT NULL, "values" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "PK_892ef4f4b011cf132e25adf7a46" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_service_attributes_category_code" ON "service_attributes" ("category_code", "code") `,
    );
    await queryRunner.query(
      `ALTER TABLE "enterprises" ADD CONSTRAINT "FK_5ac6b5017fbb69e82f2fe9d5931" FOREIGN KEY ("street_id") REFERENCES "streets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enterprises" ADD CONSTRAINT "FK_802d4a0bc13cb5e676f9a8e1553" FOREIGN KEY ("responsible_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enterprise_cases" ADD CONSTRAINT "FK_c82a84e8c7fe0861b7716468849" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enterprise_cases" ADD CONSTRAINT "FK_3d318fc1f933e085fcb091eef4b" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "open311_requests" ADD CONSTRAINT "FK_b2c364297ea240455d3daf728e8" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "open311_requests" ADD CONSTRAINT "FK_c75acb11140867544200af46964" FOREIGN KEY ("client_id") REFERENCES "open311_clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "open311_requests" DROP CONSTRAINT "FK_c75acb11140867544200af46964"`);
    await queryRunner.query(`ALTER TABLE "open311_requests" DROP CONSTRAINT "FK_b2c364297ea240455d3daf728e8"`);
    await queryRunner.query(`ALTER TABLE "enterprise_cases" DROP CONSTRAINT "FK_3d318fc1f933e085fcb091eef4b"`);
    await queryRunner.query(`ALTER TABLE "enterprise_cases" DROP CONSTRAINT "FK_c82a84e8c7fe0861b7716468849"`);
    await queryRunner.query(`ALTER TABLE "enterprises" DROP CONSTRAINT "FK_802d4a0bc13cb5e676f9a8e1553"`);
    await queryRunner.query(`ALTER TABLE "enterprises" DROP CONSTRAINT "FK_5ac6b5017fbb69e82f2fe9d5931"`);
    await queryRunner.query(`DROP INDEX "public"."uq_service_attributes_category_code"`);
    await queryRunner.query(`DROP TABLE "service_attributes"`);
    await queryRunner.query(`DROP INDEX "public"."uq_open311_requests_token"`);
    await queryRunner.query(`DROP INDEX "public"."ix_open311_requests_client"`);
    await queryRunner.query(`DROP TABLE "open311_requests"`);
    await queryRunner.query(`DROP INDEX "public"."uq_open311_clients_key_hash"`);
    await queryRunner.query(`DROP INDEX "public"."uq_open311_clients_code"`);
    await queryRunner.query(`DROP TABLE "open311_clients"`);
    await queryRunner.query(`DROP INDEX "public"."ix_enterprise_cases_enterprise"`);
    await queryRunner.query(`DROP TABLE "enterprise_cases"`);
    await queryRunner.query(`DROP INDEX "public"."ix_enterprises_responsible_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_enterprises_street"`);
    await queryRunner.query(`DROP INDEX "public"."uq_enterprises_uscc"`);
    await queryRunner.query(`DROP TABLE "enterprises"`);
  }
}
