/**
 * The platform's decisions on its orders (`POST …/orders/{orderNo}/events`), each applied once by
 * `(orderNo, seq)`, and what each does to the case (pure: the service looks up the pending extension
 * request and runs the action through the case's state machine as the platform's system actor).
 */
export const DECISION_TYPES = ['returnDecided', 'extensionDecided', 'urged', 'recalled', 'calledBack'] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

export const CALLBACK_SATISFACTIONS = ['satisfied', 'basicallySatisfied', 'unsatisfied'] as const;
export type CallbackSatisfaction = (typeof CALLBACK_SATISFACTIONS)[number];

export type Decision =
  | { type: 'returnDecided'; accepted: boolean; note?: string }
  | { type: 'extensionDecided'; approved: boolean; days?: number; note?: string }
  | { type: 'urged'; note?: string }
  | { type: 'recalled'; reason: string }
  | { type: 'calledBack'; satisfaction: CallbackSatisfaction; solved: boolean; note?: string };

/** The case action a decision takes (the extension request's id is filled in by the service). */
export type DecisionAction =
  | { action: 'approveExtension'; note?: string }
  | { action: 'rejectExtension'; note?: string }
  | { action: 'urge'; note?: string }
  | { action: 'close'; reason: string }
  | { action: 'callback'; satisfaction: CallbackSatisfaction; solved: boolean; note?: string };

/**
 * - extensionDecided: approves or rejects the pending extension request (the city's `days`, when it
 *   gives fewer or more than asked, is kept in the note: our request's days move our deadline);
 * - urged: 催办 on the case;
 * - recalled: 撤单, the case closes as withdrawn whatever its stage;
 * - calledBack: the city's own callback counts as the case's callback;
 * - returnDecided: an accepted return takes the order back to the city (the case closes as withdrawn);
 *   a refused one leaves the case where it is, the decision recorded for the dispatcher.
 */
export function actionOf(decision: Decision): DecisionAction | null {
  switch (decision.type) {
    case 'extensionDecided': {
      const days = decision.days === undefined ? '' : `（市平台批复 ${decision.days} 天）`;
      const note = `${decision.note ?? ''}${days}`.trim();
      return decision.approved
        ? { action: 'approveExtension', ...(note ? { note } : {}) }
        : { action: 'rejectExtension', ...(note ? { note } : {}) };
    }
    case 'urged':
      return { action: 'urge', ...(decision.note ? { note: decision.note } : {}) };
    case 'recalled':
      return { action: 'close', reason: `市平台撤单：${decision.reason}` };
    case 'calledBack':
      return {
        action: 'callback',
        satisfaction: decision.satisfaction,
        solved: decision.solved,
        ...(decision.note ? { note: decision.note } : {}),
      };
    case 'returnDecided':
      return decision.accepted ? { action: 'close', reason: `市平台同意退回：${decision.note ?? ''}`.trim() } : null;
  }
}
