/**
 * Imported holiday notices are audited like every other calendar change: an import cannot commit without
 * its audit_log row (the AuditTrail migration's constraint trigger, entity `calendarNotice`, key `year`).
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditCalendarNotices1795900001000 implements MigrationInterface {
  name = 'AuditCalendarNotices1795900001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER audit_required AFTER INSERT OR UPDATE OR DELETE ON "calendar_notices" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_required('calendarNotice', 'year')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_required ON "calendar_notices"`);
  }
}
