import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
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

  // TODO(issue 18, audit trail): record this administrative change in the one audit table once it exists.
  async set(code: string, settings: Omit<ReviewSettings, 'department'>): Promise<ReviewSettings> {
    const row = await sqlRow<ReviewSettings>(
      this.dataSource,
      `UPDATE departments SET reply_review_lead = $2, reply_review_centre = $3 WHERE code = $1
       RETURNING code AS department, reply_review_lead AS "leadApproval", reply_review_centre AS "centreReview"`,
      [code, settings.leadApproval, settings.centreReview],
    );
    if (!row) throw new NotFound('Department', code);
    return row;
  }
}
