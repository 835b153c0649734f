import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@hotline/errors';
import { maskPersonalData, normalizePhone, PersonalDataCipher } from '@hotline/privacy';
import { ReferenceDataService } from '@hotline/reference';
import { slaViewOf, type CaseRow, type SlaState } from '../query/case-view';
import { sqlRow, sqlRows } from '@hotline/database';
import { publishedReplyCondition } from './published-reply';

/** What a citizen may read about their case: nothing personal, nobody's name or phone. */
/** A case on the way from the one asked about to the one handling it. */
interface MergeHop {
  id: string;
  caseNo: string;
  mergedIntoId: string | null;
}

/** The case asked about, with what proves its caller. */
type OwnCaseRow = MergeHop & { receivedAt: Date; phoneSealed: string | null; phoneHash: string | null; confidential: boolean };

type StatusRow = Pick<CaseRow, 'status' | 'leadDepartmentId' | 'slaStage' | 'slaDeadline' | 'slaWarnAt' | 'slaDeadlines'> & {
  /** json_build_object: the time comes as an ISO string. */
  reply: { text: string | null; at: string } | null;
};

export interface PublicCaseStatus {
  caseNo: string;
  /** Our status of the case being handled: for a merged case, the status of the case it was merged into. */
  status: string;
  /** The case this one was merged into (重复件), whose handling it now shares. */
  mergedInto: string | null;
  receivedAt: Date;
  department: { code: string; name: string } | null;
  deadlines: {
    /** The running stage (accept, reply, callback) and how it stands. */
    current: { stage: string; deadline: Date; state: SlaState } | null;
    /** When the department must answer (办结): the latest reply deadline, extensions included. */
    reply: Date | null;
  };
  /** The department's answer (办结答复 or the operator's direct answer), once given; phone, ID and e-mail masked. */
  reply: { text: string; at: Date } | null;
}

/**
 * How a citizen shows the case is theirs: the last four digits of the phone they gave, or the whole
 * number. A confidential case (举报) needs the whole number: departments see other cases' callers
 * masked as 138****5678, so four digits would let them test whether a report came from that caller.
 */
export type CaseOwnerProof = { phoneLast4: string } | { phone: string };

/** One answer for an unknown number and for wrong digits, so the endpoint cannot confirm a number exists. */
export class CaseStatusNotFound extends DomainError {
  constructor() {
    super('notFound', 'CaseNotFound', 'No case matches this case number and these phone digits');
  }
}

const MAX_MERGE_HOPS = 8;

@Injectable()
export class PublicCaseStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async lookUp(caseNo: string, proof: CaseOwnerProof): Promise<PublicCaseStatus> {
    const own = await sqlRow<OwnCaseRow>(
      this.dataSource,
      `SELECT id, case_no AS "caseNo", received_at AS "receivedAt", caller_phone_sealed AS "phoneSealed",
              caller_phone_hash AS "phoneHash", confidential, merged_into_id AS "mergedIntoId"
         FROM cases WHERE case_no = $1`,
      [caseNo],
    );
    // A case without a phone has nothing a caller could prove it by: it is not found here.
    if (
      !own ||
      own.phoneSealed === null ||
      own.phoneHash === null ||
      !this.proves({ ...own, phoneSealed: own.phoneSealed, phoneHash: own.phoneHash }, proof)
    )
      throw new CaseStatusNotFound();

    // A merged case follows the case it was merged into (which may itself have been merged later).
    let handling: MergeHop = own;
    for (let hop = 0; handling.mergedIntoId && hop < MAX_MERGE_HOPS; hop += 1) {
      [handling] = await sqlRows<MergeHop>(
        this.dataSource,
        `SELECT id, case_no AS "caseNo", merged_into_id AS "mergedIntoId" FROM cases WHERE id = $1`,
        [handling.mergedIntoId],
      );
    }
    const [row] = await sqlRows<StatusRow>(
      this.dataSource,
      `SELECT c.status, c.lead_department_id AS "leadDepartmentId", c.sla_stage AS "slaStage", c.sla_deadline AS "slaDeadline",
              c.sla_warn_at AS "slaWarnAt",
              (SELECT json_agg(json_build_object('stage', d.stage, 'policyCode', d.policy_code, 'startedAt', d.started_at,
                      'deadline', d.deadline, 'warnAt', d.warn_at, 'reason', d.reason, 'endedAt', d.ended_at, 'breachedAt', d.breached_at)
                      ORDER BY d.created_at, d.deadline)
                 FROM case_deadlines d WHERE d.case_id = c.id) AS "slaDeadlines",
              (SELECT CASE WHEN ${publishedReplyCondition('c', 'e')} THEN json_build_object('text', e.note, 'at', e.at) END
                 FROM case_events e
                WHERE e.case_id = c.id AND e.type IN ('replied', 'directAnswered') ORDER BY e.id DESC LIMIT 1) AS reply
         FROM cases c WHERE c.id = $1`,
      [handling.id],
    );
    const snapshot = await this.reference.current();
    const department = row.leadDepartmentId ? snapshot.departmentsById.get(row.leadDepartmentId) : undefined;
    const sla = slaViewOf(row);
    const replyDeadlines = sla.deadlines.filter((d) => d.stage === 'reply');
    return {
      caseNo: own.caseNo,
      status: row.status,
      mergedInto: handling.id === own.id ? null : handling.caseNo,
      receivedAt: own.receivedAt,
      department: department ? { code: department.code, name: department.name } : null,
      deadlines: {
        current: sla.stage && sla.deadline ? { stage: sla.stage, deadline: sla.deadline, state: sla.state } : null,
        reply: replyDeadlines.length > 0 ? replyDeadlines[replyDeadlines.length - 1].deadline : null,
      },
      reply: row.reply?.text ? { text: maskPersonalData(row.reply.text), at: new Date(row.reply.at) } : null,
    };
  }

  private proves(own: { phoneSealed: string; phoneHash: string; confidential: boolean }, proof: CaseOwnerProof): boolean {
    if ('phone' in proof) return timingSafeEqual(Buffer.from(this.cipher.phoneHash(proof.phone)), Buffer.from(own.phoneHash));
    // Decrypted and compared even for a confidential case, so that the answer takes the same time.
    const match = this.lastDigitsMatch(own.phoneSealed, proof.phoneLast4);
    return match && !own.confidential;
  }

  private lastDigitsMatch(phoneSealed: string, last4: string): boolean {
    const digits = normalizePhone(this.cipher.decrypt(phoneSealed)).replace(/\D/g, '').slice(-4).padStart(4, '#');
    return timingSafeEqual(Buffer.from(digits), Buffer.from(last4.padStart(4, '#').slice(-4)));
  }
}
