import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AuditActor, recordAudit } from '@hotline/audit';
import { sqlRow } from '@hotline/database';
import { NotFound } from '@hotline/errors';

/** A department's reply review steps (办结审核), as the admin sets them. */
export interface ReviewSettings {
  department: string;
  /** Every reply first waits for the department lead's approval. */
  leadApproval: boolean;
  /** Every reply then waits for the centre's review (supervisors) before the callback. */
  centreReview: boolean;
}

/**
 * Reads and sets `departments.reply_review_lead / _centre`. Transitions read the columns with the case
 * (no cache), so a change applies to the next reply in every process; replies already waiting in a
 * review step finish that step as they started.
 */
@Injectable()
export class ReviewSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(code: string): Promise<ReviewSettings> {
    const row = await sqlRow<ReviewSettings>(
      this.dataSource,
      `SELECT code AS department, reply_review_lead AS "leadApproval", reply_review_centre AS "centreReview"
         FROM departments WHERE code = $1`,
      [code],
    );
    if (!row) throw new NotFound('Department', code);
    return row;
  }

  /** Sets both switches, audited (who, before, after) in the same transaction. */
  async set(code: string, settings: Omit<ReviewSettings, 'department'>, actor: AuditActor): Promise<ReviewSettings> {
    return this.dataSource.transaction(async (manager) => {
      const before = await sqlRow<ReviewSettings>(
        manager,
        `SELECT code AS department, reply_review_lead AS "leadApproval", reply_review_centre AS "centreReview"
           FROM departments WHERE code = $1 FOR UPDATE`,
        [code],
      );
      if (!before) throw new NotFound('Department', code);
      const row = (await sqlRow<ReviewSettings>(
        manager,
        `UPDATE departments SET reply_review_lead = $2, reply_review_centre = $3 WHERE code = $1
         RETURNING code AS department, reply_review_lead AS "leadApproval", reply_review_centre AS "centreReview"`,
        [code, settings.leadApproval, settings.centreReview],
      ))!;
      await recordAudit(manager, actor, {
        entity: 'departmentReviewSettings',
        entityId: code,
        action: 'set',
        before,
        after: row,
      });
      return row;
    });
  }
}
