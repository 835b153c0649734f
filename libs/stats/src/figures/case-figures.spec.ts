import { createWorkingCalendar } from '@hotline/sla';
import { rollupDeltas, districtDay, type CaseFactsRow } from './case-facts-row';
import { caseFigures, type FigureDeadline, type FigureEvent } from './case-figures';
import { addFigures, emptyCounts, percentileCont, ratesOf, weightedScore, DEFAULT_RANKING_WEIGHTS } from './rates';

const calendar = createWorkingCalendar({ timeZone: 'Asia/Shanghai' });
// Monday 2026-03-02 … Friday 2026-03-06 are ordinary working days in Shanghai (08:30–12:00, 13:00–17:30).
const at = (text: string) => new Date(`${text}+08:00`);
const e = (type: string, when: string, data: Record<string, unknown> = {}): FigureEvent => ({ type, at: at(when), data });
const d = (stage: string, startedAt: string, deadline: string, endedAt: string | null = null): FigureDeadline => ({
  stage,
  startedAt: at(startedAt),
  deadline: at(deadline),
  endedAt: endedAt ? at(endedAt) : null,
});

describe('caseFigures (one case, hand-built history)', () => {
  it('judges a reply after a suspension (挂起) as the policy counts suspended time', () => {
    // Reply due Monday 9 March 17:30; suspended Wednesday 4 March 10:00, resumed Tuesday 10 March 10:00
    // with the time left: due Friday 13 March. Replied Thursday 12 March, after the first deadline.
    const deadlines = [
      d('reply', '2026-03-02T09:00:00', '2026-03-09T17:30:00', '2026-03-04T10:00:00'),
      d('reply', '2026-03-10T10:00:00', '2026-03-13T17:30:00', '2026-03-12T09:00:00'),
    ];
    const history = (inRates: string) => [
      e('received', '2026-03-02T08:00:00'),
      e('dispatched', '2026-03-02T09:00:00'),
      e('accepted', '2026-03-02T09:30:00'),
      e('suspensionRequested', '2026-03-04T09:00:00'),
      e('suspended', '2026-03-04T10:00:00'),
      e('resumed', '2026-03-10T10:00:00', { stage: 'reply', pausedDeadline: at('2026-03-09T17:30:00').toISOString(), inRates }),
      e('replied', '2026-03-12T09:00:00'),
    ];
    expect(caseFigures({ calendar, events: history('excluded'), deadlines }).repliedOnTime).toBe(true);
    expect(caseFigures({ calendar, events: history('counted'), deadlines }).repliedOnTime).toBe(false);
  });

  it('counts a case handled on time at every stage, with handling time in working hours', () => {
    const f = caseFigures({
      calendar,
      events: [
        e('received', '2026-03-02T08:55:00'),
        e('dispatched', '2026-03-02T09:00:00'),
        e('accepted', '2026-03-02T10:00:00'),
        e('replied', '2026-03-02T14:00:00'),
        e('calledBack', '2026-03-03T09:00:00', { verdict: 'satisfied', satisfaction: 'satisfied', solved: true }),
        e('closed', '2026-03-03T09:00:00', { verdict: 'satisfied', closure: 'callback' }),
      ],
      deadlines: [
        d('accept', '2026-03-02T09:00:00', '2026-03-03T17:30:00', '2026-03-02T10:00:00'),
        d('reply', '2026-03-02T09:00:00', '2026-03-09T17:30:00', '2026-03-02T14:00:00'),
        d('callback', '2026-03-02T14:00:00', '2026-03-04T17:30:00', '2026-03-03T09:00:00'),
      ],
    });
    expect(f).toEqual({
      received: true,
      dispatched: true,
      acceptedOnTime: true,
      replied: true,
      repliedOnTime: true,
      calledBack: true,
      satisfied: true,
      solved: true,
      returned: false,
      reopened: false,
      extended: false,
      merged: false,
      directAnswered: false,
      reviewReturned: false,
      closed: true,
      repeatCalled: false,
      // 09:00–12:00 (3 h) + 13:00–14:00 (1 h): the lunch break is not working time.
      handlingMs: 4 * 3_600_000,
    });
  });

  it('counts a case closed without a callback (no phone, no e-mail) as closed, not called back', () => {
    const f = caseFigures({
      calendar,
      events: [
        e('received', '2026-03-02T08:55:00'),
        e('dispatched', '2026-03-02T09:00:00'),
        e('accepted', '2026-03-02T10:00:00'),
        e('replied', '2026-03-02T14:00:00'),
        e('closed', '2026-03-02T15:00:00', { closure: 'supervisor' }),
      ],
      deadlines: [d('callback', '2026-03-02T14:00:00', '2026-03-04T17:30:00', '2026-03-02T15:00:00')],
    });
    expect(f).toMatchObject({ replied: true, closed: true, calledBack: false, satisfied: false, solved: false });
    const rates = ratesOf(addFigures(emptyCounts(), f));
    expect(rates.satisfactionRate).toBeNull(); // no callback to judge: not 0%
  });

  it('judges a late acceptance late, and a reply after an approved extension against the moved deadline', () => {
    const f = caseFigures({
      calendar,
      events: [
        e('received', '2026-03-02T08:55:00'),
        e('dispatched', '2026-03-02T09:00:00'),
        e('accepted', '2026-03-04T09:00:00'),
        e('extensionRequested', '2026-03-05T09:00:00', { days: 3 }),
        e('extensionApproved', '2026-03-05T10:00:00', { days: 3 }),
        e('replied', '2026-03-11T10:00:00'),
      ],
      deadlines: [
        d('accept', '2026-03-02T09:00:00', '2026-03-03T17:30:00', '2026-03-04T09:00:00'),
        d('reply', '2026-03-02T09:00:00', '2026-03-09T17:30:00', '2026-03-05T10:00:00'),
        d('reply', '2026-03-05T10:00:00', '2026-03-12T17:30:00', '2026-03-11T10:00:00'),
      ],
    });
    expect(f).toMatchObject({
      dispatched: true,
      acceptedOnTime: false,
      replied: true,
      repliedOnTime: true,
      extended: true,
      calledBack: false,
    });
  });

  it('follows a reopen: not replied while reopened, then judged by the reopen stage and the last callback', () => {
    const history = [
      e('received', '2026-03-02T08:55:00'),
      e('dispatched', '2026-03-02T09:00:00'),
      e('accepted', '2026-03-02T10:00:00'),
      e('replied', '2026-03-02T11:00:00'),
      e('calledBack', '2026-03-03T09:00:00', { verdict: 'unsatisfied', solved: false }),
      e('reopened', '2026-03-03T09:00:00', { verdict: 'unsatisfied' }),
    ];
    const deadlines = [
      d('accept', '2026-03-02T09:00:00', '2026-03-03T17:30:00', '2026-03-02T10:00:00'),
      d('reply', '2026-03-02T09:00:00', '2026-03-09T17:30:00', '2026-03-02T11:00:00'),
      d('callback', '2026-03-02T11:00:00', '2026-03-03T17:30:00', '2026-03-03T09:00:00'),
      d('reply', '2026-03-03T09:00:00', '2026-03-04T17:30:00'),
    ];
    expect(caseFigures({ calendar, events: history, deadlines })).toMatchObject({
      replied: false,
      repliedOnTime: false,
      reopened: true,
      calledBack: true,
      satisfied: false,
      solved: false,
      handlingMs: null,
    });
    const after = caseFigures({
      calendar,
      events: [
        ...history,
        e('accepted', '2026-03-03T10:00:00'),
        e('replied', '2026-03-05T09:00:00'),
        e('calledBack', '2026-03-05T15:00:00', { verdict: 'basicallySatisfied', solved: true }),
      ],
      deadlines: [...deadlines.slice(0, 3), d('reply', '2026-03-03T09:00:00', '2026-03-04T17:30:00', '2026-03-05T09:00:00')],
    });
    expect(after).toMatchObject({
      replied: true,
      repliedOnTime: false,
      reopened: true,
      calledBack: true,
      satisfied: true,
      solved: true,
    });
  });

  it('counts a merged case (重复件) only as received and merged', () => {
    const f = caseFigures({
      calendar,
      events: [
        e('received', '2026-03-02T08:55:00'),
        e('dispatched', '2026-03-02T09:00:00'),
        e('accepted', '2026-03-02T09:10:00'),
        e('merged', '2026-03-02T09:30:00'),
      ],
      deadlines: [d('accept', '2026-03-02T09:00:00', '2026-03-03T17:30:00', '2026-03-02T09:10:00')],
    });
    expect(f).toEqual({
      received: true,
      merged: true,
      dispatched: false,
      acceptedOnTime: false,
      replied: false,
      repliedOnTime: false,
      calledBack: false,
      satisfied: false,
      solved: false,
      returned: false,
      reopened: false,
      extended: false,
      directAnswered: false,
      reviewReturned: false,
      closed: false,
      repeatCalled: false,
      handlingMs: null,
    });
  });

  it('judges acceptance against the latest dispatch after a return, and ignores event types it does not know', () => {
    const events = [
      e('received', '2026-03-02T08:55:00'),
      e('dispatched', '2026-03-02T09:00:00'),
      e('slaWarned', '2026-03-03T15:00:00'),
      e('slaBreached', '2026-03-03T17:30:00'),
      e('returned', '2026-03-04T09:00:00'),
      e('dispatched', '2026-03-04T10:00:00'),
      e('mergedIn', '2026-03-04T10:30:00', { sourceCaseId: 'x' }),
      e('accepted', '2026-03-04T11:00:00'),
    ];
    const deadlines = [
      d('accept', '2026-03-02T09:00:00', '2026-03-03T17:30:00', '2026-03-04T09:00:00'),
      d('accept', '2026-03-04T10:00:00', '2026-03-05T17:30:00', '2026-03-04T11:00:00'),
    ];
    const f = caseFigures({ calendar, events, deadlines });
    expect(f).toMatchObject({ dispatched: true, returned: true, acceptedOnTime: true, replied: false });
    const known = events.filter((x) => !['slaWarned', 'slaBreached', 'mergedIn'].includes(x.type));
    expect(caseFigures({ calendar, events: known, deadlines })).toEqual(f);
  });

  it("lets a reply sent back in review (办结审核) stand no more, and counts the centre's returns", () => {
    const reviewed = [
      e('received', '2026-03-02T08:55:00'),
      e('dispatched', '2026-03-02T09:00:00'),
      e('accepted', '2026-03-02T10:00:00'),
      e('replied', '2026-03-02T11:00:00'),
      e('replyApproved', '2026-03-02T14:00:00', { decision: 'approve' }),
      e('reviewReturned', '2026-03-03T09:00:00', { decision: 'return' }),
    ];
    const deadlines = [d('reply', '2026-03-02T09:00:00', '2026-03-09T17:30:00', '2026-03-02T11:00:00')];
    expect(caseFigures({ calendar, events: reviewed, deadlines })).toMatchObject({
      replied: false,
      reviewReturned: true,
      handlingMs: null,
    });
    const sentBack = [...reviewed.slice(0, 4), e('replySentBack', '2026-03-02T14:00:00', { decision: 'return' })];
    expect(caseFigures({ calendar, events: sentBack, deadlines })).toMatchObject({ replied: false, reviewReturned: false });
    const passed = [...reviewed, e('replied', '2026-03-04T09:00:00'), e('reviewPassed', '2026-03-04T10:00:00')];
    expect(caseFigures({ calendar, events: passed, deadlines })).toMatchObject({ replied: true, reviewReturned: true });
  });

  it('counts a repeat call about a closed case: reopened on the call, or followed up by a linked case', () => {
    const closed = [
      e('received', '2026-03-02T08:55:00'),
      e('dispatched', '2026-03-02T09:00:00'),
      e('accepted', '2026-03-02T10:00:00'),
      e('replied', '2026-03-02T11:00:00'),
      e('calledBack', '2026-03-03T09:00:00', { verdict: 'satisfied', solved: true }),
      e('closed', '2026-03-03T09:00:00', { verdict: 'satisfied', closure: 'callback' }),
    ];
    expect(caseFigures({ calendar, events: closed, deadlines: [] })).toMatchObject({ closed: true, repeatCalled: false });
    const reopened = [...closed, e('reopened', '2026-03-10T09:00:00', { cause: 'repeatCall' })];
    expect(caseFigures({ calendar, events: reopened, deadlines: [] })).toMatchObject({
      closed: true,
      repeatCalled: true,
      reopened: true,
      replied: false,
    });
    const followed = [...closed, e('followedUp', '2026-03-10T09:00:00', { followUpCaseId: 'x' })];
    expect(caseFigures({ calendar, events: followed, deadlines: [] })).toMatchObject({ closed: true, repeatCalled: true });
    // An unsatisfied callback's reopen is not a repeat call.
    const unsatisfied = [
      ...closed.slice(0, 4),
      e('reopened', '2026-03-03T09:00:00', { verdict: 'unsatisfied', cause: 'callback' }),
    ];
    expect(caseFigures({ calendar, events: unsatisfied, deadlines: [] })).toMatchObject({ repeatCalled: false, closed: false });
  });

  it('keeps a direct answer out of the department figures', () => {
    const f = caseFigures({
      calendar,
      events: [e('received', '2026-03-02T08:55:00'), e('directAnswered', '2026-03-02T09:00:00')],
      deadlines: [],
    });
    expect(f).toMatchObject({ directAnswered: true, dispatched: false, replied: false });
  });
});

