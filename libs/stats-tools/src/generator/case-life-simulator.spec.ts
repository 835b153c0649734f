import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replay, type CaseKind } from '@hotline/cases';
import { createWorkingCalendar, parseSlaPolicies, selectPolicy } from '@hotline/sla';
import { caseFigures } from '@hotline/stats';
import { simulateCaseLife, type SimActor } from './case-life-simulator';
import { departmentBehaviour, seededRandom } from './district-model';

const policies = parseSlaPolicies(JSON.parse(readFileSync(join(__dirname, '../../../../seeds/sla-policies.json'), 'utf8')));
const calendar = createWorkingCalendar({ timeZone: 'Asia/Shanghai' });
const staff = (departmentId: string): SimActor => ({ id: null, name: 'staff', role: 'departmentStaff', departmentId });
const actors = {
  operator: { id: null, name: 'op', role: 'operator' } as SimActor,
  dispatcher: { id: null, name: 'dp', role: 'dispatcher' } as SimActor,
  supervisor: { id: null, name: 'sv', role: 'supervisor' } as SimActor,
  staff,
};

describe('simulateCaseLife', () => {
  it('writes histories the state machine replays, ending in the status it reports, with a deadline row per stage start', () => {
    const random = seededRandom(7);
    const now = new Date('2026-06-30T12:00:00+08:00');
    const statuses = new Map<string, number>();
    for (let i = 0; i < 2000; i += 1) {
      const kind: CaseKind = (['complaint', 'help', 'consultation', 'report'] as const)[i % 4];
      const receivedAt = new Date(now.getTime() - random() * 60 * 86_400_000);
      const life = simulateCaseLife({
        receivedAt,
        kind,
        policy: selectPolicy(policies, { kind, categoryCode: 'heating.no-heat', priority: 'normal' }),
        calendar,
        routedDepartmentId: i % 10 === 0 ? null : 'heating',
        otherDepartmentId: (x) => (x === 'housing' ? 'heating' : 'housing'),
        // Exaggerated shares, so that every branch (returns, extensions, late work, reopens) runs.
        behaviour: () => ({
          ...departmentBehaviour('x', 1),
          returns: 0.2,
          extensions: 0.2,
          lateAccept: 0.3,
          lateReply: 0.3,
          unsatisfied: 0.3,
        }),
        duplicateOf: i % 50 === 0 ? 'earlier' : null,
        actors,
        now,
        random,
      });
      expect(replay(life.events)).toBe(life.status);
      for (let k = 1; k < life.events.length; k += 1)
        expect(life.events[k].at.getTime()).toBeGreaterThanOrEqual(life.events[k - 1].at.getTime());
      expect(life.events[life.events.length - 1].at.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(life.deadlines.filter((d) => d.endedAt === null).length).toBe(life.sla.stage ? 1 : 0);
      caseFigures({ events: life.events, deadlines: life.deadlines, calendar });
      // Nobody is left reopened without a department to handle it.
      if (life.status === 'reopened') expect(life.leadDepartmentId).not.toBeNull();
      statuses.set(life.status, (statuses.get(life.status) ?? 0) + 1);
    }
    // Old cases finished, recent ones still open somewhere along the way.
    for (const status of ['closed', 'merged', 'accepted', 'replied', 'dispatched'])
      expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
  });
});
