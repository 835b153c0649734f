import type {
  LeadReviewDecision,
  ReviewDecision,
  SatisfactionVerdict,
  SupervisionLevel,
  SuspensionDecision,
  SuspensionReason,
} from '../state-machine';

/**
 * One action as the API received it (after body validation): the machine's command plus the payload
 * the history records. The transition service turns it into a command, looking up the facts the
 * machine needs (merge target, assignee) and the rows it writes besides the case (extension requests).
 */
export type CaseActionRequest =
  | { readonly action: 'accept' }
  | { readonly action: 'return'; readonly reason: string }
  | { readonly action: 'rejectReturn'; readonly note?: string }
  | { readonly action: 'requestExtension'; readonly days: number; readonly reason: string }
  | { readonly action: 'approveExtension' | 'rejectExtension'; readonly requestId: string; readonly note?: string }
  | { readonly action: 'progress'; readonly note: string }
  | { readonly action: 'reply'; readonly result: string }
  | { readonly action: 'leadReview'; readonly decision: LeadReviewDecision; readonly note?: string }
  | { readonly action: 'review'; readonly decision: ReviewDecision; readonly note?: string }
  | { readonly action: 'directAnswer'; readonly answer: string }
  | { readonly action: 'callback'; readonly satisfaction: SatisfactionVerdict; readonly solved: boolean; readonly note?: string }
  | { readonly action: 'callbackAttempt'; readonly note?: string }
  | { readonly action: 'close'; readonly reason: string }
  | { readonly action: 'merge'; readonly targetCaseId: string }
  | { readonly action: 'supervise'; readonly level: SupervisionLevel; readonly note?: string }
  | { readonly action: 'urge'; readonly note?: string }
  | { readonly action: 'assign'; readonly userId: string }
  | { readonly action: 'reopen'; readonly note: string }
  /** Written on the closed case a new intake follows up, in the intake's transaction. */
  | { readonly action: 'followUp'; readonly followUpCaseId: string; readonly followUpCaseNo: string }
  | { readonly action: 'suspend'; readonly reason: SuspensionReason; readonly note: string }
  | { readonly action: 'decideSuspension'; readonly decision: SuspensionDecision; readonly note?: string }
  /** By the department or a supervisor; by the system when the policy's maximum suspension has passed. */
  | { readonly action: 'resume'; readonly note?: string };