describe('rates', () => {
  it('divides by the right denominators and answers null where there is nothing to judge', () => {
    const counts = emptyCounts();
    Object.assign(counts, { received: 10, dispatched: 8, acceptedOnTime: 6, replied: 4, repliedOnTime: 3, calledBack: 0 });
    expect(ratesOf(counts)).toEqual({
      responseRate: 0.75,
      completionRate: 0.5,
      onTimeRate: 0.75,
      satisfactionRate: null,
      resolutionRate: null,
      repeatRate: null,
    });
    Object.assign(counts, { closed: 4, repeatCalled: 1 });
    expect(ratesOf(counts).repeatRate).toBe(0.25);
  });

  it('scores by the weighted mean of the rates that have a value', () => {
    const rates = { responseRate: 0.9, completionRate: 0.5, onTimeRate: null, satisfactionRate: 0.6, resolutionRate: null };
    expect(weightedScore(rates, DEFAULT_RANKING_WEIGHTS)).toBeCloseTo((0.9 + 0.6) / 2, 10);
    expect(weightedScore(rates, { ...DEFAULT_RANKING_WEIGHTS, satisfactionRate: 3 })).toBeCloseTo((0.9 + 1.8) / 4, 10);
    expect(weightedScore({ ...rates, responseRate: null, satisfactionRate: null }, DEFAULT_RANKING_WEIGHTS)).toBeNull();
  });

  it('interpolates percentiles as PostgreSQL percentile_cont does', () => {
    expect(percentileCont([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentileCont([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(percentileCont([], 0.5)).toBeNull();
  });
});

describe('rollupDeltas', () => {
  const row = (departmentId: string | null, replied: boolean): CaseFactsRow => ({
    caseId: 'c1',
    receivedAt: at('2026-01-31T23:30:00'),
    receivedDay: districtDay(at('2026-01-31T23:30:00'), 'Asia/Shanghai'),
    departmentId,
    streetId: 's',
    communityId: 'm',
    gridId: null,
    categoryId: 'k',
    kind: 'complaint',
    channel: 'phone',
    lastEventId: '1',
    figures: {
      ...caseFigures({ calendar, events: [e('received', '2026-01-31T23:30:00')], deadlines: [] }),
      dispatched: departmentId !== null,
      replied,
    },
  });

  it('counts a case on the district day it was received (23:30 on 31 January is January, not February)', () => {
    expect(row(null, false).receivedDay).toBe('2026-01-31');
  });

  it('moves a re-dispatched case from one department to the other and leaves unchanged cells alone', () => {
    const deltas = rollupDeltas(row('d1', false), row('d2', true));
    const department = deltas.filter((x) => x.dimension === 'department');
    expect(department.map((x) => [x.key, x.counts.received, x.counts.dispatched, x.counts.replied])).toEqual([
      ['d1', -1, -1, 0],
      ['d2', 1, 1, 1],
    ]);
    const street = deltas.find((x) => x.dimension === 'street')!;
    expect(street.counts).toMatchObject({ received: 0, dispatched: 0, replied: 1 });
    const sum = addFigures(addFigures(emptyCounts(), row('d1', false).figures), row('d1', false).figures, -1);
    expect(sum.received).toBe(0);
  });
});
