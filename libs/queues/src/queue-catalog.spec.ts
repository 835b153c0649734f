import { jobIdFor, type JobName, jobNamesOf, type JobRule, JOBS, QUEUE_NAMES } from './queue-catalog';

describe('the job table', () => {
  // Outbox rows and jobs already in Redis carry these ids: the table must keep producing them exactly.
  it('derives the same job ids as before the table, for every job', () => {
    const deadline = '2026-11-23T01:30:00.000Z';
    const at = new Date(deadline).getTime();
    expect(jobIdFor('route-case', { caseId: 'c1', version: 3 })).toBe('route-case.c1.v3');
    expect(jobIdFor('sla-warning', { caseId: 'c1', stage: 'accept', deadline })).toBe(`sla-warning.c1.accept.${at}`);
    expect(jobIdFor('sla-breach', { caseId: 'c1', stage: 'reply', deadline })).toBe(`sla-breach.c1.reply.${at}`);
    expect(jobIdFor('deliver-notification', { notificationId: 'n9' })).toBe('deliver-notification.n9');
    expect(jobIdFor('project-case-stats', { caseId: 'c1', eventId: '42' })).toBe('project-case-stats.c1.e42');
  });

  it('gives an SLA timer a new id when its deadline moves, and the same id for the same instant however written', () => {
    const payload = { caseId: 'c1', stage: 'accept', deadline: '2026-11-23T01:30:00.000Z' };
    expect(jobIdFor('sla-breach', payload)).toBe(jobIdFor('sla-breach', { ...payload, deadline: '2026-11-23T09:30:00+08:00' }));
    expect(jobIdFor('sla-breach', payload)).not.toBe(
      jobIdFor('sla-breach', { ...payload, deadline: '2026-11-23T01:31:00.000Z' }),
    );
  });

  it('puts every job on the queue it always had, and every queue carries a job', () => {
    expect(Object.fromEntries(Object.entries(JOBS).map(([name, rule]) => [name, rule.queue]))).toEqual({
      'route-case': 'dispatch',
      'sla-warning': 'sla',
      'sla-breach': 'sla',
      'sla-resume': 'sla',
      'deliver-notification': 'notify',
      'project-case-stats': 'stats',
      'deliver-upstream-report': 'upstream',
    });
    expect(jobNamesOf('sla')).toEqual(['sla-warning', 'sla-breach', 'sla-resume']);
    for (const queue of QUEUE_NAMES) expect(jobNamesOf(queue).length).toBeGreaterThan(0);
  });

  it('makes no job id with the ":" BullMQ refuses', () => {
    const ids = [
      jobIdFor('route-case', { caseId: 'c', version: 1 }),
      jobIdFor('sla-breach', { caseId: 'c', stage: 's', deadline: new Date(0).toISOString() }),
      jobIdFor('sla-resume', { caseId: 'c', suspensionId: 's' }),
    ];
    for (const id of ids) expect(id).not.toContain(':');
  });

  it('is checked by the compiler: a job name without an id rule does not compile', () => {
    // @ts-expect-error every job name needs its rule ('project-case-stats' is missing)
    const incomplete: { readonly [N in JobName]: JobRule<N> } = {
      'route-case': JOBS['route-case'],
      'sla-warning': JOBS['sla-warning'],
      'sla-breach': JOBS['sla-breach'],
      'sla-resume': JOBS['sla-resume'],
      'deliver-notification': JOBS['deliver-notification'],
    };
    expect(Object.keys(incomplete)).toHaveLength(5);
  });
});
