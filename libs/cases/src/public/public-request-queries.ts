import { SqlConditions, sqlRow, sqlRows, type SqlRunner } from '@hotline/database';
import { publishedReplyCondition } from './published-reply';

/** How far GET requests follows a chain of merges (a merged into b merged into c …) to the handling case. */
const MAX_MERGE_HOPS = 8;

/** A case as Open311's GET requests reads it: its own row, and the state of the case that handles it (itself, or its merge target). */
export interface PublicRequestRow {
  caseNo: string;
  channel: string;
  categoryId: string;
  description: string;
  address: string;
  lat: number | null;
  lng: number | null;
  communityId: string | null;
  streetId: string | null;
  receivedAt: Date;
  /** The case that handles this one: itself, or the case it was merged into. */
  handlingCaseNo: string;
  handlingStatus: string;
  handlingUpdatedAt: Date;
  leadDepartmentId: string | null;
  handlingKind: string;
  handlingCategoryId: string;
  handlingPriority: string;
  handlingDispatchedAt: Date | null;
  /** The latest 办结/direct answer of the handling case. */
  reply: string | null;
  /** The handling case's latest reply deadline, extensions included; null before a department accepted. */
  replyDeadline: Date | null;
  addressId: string | null;
  mediaUrl: string | null;
  /** Whether this case came in through Open311 (its submitter published its text). */
  viaOpen311: boolean;
}

/** Which cases GET requests reads: by case numbers, or by the window of received time and more. */
export type PublicRequestFilter = (
  | { caseNos: string[] }
  | {
      receivedFrom: Date;
      /** Inclusive. */
      receivedTo: Date;
      categoryIds?: string[];
      /** Statuses of the handling case. */
      handlingStatuses?: string[];
    }
) & { page: number; pageSize: number };

/** Cases for Open311, newest first, each with its handling case. Confidential cases (举报) never appear. */
export async function publicRequestRows(db: SqlRunner, filter: PublicRequestFilter): Promise<PublicRequestRow[]> {
  const c = new SqlConditions();
  c.add('NOT c.confidential');
  let statusFilter = '';
  if ('caseNos' in filter) {
    c.add(`c.case_no = ANY(${c.p(filter.caseNos)}::text[])`);
  } else {
    c.add(`c.received_at >= ${c.p(filter.receivedFrom)}`);
    c.add(`c.received_at <= ${c.p(filter.receivedTo)}`);
    if (filter.categoryIds) c.add(`c.category_id = ANY(${c.p(filter.categoryIds)}::uuid[])`);
    if (filter.handlingStatuses) statusFilter = `WHERE h.status = ANY(${c.p(filter.handlingStatuses)}::text[])`;
  }
  return sqlRows<PublicRequestRow>(
    db,
    `WITH RECURSIVE chain AS (
       SELECT c.id AS origin, c.id AS current, c.merged_into_id AS next, 0 AS depth FROM cases c WHERE ${c.sql()}
       UNION ALL
       SELECT chain.origin, t.id, t.merged_into_id, chain.depth + 1 FROM chain JOIN cases t ON t.id = chain.next
        WHERE chain.depth < ${MAX_MERGE_HOPS}
     ), handled AS (
       SELECT DISTINCT ON (origin) origin, current FROM chain ORDER BY origin, depth DESC
     )
     SELECT c.case_no AS "caseNo", c.channel, c.category_id AS "categoryId", c.description, c.address, c.lat, c.lng,
            c.community_id AS "communityId", c.street_id AS "streetId", c.received_at AS "receivedAt",
            h.case_no AS "handlingCaseNo", h.status AS "handlingStatus", h.updated_at AS "handlingUpdatedAt",
            h.lead_department_id AS "leadDepartmentId", h.kind AS "handlingKind", h.category_id AS "handlingCategoryId",
            h.priority AS "handlingPriority", h.dispatched_at AS "handlingDispatchedAt",
            (SELECT CASE WHEN ${publishedReplyCondition('h', 'e')} THEN e.note END
               FROM case_events e WHERE e.case_id = h.id AND e.type IN ('replied', 'directAnswered')
              ORDER BY e.id DESC LIMIT 1) AS reply,
            (SELECT d.deadline FROM case_deadlines d WHERE d.case_id = h.id AND d.stage = 'reply'
              ORDER BY d.created_at DESC, d.deadline DESC LIMIT 1) AS "replyDeadline",
            r.address_id AS "addressId", r.media_url AS "mediaUrl", (r.case_id IS NOT NULL) AS "viaOpen311"
       FROM handled x JOIN cases c ON c.id = x.origin JOIN cases h ON h.id = x.current
       LEFT JOIN open311_requests r ON r.case_id = c.id
       ${statusFilter}
      ORDER BY c.received_at DESC, c.id
      LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
    c.params,
  );
}

/** The number of the case an Open311 token stands for, if any. */
export async function caseNoOfOpen311Token(db: SqlRunner, token: string): Promise<string | undefined> {
  const row = await sqlRow<{ caseNo: string }>(
    db,
    `SELECT c.case_no AS "caseNo" FROM open311_requests r JOIN cases c ON c.id = r.case_id WHERE r.token = $1`,
    [token],
  );
  return row?.caseNo;
}
