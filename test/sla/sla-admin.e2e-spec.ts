import { DataSource } from 'typeorm';
import { settingsHealth, SlaSettingsService } from '@hotline/sla-runtime';
import { isWorkingDay } from '@hotline/sla';
import { heatingComplaint, settingsAcknowledged, useStack, waitFor, type CaseBody, type ErrorBody } from '@hotline/testing';

describe('Admins edit SLA policies and holiday overrides', () => {
  const stack = useStack();
  const fastHeating = {
    name: '供热急修（测试）',
    match: { categoryCode: 'heating.no-heat', priority: 'normal' },
    accept: { amount: 30, unit: 'minutes' },
    reply: { amount: 1, unit: 'workingDays' },
    callback: { amount: 1, unit: 'workingDays' },
    countFrom: 'stageStart',
    warningRatio: 0.5,
    returnWindow: { amount: 1, unit: 'workingDays' },
    maxExtensionDays: 5,
    maxExtensions: 1,
  };
  const policyCodes = async () =>
    (await stack.db.query<{ code: string }>(`SELECT code FROM sla_policies WHERE active ORDER BY code`)).rows.map(
      (r: { code: string }) => r.code,
    );

  it('lists the policies for admins and supervisors only', async () => {
    const list = await stack.client.as<Array<{ code: string }>>('admin', 'GET', '/api/v1/sla/policies');
    expect(list.status).toBe(200);
    expect(list.body.map((p: { code: string }) => p.code)).toContain('default');
    expect((await stack.client.as('supervisor', 'GET', '/api/v1/sla/policies')).status).toBe(200);
    expect((await stack.client.as('staff-heating', 'GET', '/api/v1/sla/policies')).status).toBe(403);
  });

  it('a new policy governs stages that start afterwards; retiring it hands them back', async () => {
    const saved = await stack.client.as('admin', 'PUT', '/api/v1/sla/policies/heating-fast-test', fastHeating);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ code: 'heating-fast-test', active: true, definition: { code: 'heating-fast-test' } });
    // The worker starts the stage: it must hold the new policy before the case reaches it.
    await settingsAcknowledged(stack);
    try {
      const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', heatingComplaint());
      const deadline = await waitFor(
        async () => {
          const [d] = (
            await stack.db.query<{ policy_code: string; started_at: Date; deadline: Date }>(
              `SELECT policy_code, started_at, deadline FROM case_deadlines WHERE case_id = $1`,
              [created.body.id],
            )
          ).rows;
          return d;
        },
        30_000,
        'accept stage',
      );
      expect(deadline.policy_code).toBe('heating-fast-test');
      expect(deadline.deadline.getTime() - deadline.started_at.getTime()).toBe(30 * 60_000);
    } finally {
      const retired = await stack.client.as<{ active: boolean }>('admin', 'DELETE', '/api/v1/sla/policies/heating-fast-test');
      expect(retired.status).toBe(200);
      expect(retired.body.active).toBe(false);
      await settingsAcknowledged(stack);
    }
    const again = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', heatingComplaint());
    const [d] = await waitFor(
      async () => {
        const rows = (
          await stack.db.query<{ policy_code: string }>(`SELECT policy_code FROM case_deadlines WHERE case_id = $1`, [
            again.body.id,
          ])
        ).rows;
        return rows.length ? rows : undefined;
      },
      30_000,
      'accept stage',
    );
    expect(d.policy_code).not.toBe('heating-fast-test');
  });

  it('refuses a policy that breaks itself or the set, naming every field, and changes nothing', async () => {
    const before = await policyCodes();
    const broken = await stack.client.as<ErrorBody>('admin', 'PUT', '/api/v1/sla/policies/broken', {
      ...fastHeating,
      accept: { amount: -1, unit: 'weeks' },
      colour: 'red',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['accept.amount', 'accept.unit', 'colour']);
    const secondCatchAll = await stack.client.as<ErrorBody>('admin', 'PUT', '/api/v1/sla/policies/another-default', {
      ...fastHeating,
      match: {},
    });
    expect(secondCatchAll.status).toBe(400);
    expect(JSON.stringify(secondCatchAll.body.details)).toContain('catch-all');
    expect(
      (await stack.client.as<ErrorBody>('admin', 'PUT', '/api/v1/sla/policies/x', { ...fastHeating, code: 'y' })).body.details,
    ).toEqual([{ field: 'code', reason: 'must be "x" as in the path, or left out' }]);
    expect((await stack.client.as('admin', 'DELETE', '/api/v1/sla/policies/default')).status).toBe(400);
    expect((await stack.client.as('admin', 'DELETE', '/api/v1/sla/policies/no-such-policy')).status).toBe(404);
    expect((await stack.client.as('supervisor', 'PUT', '/api/v1/sla/policies/heating-fast-test', fastHeating)).status).toBe(403);
    expect(await policyCodes()).toEqual(before);
  });

  it('a district day off moves working-day deadlines past it; removing it restores them', async () => {
    const preview = async () =>
      (
        await stack.client.as<{ deadline: string }>(
          'admin',
          'GET',
          '/api/v1/calendar/deadline?start=2026-12-04T10:00:00%2B08:00&amount=1&unit=workingDays',
        )
      ).body.deadline;
    expect(await preview()).toBe('2026-12-07T10:00:00.000+08:00');
    const saved = await stack.client.as('admin', 'PUT', '/api/v1/calendar/overrides/2026-12-07', {
      working: false,
      note: '区级停工日（测试）',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ date: '2026-12-07', working: false });
    await settingsAcknowledged(stack);
    try {
      expect(await preview()).toBe('2026-12-08T10:00:00.000+08:00');
      const listed = await stack.client.as<Array<{ date: string }>>('operator', 'GET', '/api/v1/calendar/overrides');
      expect(listed.body.some((o: { date: string }) => o.date === '2026-12-07')).toBe(true);
    } finally {
      expect((await stack.client.as('admin', 'DELETE', '/api/v1/calendar/overrides/2026-12-07')).status).toBe(204);
      await settingsAcknowledged(stack);
    }
    expect(await preview()).toBe('2026-12-07T10:00:00.000+08:00');
    expect((await stack.client.as('admin', 'PUT', '/api/v1/calendar/overrides/2026-02-30', { working: true })).status).toBe(400);
    expect((await stack.client.as('admin', 'PUT', '/api/v1/calendar/overrides/2026-12-08', { working: 'yes' })).status).toBe(400);
    expect((await stack.client.as('admin', 'DELETE', '/api/v1/calendar/overrides/2026-12-09')).status).toBe(404);
    expect((await stack.client.as('supervisor', 'PUT', '/api/v1/calendar/overrides/2026-12-08', { working: true })).status).toBe(
      403,
    );
  });

  it('each accepted change raises the settings version once; every process reports it after reloading, a refused one raises nothing', async () => {
    const version = async () =>
      (await stack.db.query<{ version: number }>(`SELECT version FROM settings_version WHERE id = 1`)).rows[0].version;
    const api = stack.api.app.get(SlaSettingsService);
    const before = await settingsAcknowledged(stack);
    expect(await version()).toBe(before);

    expect(
      (await stack.client.as('admin', 'PUT', '/api/v1/calendar/overrides/2027-03-01', { working: false, note: '版本测试' }))
        .status,
    ).toBe(200);
    expect(await version()).toBe(before + 1);
    expect(await settingsAcknowledged(stack)).toBe(before + 1);
    expect(api.loadedVersion()).toBe(before + 1);
    expect(stack.worker!.get(SlaSettingsService).loadedVersion()).toBe(before + 1);
    // What it holds is that version's content: the new day off is in its calendar.
    expect(isWorkingDay('2027-03-01', (await api.current()).calendar)).toBe(false);
    expect(await settingsHealth(api, stack.api.app.get(DataSource))).toEqual({
      status: 'up',
      loadedVersion: before + 1,
      databaseVersion: before + 1,
      current: true,
    });

    expect(
      (
        await stack.client.as('admin', 'PUT', '/api/v1/sla/policies/broken', {
          ...fastHeating,
          accept: { amount: -1, unit: 'weeks' },
        })
      ).status,
    ).toBe(400);
    expect((await stack.client.as('admin', 'DELETE', '/api/v1/calendar/overrides/2027-03-02')).status).toBe(404);
    expect(await version()).toBe(before + 1);

    expect((await stack.client.as('admin', 'DELETE', '/api/v1/calendar/overrides/2027-03-01')).status).toBe(204);
    expect(await settingsAcknowledged(stack)).toBe(before + 2);
    expect(isWorkingDay('2027-03-01', (await stack.worker!.get(SlaSettingsService).current()).calendar)).toBe(true);
  });
});
