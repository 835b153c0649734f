/**
 * A department's reply review switches (办结审核) are administrative settings: audited like the webhook,
 * a change of either column cannot commit without its audit_log row (entity `departmentReviewSettings`).
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditReviewSettings1795900001010 implements MigrationInterface {
  name = 'AuditReviewSettings1795900001010';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER audit_required_review_settings AFTER UPDATE ON "departments" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_required('departmentReviewSettings', 'code', 'reply_review_lead', 'reply_review_centre')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_required_review_settings ON "departments"`);
  }
}
