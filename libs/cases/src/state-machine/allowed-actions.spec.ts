import { CASE_ACTIONS } from './case-actions';
import { CASE_STATUSES } from './case-status';
import { allowedActions, decide } from './decide';
import { ACTOR_LABELS, actorOf, contextOf, happyCommand, happyContext, HOSTILE_CONTEXT_FACTS } from './state-machine.fixtures';

describe('allowedActions', () => {
  describe.each(CASE_STATUSES)('while the case is %s', (status) => {
    it.each(ACTOR_LABELS)('lists for %s exactly the actions decide allows with a valid request', (label) => {
      const actor = actorOf(label);
      const contexts = [
        ...CASE_ACTIONS.map((action) => happyContext(action, status)),
        ...HOSTILE_CONTEXT_FACTS.map((facts) => contextOf(status, facts)),
      ];
      for (const ctx of contexts) {
        const permitted = CASE_ACTIONS.filter((action) => decide(happyCommand(action), ctx, actor).ok);
        expect(allowedActions(ctx, actor)).toEqual(permitted);
      }
    });
  });

  it('shows a supervisor the callback buttons on a replied case', () => {
    expect(allowedActions(contextOf('replied'), { role: 'supervisor' })).toEqual([
      'callback',
      'callbackAttempt',
      'close',
      'merge',
      'supervise',
    ]);
  });

  it('hides direct answer from the operator unless the case is a consultation', () => {
    expect(allowedActions(contextOf('received', { kind: 'complaint' }), { role: 'operator' })).toEqual([]);
    expect(allowedActions(contextOf('received', { kind: 'consultation' }), { role: 'operator' })).toEqual(['directAnswer']);
  });

  it('hides the extension button while a request is pending or the maximum is reached', () => {
    const staff = { role: 'departmentStaff', relation: 'lead' } as const;
    expect(allowedActions(contextOf('accepted'), staff)).toEqual(['return', 'requestExtension', 'progress', 'reply']);
    expect(allowedActions(contextOf('accepted', { pendingExtension: true, withinReturnWindow: false }), staff)).toEqual([
      'progress',
      'reply',
    ]);
    expect(allowedActions(contextOf('accepted', { extensionCount: 2, maxExtensions: 2 }), staff)).not.toContain(
      'requestExtension',
    );
  });

  it('shows nothing on a closed or merged case', () => {
    for (const status of ['closed', 'merged'] as const) {
      for (const label of ACTOR_LABELS) expect(allowedActions(contextOf(status), actorOf(label))).toEqual([]);
    }
  });
});
