/** 工单状态. The values are stored in `cases.status` and `case_events.from_status/to_status`. */
export const CASE_STATUSES = [
  'received',
  'dispatched',
  'returned',
  'accepted',
  'awaitingLeadApproval',
  'awaitingCentreReview',
  'replied',
  'reopened',
  'closed',
  'merged',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * 办结审核 (replyReview): where the department set it up, a reply first waits in `awaitingLeadApproval` for the
 * department lead's approval, then in `awaitingCentreReview` for the centre's; `replied` means the reply has
 * passed every review the department has and the centre owes the callback.
 */

/** A case is open until it is closed (归档) or merged into another case (重复件). */
export const OPEN_CASE_STATUSES = [
  'received',
  'dispatched',
  'returned',
  'accepted',
  'awaitingLeadApproval',
  'awaitingCentreReview',
  'replied',
  'reopened',
] as const satisfies readonly CaseStatus[];
export type OpenCaseStatus = (typeof OPEN_CASE_STATUSES)[number];

export const FINAL_CASE_STATUSES = ['closed', 'merged'] as const satisfies readonly CaseStatus[];

export function isOpenStatus(status: CaseStatus): status is OpenCaseStatus {
  return (OPEN_CASE_STATUSES as readonly CaseStatus[]).includes(status);
}

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}
