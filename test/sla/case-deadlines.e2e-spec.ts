import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addWorkingTime, computeStageDeadline, createWorkingCalendar, parseSlaPolicies, selectPolicy } from '@hotline/sla';
import { heatingComplaint, useStack, waitFor, type CaseBody } from '@hotline/testing';

/** The cases row's SLA columns, as these tests select them. */
interface CaseSlaRow {
  status: string;
  dispatched_at: Date;
  sla_stage: string | null;
  sla_deadline: Date;
  sla_warn_at: Date;
}
/** A case_deadlines row, as these tests select it. */
interface DeadlineRow {
  stage: string;
  policy_code: string;
  started_at: Date;
  deadline: Date;
  warn_at: Date;
  reason: string;
  ended_at: Date | null;
}

describe('SLA stage deadlines on the case', () => {
  const stack = useStack();
  const calendar = createWorkingCalendar();
  const policies = parseSlaPolicies(JSON.parse(readFileSync(join(__dirname, '../../seeds/sla-policies.json'), 'utf8')));
  const policy = selectPolicy(policies, { kind: 'complaint', categoryCode: 'heating.no-heat', priority: 'normal' });

  const act = (user: string, id: string, action: string, body: unknown = {}) =>
    stack.client.as(user, 'POST', `/api/v1/cases/${id}/${action}`, body);
  const caseRow = async (id: string) =>
    (
      await stack.db.query<CaseSlaRow>(
        `SELECT status, dispatched_at, sla_stage, sla_deadline, sla_warn_at FROM cases WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const deadlineRows = async (id: string) =>
    (
      await stack.db.query<DeadlineRow>(
        `SELECT stage, policy_code, started_at, deadline, warn_at, reason, ended_at FROM case_deadlines WHERE case_id = $1 ORDER BY created_at, deadline`,
        [id],
      )
    ).rows;
  const view = async (id: string) => (await stack.client.as<CaseBody>('supervisor', 'GET', `/api/v1/cases/${id}`)).body;

  async function dispatchedHeatingCase(): Promise<string> {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', heatingComplaint());
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    await waitFor(async () => ((await caseRow(id)).status === 'dispatched' ? true : undefined), 30_000, 'automatic dispatch');
    return id;
  }

  it('seeds the policies and the holiday overrides into their tables', async () => {
    const { rows } = await stack.db.query<{ code: string }>(`SELECT code FROM sla_policies WHERE active ORDER BY code`);
    expect(rows.map((r: { code: string }) => r.code)).toEqual(policies.map((p) => p.code).sort());
    expect((await stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM holiday_overrides`)).rows[0].n).toBeGreaterThan(
      0,
    );
  });

  it('a dispatch starts the accept stage with the policy deadline, shown on the case as normal', async () => {
    const id = await dispatchedHeatingCase();
    const row = await caseRow(id);
    const [accept] = await deadlineRows(id);
    expect(accept).toMatchObject({ stage: 'accept', policy_code: policy.code, reason: 'dispatched', ended_at: null });
    const expected = computeStageDeadline(policy, 'accept', accept.started_at, calendar);
    expect(row.sla_stage).toBe('accept');
    expect(row.sla_deadline.toISOString()).toBe(expected.deadline.toISOString());
    expect(row.sla_warn_at.toISOString()).toBe(expected.warnAt.toISOString());

    const body = await view(id);
    expect(body.sla).toMatchObject({ stage: 'accept', state: 'normal' });
    expect(body.sla.deadline).toMatch(/\+08:00$/);
    expect(new Date(body.sla.deadline!).toISOString()).toBe(expected.deadline.toISOString());
    expect(body.sla.deadlines).toHaveLength(1);
  });

  it('acceptance starts the reply stage counted from the dispatch; an approved extension moves it by its working days', async () => {
    const id = await dispatchedHeatingCase();
    expect((await act('staff-heating', id, 'accept')).status).toBe(200);
    const accepted = await caseRow(id);
    const reply = computeStageDeadline(policy, 'reply', accepted.dispatched_at, calendar);
    expect(accepted.sla_stage).toBe('reply');
    expect(accepted.sla_deadline.toISOString()).toBe(reply.deadline.toISOString());
    const afterAccept = await deadlineRows(id);
    expect(afterAccept.map((d: { stage: string; ended_at: Date | null }) => [d.stage, d.ended_at === null])).toEqual([
      ['accept', false],
      ['reply', true],
    ]);

    expect((await act('staff-heating', id, 'extension-requests', { days: 3, reason: '需协调燃气公司' })).status).toBe(200);
    const { rows } = await stack.db.query<{ id: string }>(`SELECT id FROM extension_requests WHERE case_id = $1`, [id]);
    expect((await act('supervisor', id, `extension-requests/${rows[0].id}/approve`, { note: '同意' })).status).toBe(200);

    const extended = await caseRow(id);
    const moved = addWorkingTime(reply.deadline, 3, 'workingDays', calendar);
    expect(extended.sla_stage).toBe('reply');
    expect(extended.sla_deadline.toISOString()).toBe(moved.toISOString());
    expect(extended.sla_warn_at.toISOString()).toBe(addWorkingTime(reply.warnAt, 3, 'workingDays', calendar).toISOString());

    const body = await view(id);
    expect(body.sla.stage).toBe('reply');
    expect(new Date(body.sla.deadline!).toISOString()).toBe(moved.toISOString());
    expect(
      body.sla.deadlines.map((d: { stage: string; reason: string; endedAt: string | null }) => [
        d.stage,
        d.reason,
        d.endedAt === null,
      ]),
    ).toEqual([
      ['accept', 'dispatched', false],
      ['reply', 'accepted', false],
      ['reply', 'extensionApproved', true],
    ]);
  });

  it('a reply starts the callback stage; closing ends every stage', async () => {
    const id = await dispatchedHeatingCase();
    expect((await act('staff-heating', id, 'accept')).status).toBe(200);
    expect((await act('staff-heating', id, 'reply', { result: '已修复暖气，室温恢复' })).status).toBe(200);
    const replied = await caseRow(id);
    expect(replied.sla_stage).toBe('callback');
    const [callback] = (await deadlineRows(id)).filter((d: { stage: string }) => d.stage === 'callback');
    expect(replied.sla_deadline.toISOString()).toBe(
      computeStageDeadline(policy, 'callback', callback.started_at, calendar).deadline.toISOString(),
    );

    expect((await act('supervisor', id, 'callback', { satisfaction: 'satisfied', solved: true })).status).toBe(200);
    const closed = await caseRow(id);
    expect([closed.status, closed.sla_stage, closed.sla_deadline]).toEqual(['closed', null, null]);
    expect((await deadlineRows(id)).every((d: { ended_at: Date | null }) => d.ended_at !== null)).toBe(true);
    expect((await view(id)).sla).toMatchObject({ stage: null, deadline: null, state: 'normal' });
  });
});
