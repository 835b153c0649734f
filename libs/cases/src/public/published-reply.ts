/**
 * The reply a citizen may read (public case status, Open311): the latest `replied` or `directAnswered`
 * event of case `c`, unless that reply still waits in a review step (办结审核) or a reviewer sent it back:
 * only a reply that passed the department's reviews is published. `e` is the events alias of the subquery.
 */
export function publishedReplyCondition(c: string, e: string): string {
  return `${c}.status NOT IN ('awaitingLeadApproval', 'awaitingCentreReview')
          AND NOT EXISTS (SELECT 1 FROM case_events undone WHERE undone.case_id = ${e}.case_id AND undone.id > ${e}.id
                             AND undone.type IN ('replySentBack', 'reviewReturned'))`;
}
