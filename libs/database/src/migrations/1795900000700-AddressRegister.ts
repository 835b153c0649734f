/** 标准地址库 (issue 17): the district's address register, searchable by stored Chinese search terms. */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddressRegister1795900000700 implements MigrationInterface {
  name = 'AddressRegister1795900000700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "addresses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(80) NOT NULL, "kind" character varying(16) NOT NULL, "label" character varying(200) NOT NULL, "aliases" text array NOT NULL DEFAULT '{}', "parent_id" uuid, "grid_id" uuid NOT NULL, "lat" double precision NOT NULL, "lng" double precision NOT NULL, "search_terms" text array NOT NULL, "match_keys" text array NOT NULL DEFAULT '{}', "retired_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_745d8f43d3af10ab8247465e450" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_addresses_code" ON "addresses" ("code") `);
    await queryRunner.query(`CREATE INDEX "ix_addresses_grid" ON "addresses" ("grid_id") `);
    await queryRunner.query(
      `ALTER TABLE "addresses" ADD CONSTRAINT "FK_d9f8e535cd13f444836fa6bc035" FOREIGN KEY ("parent_id") REFERENCES "addresses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "addresses" ADD CONSTRAINT "FK_a472d5f4aa438b5513b0a31591a" FOREIGN KEY ("grid_id") REFERENCES "grids"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Not expressible in entity metadata: GIN over the stored terms, live addresses only. fastupdate off:
    // the register changes rarely, and a pending list would make searches slower until the next vacuum.
    await queryRunner.query(
      `CREATE INDEX "ix_addresses_search_terms" ON "addresses" USING GIN ("search_terms") WITH (fastupdate = off) WHERE "retired_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_addresses_match_keys" ON "addresses" USING GIN ("match_keys") WITH (fastupdate = off) WHERE "retired_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "addresses"`);
  }
}
