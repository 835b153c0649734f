import { HotlineMetrics } from '@hotline/metrics';
import { countJobFailed, countJobFinished } from './job-outcomes';

const job = (name: string, data: unknown, attemptsMade: number, attempts = 10) =>
  ({ name, data, attemptsMade, opts: { attempts } }) as Parameters<typeof countJobFinished>[2];

async function value(metrics: HotlineMetrics, name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const found = (metric?.values ?? []).find((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x));
  return found?.value ?? 0;
}

describe('what a finished job counts', () => {
  it('counts routing outcomes and asks for the lag of a case dispatched by the rules only', () => {
    const metrics = new HotlineMetrics();
    const dispatched = { outcome: 'dispatched' as const, ruleCode: 'R11', leadDepartmentCode: 'heating' };
    expect(countJobFinished(metrics, 'dispatch', job('route-case', { caseId: 'c1', version: 1 }, 1), dispatched)).toBe('c1');
    expect(
      countJobFinished(metrics, 'dispatch', job('route-case', { caseId: 'c2' }, 1), { outcome: 'awaitingDispatcher' }),
    ).toBeNull();
  });

  it('tells a delivery to the inbox from a fallback after the last webhook attempt', async () => {
    const metrics = new HotlineMetrics();
    countJobFinished(metrics, 'notify', job('deliver-notification', {}, 1), 'inbox'); // no webhook: first attempt
    countJobFinished(metrics, 'notify', job('deliver-notification', {}, 3), 'webhook'); // third attempt took it
    countJobFinished(metrics, 'notify', job('deliver-notification', {}, 10), 'inbox'); // attempts used up
    countJobFinished(metrics, 'notify', job('deliver-notification', {}, 1), 'alreadyDelivered');
    countJobFailed(metrics, 'notify');
    const deliveries = 'hotline_notification_deliveries_total';
    expect(await value(metrics, deliveries, { outcome: 'ok', channel: 'inbox' })).toBe(1);
    expect(await value(metrics, deliveries, { outcome: 'ok', channel: 'webhook' })).toBe(1);
    expect(await value(metrics, deliveries, { outcome: 'fallback', channel: 'inbox' })).toBe(1);
    expect(await value(metrics, deliveries, { outcome: 'failed', channel: 'webhook' })).toBe(1);
    expect(await value(metrics, 'hotline_job_failures_total', { queue: 'notify' })).toBe(1);
  });

  it('counts a warning or breach only when the timer recorded it', async () => {
    const metrics = new HotlineMetrics();
    countJobFinished(metrics, 'sla', job('sla-breach', {}, 1), { outcome: 'recorded' });
    countJobFinished(metrics, 'sla', job('sla-breach', {}, 1), { outcome: 'alreadyRecorded' });
    countJobFinished(metrics, 'sla', job('sla-warning', {}, 1), { outcome: 'recorded' });
    countJobFinished(metrics, 'sla', job('sla-warning', {}, 1), { outcome: 'stageOver' });
    expect(await value(metrics, 'hotline_sla_breaches_total', { detected_by: 'timer' })).toBe(1);
    expect(await value(metrics, 'hotline_sla_warnings_total', { detected_by: 'timer' })).toBe(1);
  });
});
