/**
 * The enterprise register is administered like the reference data (tracker 18): every create and
 * update of an enterprise commits with its audit row (entity `enterprise`, id the USCC) or not at all.
 * Only the columns an admin changes are watched, so `updated_at` alone never asks for a row.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditEnterprises1795900001800 implements MigrationInterface {
  name = 'AuditEnterprises1795900001800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER audit_required AFTER INSERT OR UPDATE OR DELETE ON "enterprises" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_required('enterprise', 'uscc', 'uscc', 'name', 'industry', 'street_id', 'contact_name_sealed', 'contact_phone_sealed', 'responsible_user_id')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_required ON "enterprises"`);
  }
}
