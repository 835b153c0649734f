import type { Job } from 'bullmq';
import { assertEveryJobHandled, JobsWithoutHandler, type QueueHandlers, runJob, type WorkerHandlers } from './job-handlers';

const ok = () => Promise.resolve('done');

/** A complete table whose handlers say which job they ran. */
function completeTable(): WorkerHandlers {
  return {
    dispatch: { 'route-case': (payload) => Promise.resolve(`routed ${payload.caseId} v${payload.version}`) },
    sla: { 'sla-warning': ok, 'sla-breach': (payload) => Promise.resolve(`breach ${payload.stage}`), 'sla-resume': ok },
    notify: { 'deliver-notification': ok },
    stats: { 'project-case-stats': ok },
    upstream: { 'deliver-upstream-report': ok },
  };
}

/** The table with one job's handler left out, as a table assembled at run time could lose it. */
function withoutHandler(queue: 'sla', job: 'sla-breach'): WorkerHandlers {
  const table = completeTable();
  const { [job]: _left, ...rest } = table[queue];
  return { ...table, [queue]: rest } as unknown as WorkerHandlers;
}

const jobNamed = (name: string, data: unknown) => ({ name, data }) as Job;

describe('the start-up check of the handler table', () => {
  it('refuses a consumed queue with a job that has no handler, naming the job and its queue', () => {
    const table = withoutHandler('sla', 'sla-breach');
    expect(() => assertEveryJobHandled(['dispatch', 'sla', 'notify', 'stats'], table)).toThrow(JobsWithoutHandler);
    expect(() => assertEveryJobHandled(['sla'], table)).toThrow('no handler for job "sla-breach" of queue "sla"');
    try {
      assertEveryJobHandled(['sla'], table);
    } catch (error) {
      expect((error as JobsWithoutHandler).missing).toEqual([{ queue: 'sla', job: 'sla-breach' }]);
    }
  });

  it('lets a worker start that does not consume the queue missing a handler', () => {
    expect(() => assertEveryJobHandled(['dispatch', 'notify', 'stats'], withoutHandler('sla', 'sla-breach'))).not.toThrow();
  });

  it('passes the complete table for every queue', () => {
    expect(() => assertEveryJobHandled(['dispatch', 'sla', 'notify', 'stats'], completeTable())).not.toThrow();
  });

  it('does not count an inherited member as a handler', () => {
    const table = { ...completeTable(), stats: Object.create({ 'project-case-stats': ok }) as QueueHandlers<'stats'> };
    expect(() => assertEveryJobHandled(['stats'], table)).toThrow('no handler for job "project-case-stats"');
  });

  it('is checked by the compiler: a queue handler table missing a job does not compile', () => {
    // @ts-expect-error the sla queue carries 'sla-breach' too
    const sla: QueueHandlers<'sla'> = { 'sla-warning': ok };
    // @ts-expect-error 'route-case' is not a job of the stats queue
    const stats: QueueHandlers<'stats'> = { 'project-case-stats': ok, 'route-case': ok };
    expect([sla, stats]).toHaveLength(2);
  });
});

describe('running a job through the table', () => {
  it('calls the handler its name chooses, with its payload', async () => {
    const table = completeTable();
    await expect(runJob('dispatch', table.dispatch, jobNamed('route-case', { caseId: 'c1', version: 2 }))).resolves.toBe(
      'routed c1 v2',
    );
    await expect(
      runJob('sla', table.sla, jobNamed('sla-breach', { caseId: 'c1', stage: 'reply', deadline: '2026-01-01T00:00:00Z' })),
    ).resolves.toBe('breach reply');
  });

  it('fails a job whose name the queue has no handler for (work queued by another version), so it shows as failed', async () => {
    const table = completeTable();
    await expect(runJob('sla', table.sla, jobNamed('route-case', {}))).rejects.toThrow(
      'sla queue: no handler for job "route-case"',
    );
    await expect(runJob('stats', table.stats, jobNamed('constructor', {}))).rejects.toThrow('no handler for job "constructor"');
  });
});
