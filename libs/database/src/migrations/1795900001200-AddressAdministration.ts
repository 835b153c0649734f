/**
 * Admins add, correct and retire register addresses (issue 17): each change of an address cannot commit
 * without its audit_log row (the AuditTrail migration's constraint trigger, entity `address`, key `id`),
 * counting only what an address is (not the derived search terms or `updated_at`).
 * `edited_at` marks an address an admin has written: seeding never overwrites it again.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

const WATCHED = ['code', 'kind', 'label', 'aliases', 'parent_id', 'grid_id', 'lat', 'lng', 'retired_at'];

export class AddressAdministration1795900001200 implements MigrationInterface {
  name = 'AddressAdministration1795900001200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "addresses" ADD "edited_at" TIMESTAMP WITH TIME ZONE`);
    const args = ['address', 'id', ...WATCHED].map((a) => `'${a}'`).join(', ');
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER audit_required AFTER INSERT OR UPDATE OR DELETE ON "addresses" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_required(${args})`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_required ON "addresses"`);
    await queryRunner.query(`ALTER TABLE "addresses" DROP COLUMN "edited_at"`);
  }
}
