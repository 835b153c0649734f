import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AuditActor, recordAudit } from '@hotline/audit';
import type { AuthUser } from '@hotline/auth';
import { AccessDenied } from '@hotline/errors';
import { PersonalDataCipher } from '@hotline/privacy';
import { CaseQueryService } from './case-query.service';
import { callerVisibilityFor } from './case-visibility';

/** The caller in full, as a reveal answers it. */
export interface RevealedCaller {
  caseNo: string;
  name: string;
  phone: string | null;
}

/**
 * A reveal (先行联系: a department calls the citizen first): the caller's name and phone in full for a
 * viewer who normally sees them masked, with a reason, each one written to the audit trail (who, when,
 * which case, why; never the data itself) in the same transaction as it is read. A confidential case
 * (举报) is refused to anyone outside the centre: its caller stays hidden whatever the reason.
 */
@Injectable()
export class CaseRevealService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly query: CaseQueryService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async reveal(id: string, viewer: AuthUser, reason: string, actor: AuditActor): Promise<RevealedCaller> {
    const { row } = await this.query.loadVisibleRow(id, viewer);
    const visibility = callerVisibilityFor(viewer, row.confidential);
    if (visibility === 'hidden') {
      throw new AccessDenied(
        `Case ${row.caseNo} is confidential: its caller is not revealed outside the centre`,
        'CallerConfidential',
      );
    }
    const caller: RevealedCaller = {
      caseNo: row.caseNo,
      name: this.cipher.decrypt(row.callerNameSealed),
      phone: row.callerPhoneSealed === null ? null : this.cipher.decrypt(row.callerPhoneSealed),
    };
    await this.dataSource.transaction((manager) =>
      recordAudit(manager, actor, {
        entity: 'caseCaller',
        entityId: row.id,
        action: 'reveal',
        after: { caseNo: row.caseNo, fields: ['name', 'phone'], reason, visibility },
      }),
    );
    return caller;
  }
}
