import { replay, type DepartmentReturns, type ExtensionRequestView } from '@hotline/cases';
import {
  heatingComplaint,
  neighbourhoodDispute,
  routingDone,
  useStack,
  waitFor,
  type CaseBody,
  type CaseEventBody,
  type ErrorBody,
  type Wire,
} from '@hotline/testing';

/** The cases row's counters and links, as these tests select them. */
interface CaseRow {
  status: string;
  version: number;
  returns_count: number;
  extensions_count: number;
  reopens_count: number;
  urges_count: number;
  merged_into_id: string | null;
  supervision_level: string | null;
  assignee_id: string | null;
}
/** A case_events row, as these tests select it (replayable). */
interface EventRow {
  type: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  data: { extensionRequestId?: string; [key: string]: unknown };
}

describe('the whole case life through the API', () => {
  const stack = useStack();
  const touched = new Set<string>();

  const row = async (id: string) =>
    (
      await stack.db.query<CaseRow>(
        `SELECT status, version, returns_count, extensions_count, reopens_count, urges_count, merged_into_id,
              supervision_level, assignee_id FROM cases WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const eventsOf = async (id: string) =>
    (
      await stack.db.query<EventRow>(
        `SELECT type, from_status AS "fromStatus", to_status AS "toStatus", note, data FROM case_events WHERE case_id = $1 ORDER BY id`,
        [id],
      )
    ).rows;
  const typesOf = async (id: string) => (await eventsOf(id)).map((e: { type: string }) => e.type);
  /** An action on the case; its answer is the case, or the refusal (`act<ErrorBody>`) where a test expects one. */
  const act = <T = CaseBody>(user: string, id: string, action: string, body: unknown = {}) =>
    stack.client.as<T>(user, 'POST', `/api/v1/cases/${id}/${action}`, body);
  const userId = async (username: string) =>
    (await stack.db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username])).rows[0].id;

  /** A heating complaint in baiyun, routed by rule R11 to heating. */
  async function dispatchedHeatingCase(): Promise<string> {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', heatingComplaint());
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    touched.add(id);
    await waitFor(async () => ((await row(id)).status === 'dispatched' ? true : undefined), 30_000, 'automatic dispatch');
    return id;
  }

  /** A case no rule covers, so it stays with the centre until a person acts. */
  async function receivedCase(overrides: Record<string, unknown> = {}): Promise<string> {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', neighbourhoodDispute(overrides));
    expect(created.status).toBe(201);
    touched.add(created.body.id);
    return created.body.id;
  }

  async function expectOk(user: string, id: string, action: string, body: unknown, status: string) {
    const r = await act(user, id, action, body);
    expect({ action, status: r.status, body: r.status === 200 ? r.body.status : r.body }).toEqual({
      action,
      status: 200,
      body: status,
    });
    expect(r.body.id).toBe(id);
    return r;
  }

  it('lives a normal life to closed: accept, progress, reply, satisfied callback', async () => {
    const id = await dispatchedHeatingCase();
    await expectOk('staff-heating', id, 'accept', {}, 'accepted');
    await expectOk('staff-heating', id, 'progress', { note: '已派维修工' }, 'accepted');
    const replied = await expectOk('staff-heating', id, 'reply', { result: '已修复管道' }, 'replied');
    expect(replied.body.leadDepartment).toMatchObject({ code: 'heating' });
    await expectOk('supervisor', id, 'callback', { satisfaction: 'satisfied', solved: true, note: '市民满意' }, 'closed');
    expect(await typesOf(id)).toEqual(['received', 'dispatched', 'accepted', 'progressNoted', 'replied', 'calledBack', 'closed']);
    const events = (await stack.client.as<CaseEventBody[]>('supervisor', 'GET', `/api/v1/cases/${id}/events`)).body;
    expect(events.find((e) => e.type === 'replied')).toMatchObject({ note: '已修复管道', data: { result: '已修复管道' } });
    expect(events.find((e) => e.type === 'closed')).toMatchObject({
      data: { satisfaction: 'satisfied', solved: true, closure: 'callback' },
    });
  });

  it('returns a case with a reason; the dispatcher re-dispatches it or rejects the return', async () => {
    const id = await dispatchedHeatingCase();
    expect((await act('staff-heating', id, 'return', {})).status).toBe(400);
    expect((await act('staff-heating', id, 'return', { reason: '   ' })).status).toBe(400);
    await expectOk('staff-heating', id, 'return', { reason: '不属于供热职责' }, 'returned');
    expect((await row(id)).returns_count).toBe(1);
    // Routing never re-dispatches a returned case; a dispatcher does.
    const redispatched = await act('dispatcher', id, 'dispatch', { leadDepartmentCode: 'housing' });
    expect(redispatched.status).toBe(200);
    expect(redispatched.body).toMatchObject({ status: 'dispatched', leadDepartment: { code: 'housing' } });
    expect((await act('staff-heating', id, 'accept', {})).status).toBe(403);
    await expectOk('staff-housing', id, 'accept', {}, 'accepted');

    const other = await dispatchedHeatingCase();
    await expectOk('staff-heating', other, 'return', { reason: '地址不清' }, 'returned');
    await expectOk('dispatcher', other, 'reject-return', { note: '地址已核实' }, 'dispatched');
    expect(await typesOf(other)).toEqual(['received', 'dispatched', 'returned', 'returnRejected']);
    const events = await eventsOf(other);
    expect(events[2]).toMatchObject({ note: '地址不清', data: { reason: '地址不清' } });

    // Supervisors see the returns each department made, and how each ended.
    const returns = await stack.client.as<DepartmentReturns[]>('supervisor', 'GET', '/api/v1/returns/by-department');
    expect(returns.status).toBe(200);
    const heating = returns.body.find((r) => r.department.code === 'heating')!;
    expect(heating.returns).toBeGreaterThanOrEqual(2);
    expect(heating.rejected).toBeGreaterThanOrEqual(1);
    expect(heating.redispatched).toBeGreaterThanOrEqual(1);
    expect(heating.returns).toBe(heating.rejected + heating.redispatched + heating.waiting);
    expect((await stack.client.as('staff-heating', 'GET', '/api/v1/returns/by-department')).status).toBe(403);
    expect((await stack.client.as('supervisor', 'GET', '/api/v1/returns/by-department?from=2026-13-01')).status).toBe(400);
  });

  it('allows a return after acceptance only within two working days of dispatch', async () => {
    const inWindow = await dispatchedHeatingCase();
    await expectOk('staff-heating', inWindow, 'accept', {}, 'accepted');
    await expectOk('staff-heating', inWindow, 'return', { reason: '需住建部门处理' }, 'returned');

    const late = await dispatchedHeatingCase();
    await expectOk('staff-heating', late, 'accept', {}, 'accepted');
    await stack.db.query(`UPDATE cases SET dispatched_at = now() - interval '15 days' WHERE id = $1`, [late]);
    const before = await row(late);
    const refused = await act<ErrorBody>('staff-heating', late, 'return', { reason: '太晚了' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('return window');
    expect(await row(late)).toEqual(before);
  });

  it('handles extension requests: one pending at a time, approved or rejected by a supervisor, at most two', async () => {
    const id = await dispatchedHeatingCase();
    expect((await act('staff-heating', id, 'extension-requests', { days: 3, reason: '需协调' })).status).toBe(409); // not accepted yet
    await expectOk('staff-heating', id, 'accept', {}, 'accepted');
    for (const bad of [{ days: 0, reason: 'x' }, { days: '3', reason: 'x' }, { days: 3 }, { days: 3, reason: 'x', extra: 1 }]) {
      expect((await act('staff-heating', id, 'extension-requests', bad)).status).toBe(400);
    }
    await expectOk('staff-heating', id, 'extension-requests', { days: 3, reason: '需协调燃气公司' }, 'accepted');
    const pending = await act('staff-heating', id, 'extension-requests', { days: 2, reason: '再延' });
    expect(pending.status).toBe(409);
    const firstId = (await eventsOf(id)).find((e) => e.type === 'extensionRequested')!.data.extensionRequestId;
    expect((await act('staff-heating', id, `extension-requests/${firstId}/approve`, {})).status).toBe(403);
    await expectOk('supervisor', id, `extension-requests/${firstId}/approve`, { note: '同意' }, 'accepted');
    expect((await act('supervisor', id, `extension-requests/${firstId}/reject`, {})).status).toBe(409);

    await expectOk('staff-heating', id, 'extension-requests', { days: 5, reason: '材料未到' }, 'accepted');
    const secondId = (await eventsOf(id)).filter((e) => e.type === 'extensionRequested')[1].data.extensionRequestId;
    await expectOk('supervisor', id, `extension-requests/${secondId}/reject`, {}, 'accepted');
    const third = await act<ErrorBody>('staff-heating', id, 'extension-requests', { days: 1, reason: '第三次' });
    expect(third.status).toBe(409);
    expect(third.body.message).toContain('maximum of 2');

    const requests = (
      await stack.db.query<{ id: string; status: string; days: number; decided_by_id: string | null }>(
        'SELECT id, status, days, decided_by_id FROM extension_requests WHERE case_id = $1 ORDER BY requested_at',
        [id],
      )
    ).rows;
    expect(requests.map((r) => [r.id, r.status, r.days])).toEqual([
      [firstId, 'approved', 3],
      [secondId, 'rejected', 5],
    ]);
    expect(requests.map((r) => r.decided_by_id)).toEqual([await userId('supervisor'), await userId('supervisor')]);
    expect((await row(id)).extensions_count).toBe(2);
    const listed = await stack.client.as<Wire<ExtensionRequestView>[]>(
      'staff-heating',
      'GET',
      `/api/v1/cases/${id}/extension-requests`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.map((r) => [r.id, r.status, r.days, r.decidedBy !== null])).toEqual([
      [firstId, 'approved', 3, true],
      [secondId, 'rejected', 5, true],
    ]);
    expect((await stack.client.as('staff-housing', 'GET', `/api/v1/cases/${id}/extension-requests`)).status).toBe(403);
    const decided = await stack.client.as<Wire<ExtensionRequestView>[]>(
      'supervisor',
      'GET',
      '/api/v1/extension-requests?status=approved&limit=500',
    );
    expect(decided.body.some((r) => r.id === firstId)).toBe(true);
    expect((await stack.client.as('staff-heating', 'GET', '/api/v1/extension-requests')).status).toBe(403);
    expect((await stack.client.as('supervisor', 'GET', '/api/v1/extension-requests?status=lost')).status).toBe(400);
    expect(await typesOf(id)).toEqual([
      'received',
      'dispatched',
      'accepted',
      'extensionRequested',
      'extensionApproved',
      'extensionRequested',
      'extensionRejected',
    ]);
  });

  it('reopens on an unsatisfied callback; the department accepts and replies again; a satisfied callback closes', async () => {
    const id = await dispatchedHeatingCase();
    await expectOk('staff-heating', id, 'accept', {}, 'accepted');
    await expectOk('staff-heating', id, 'reply', { result: '已处理' }, 'replied');
    await expectOk('supervisor', id, 'callback', { satisfaction: 'unsatisfied', solved: false, note: '仍然不热' }, 'reopened');
    expect((await row(id)).reopens_count).toBe(1);
    expect((await act('staff-heating', id, 'reply', { result: 'x' })).status).toBe(409);
    await expectOk('staff-heating', id, 'accept', {}, 'accepted');
    await expectOk('staff-heating', id, 'reply', { result: '更换了阀门' }, 'replied');
    await expectOk('supervisor', id, 'callback', { satisfaction: 'basicallySatisfied', solved: true }, 'closed');
    expect(await typesOf(id)).toEqual([
      'received',
      'dispatched',
      'accepted',
      'replied',
      'calledBack',
      'reopened',
      'accepted',
      'replied',
      'calledBack',
      'closed',
    ]);
  });

  it('answers a consultation directly, without dispatch; a complaint cannot be', async () => {
    const id = await receivedCase({ kind: 'consultation', title: '供暖时间咨询' });
    expect((await act('dispatcher', id, 'direct-answer', { answer: 'x' })).status).toBe(403);
    await expectOk('operator', id, 'direct-answer', { answer: '供暖期为11月1日至次年4月1日' }, 'replied');
    await expectOk('supervisor', id, 'callback', { satisfaction: 'satisfied', solved: true }, 'closed');
    expect(await typesOf(id)).toEqual(['received', 'directAnswered', 'calledBack', 'closed']);

    const complaint = await receivedCase();
    const refused = await act<ErrorBody>('operator', complaint, 'direct-answer', { answer: 'x' });
    expect(refused.status).toBe(409);
    expect((await row(complaint)).status).toBe('received');
  });

  it('merges a duplicate into an open case, and not into itself or a closed one', async () => {
    const target = await dispatchedHeatingCase();
    const duplicate = await dispatchedHeatingCase();
    expect((await act('dispatcher', duplicate, 'merge', { targetCaseId: duplicate })).status).toBe(400);
    expect((await act('dispatcher', duplicate, 'merge', { targetCaseId: 'not-a-uuid' })).status).toBe(400);
    expect((await act('staff-heating', duplicate, 'merge', { targetCaseId: target })).status).toBe(403);
    const merged = await expectOk('dispatcher', duplicate, 'merge', { targetCaseId: target }, 'merged');
    expect(merged.body.status).toBe('merged');
    expect((await row(duplicate)).merged_into_id).toBe(target);
    const events = await eventsOf(duplicate);
    expect(events[events.length - 1]).toMatchObject({ type: 'merged', data: { targetCaseId: target } });
    expect((await act('staff-heating', duplicate, 'accept', {})).status).toBe(409);
    // The target's history names the duplicate; its result reaches both cases (and so both callers).
    expect((await eventsOf(target)).pop()).toMatchObject({ type: 'mergedIn', data: { mergedCaseId: duplicate } });
    const targetView = await stack.client.as<CaseBody>('supervisor', 'GET', `/api/v1/cases/${target}`);
    expect(targetView.body.mergedCases.map((m: { id: string }) => m.id)).toEqual([duplicate]);
    await expectOk('staff-heating', target, 'accept', {}, 'accepted');
    await expectOk('staff-heating', target, 'reply', { result: '已修复供热管道' }, 'replied');
    expect((await stack.client.as<CaseBody>('supervisor', 'GET', `/api/v1/cases/${duplicate}`)).body).toMatchObject({
      status: 'merged',
      result: '已修复供热管道',
      mergedIntoId: target,
    });

    const closed = await receivedCase({ kind: 'consultation' });
    await expectOk('operator', closed, 'direct-answer', { answer: '答复' }, 'replied');
    await expectOk('supervisor', closed, 'close', { reason: '市民撤回' }, 'closed');
    const third = await dispatchedHeatingCase();
    expect((await act('supervisor', third, 'merge', { targetCaseId: closed })).status).toBe(409);
    expect((await row(third)).status).toBe('dispatched');
  });

  it('co-handles with two assisting departments, each accepting and replying for its part', async () => {
    const id = await receivedCase();
    await routingDone(id);
    await expectOk(
      'dispatcher',
      id,
      'dispatch',
      { leadDepartmentCode: 'street-baiyun', assistingDepartmentCodes: ['police', 'civil'] },
      'dispatched',
    );
    await expectOk('staff-police', id, 'accept', {}, 'dispatched');
    expect((await act('staff-police', id, 'accept', {})).status).toBe(409);
    expect((await act('staff-civil', id, 'reply', { result: '未签收先回复' })).status).toBe(409);
    expect((await act('staff-police', id, 'return', { reason: '协办不能退单' })).status).toBe(403);
    await expectOk('staff-street-baiyun', id, 'accept', {}, 'accepted');
    await expectOk('staff-police', id, 'reply', { result: '已调解' }, 'accepted');
    expect((await act('staff-police', id, 'reply', { result: '再次' })).status).toBe(409);
    await expectOk('staff-civil', id, 'accept', {}, 'accepted');
    await expectOk('staff-civil', id, 'progress', { note: '正在核查' }, 'accepted');
    await expectOk('staff-civil', id, 'reply', { result: '已核查' }, 'accepted');
    await expectOk('staff-street-baiyun', id, 'reply', { result: '协调完毕' }, 'replied');
    const events = await eventsOf(id);
    expect(events.map((e) => e.type)).toEqual([
      'received',
      'dispatched',
      'assistAccepted',
      'accepted',
      'assistReplied',
      'assistAccepted',
      'progressNoted',
      'assistReplied',
      'replied',
    ]);
    expect(events.filter((e) => e.type === 'assistReplied').map((e) => e.note)).toEqual(['已调解', '已核查']);
  });

  it('closes as unreachable after the third unanswered callback attempt', async () => {
    const id = await dispatchedHeatingCase();
    await expectOk('staff-heating', id, 'accept', {}, 'accepted');
    await expectOk('staff-heating', id, 'reply', { result: '已处理' }, 'replied');
    await expectOk('supervisor', id, 'callback-attempt', { note: '无人接听' }, 'replied');
    await expectOk('supervisor', id, 'callback-attempt', {}, 'replied');
    await expectOk('supervisor', id, 'callback-attempt', { note: '关机' }, 'closed');
    const events = await eventsOf(id);
    expect(events.map((e) => e.type)).toEqual([
      'received',
      'dispatched',
      'accepted',
      'replied',
      'callbackAttempted',
      'callbackAttempted',
      'callbackAttempted',
      'closed',
    ]);
    expect(events[events.length - 1]).toMatchObject({ note: 'unreachable', data: { closure: 'unreachable' } });
  });

  it('supervises, urges (counted) and lets the department lead assign to its staff', async () => {
    const id = await dispatchedHeatingCase();
    await expectOk('supervisor', id, 'supervise', { level: 'red', note: '超期' }, 'dispatched');
    expect((await act('supervisor', id, 'supervise', { level: 'purple' })).status).toBe(400);
    await expectOk('operator', id, 'urge', { note: '市民来电催促' }, 'dispatched');
    await expectOk('supervisor', id, 'urge', {}, 'dispatched');
    const staff = await userId('staff-heating');
    expect((await act('staff-heating', id, 'assign', { userId: staff })).status).toBe(403);
    expect((await act('lead-heating', id, 'assign', { userId: await userId('staff-housing') })).status).toBe(400);
    await expectOk('lead-heating', id, 'assign', { userId: staff }, 'dispatched');
    const r = await row(id);
    expect(r).toMatchObject({ supervision_level: 'red', urges_count: 2, assignee_id: staff });
    const events = await eventsOf(id);
    expect(events.find((e) => e.type === 'supervised')).toMatchObject({ note: '超期', data: { level: 'red' } });
    expect(events.find((e) => e.type === 'assigned')).toMatchObject({ data: { assigneeId: staff } });
  });

  it('lets exactly one of 20 parallel accepts win, with one accepted event', async () => {
    const id = await dispatchedHeatingCase();
    await stack.client.token('staff-heating');
    const responses = await Promise.all(Array.from({ length: 20 }, () => act('staff-heating', id, 'accept', {})));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(19).fill(409)]);
    expect((await typesOf(id)).filter((t: string) => t === 'accepted')).toHaveLength(1);
    expect((await row(id)).status).toBe('accepted');
  });

  it('refuses wrong role (403), wrong state (409) and bad bodies (400), changing nothing', async () => {
    const id = await dispatchedHeatingCase();
    const before = { row: await row(id), events: await typesOf(id) };
    const refusals: Array<[string, string, unknown, number]> = [
      ['supervisor', 'accept', {}, 403],
      ['staff-housing', 'accept', {}, 403],
      ['staff-heating', 'callback', { satisfaction: 'satisfied', solved: true }, 403],
      ['operator', 'reply', { result: 'x' }, 403],
      ['staff-heating', 'reply', { result: '还没签收' }, 409],
      ['supervisor', 'callback', { satisfaction: 'satisfied', solved: true }, 409],
      ['dispatcher', 'reject-return', {}, 409],
      ['staff-heating', 'accept', { extra: true }, 400],
      ['staff-heating', 'return', { reason: 'x'.repeat(501) }, 400],
      ['staff-heating', 'progress', { note: '' }, 400],
      ['supervisor', 'callback', { satisfaction: 'happy', solved: 'yes' }, 400],
      ['dispatcher', 'merge', {}, 400],
      ['lead-heating', 'assign', { userId: 'nobody' }, 400],
    ];
    for (const [user, action, body, status] of refusals) {
      const r = await act<ErrorBody>(user, id, action, body);
      expect({ user, action, status: r.status }).toEqual({ user, action, status });
      expect(typeof r.body.message).toBe('string');
    }
    const stateRefusal = await act<ErrorBody>('staff-heating', id, 'reply', { result: 'x' });
    expect(stateRefusal.body.message).toContain('reply');
    expect(stateRefusal.body.message).toContain('dispatched');
    expect({ row: await row(id), events: await typesOf(id) }).toEqual(before);
  });

  it('replays the history of every case touched to its current status', async () => {
    expect(touched.size).toBeGreaterThan(10);
    for (const id of touched) {
      const status = (await row(id)).status;
      expect({ id, status: replay(await eventsOf(id)) }).toEqual({ id, status });
    }
  });
});
