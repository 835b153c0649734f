import type { Open311Status } from './spec-fields';

/**
 * Our states as a 311 client sees them. `replied` (办结) counts as closed: the department has resolved
 * the matter and its answer is public; the callback (回访) that follows is the hotline's own quality
 * check, and should it reopen the case (重办), the request shows as open again. A reply still in review
 * (办结审核) is not yet the answer: open. A merged case shows
 * the status of the case it was merged into, which the caller resolves before asking here.
 */
export function open311StatusOf(caseStatus: string): Open311Status {
  return caseStatus === 'replied' || caseStatus === 'closed' ? 'closed' : 'open';
}

/** The case statuses behind each Open311 status, for filtering in SQL. */
export const CASE_STATUSES_BY_OPEN311: Record<Open311Status, readonly string[]> = {
  open: ['received', 'dispatched', 'returned', 'accepted', 'awaitingLeadApproval', 'awaitingCentreReview', 'reopened'],
  closed: ['replied', 'closed'],
};

/** What a citizen reads about a state that carries no answer yet. */
export const STATUS_NOTES: Record<string, string> = {
  received: '已受理，正在派单',
  dispatched: '已派单，等待承办部门签收',
  returned: '正在重新派单',
  accepted: '承办部门正在办理',
  awaitingLeadApproval: '承办部门已答复，正在审核',
  awaitingCentreReview: '承办部门已答复，热线中心正在审核',
  reopened: '已重新交办，承办部门正在办理',
  replied: '已办结',
  closed: '已办结归档',
};
