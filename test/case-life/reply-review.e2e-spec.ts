import { neighbourhoodDispute, rawRequest, useStack, waitFor, type CaseBody, type ErrorBody } from '@hotline/testing';

/**
 * 办结审核: a department's replies wait for its lead's approval and then the centre's review before the
 * callback, each step with its own deadline, history event and notification. The departments used here
 * (culture, education) are set up by this suite alone, so no other suite's replies change course.
 */
describe('reply review (办结审核)', () => {
  // Registered before the stack's own afterAll, so it runs while the API still answers.
  afterAll(async () => {
    await setReview('culture', false, false);
    await setReview('education', false, false);
  });
  const stack = useStack();

  const act = <T = CaseBody>(user: string, id: string, action: string, body: unknown = {}) =>
    stack.client.as<T>(user, 'POST', `/api/v1/cases/${id}/${action}`, body);
  const caseRow = async (id: string) =>
    (
      await stack.db.query<{ status: string; version: number; sla_stage: string | null; sla_deadline: Date | null }>(
        `SELECT status, version, sla_stage, sla_deadline FROM cases WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const eventsOf = async (id: string) =>
    (
      await stack.db.query<{ type: string; toStatus: string; note: string | null; data: Record<string, unknown> }>(
        `SELECT type, to_status AS "toStatus", note, data FROM case_events WHERE case_id = $1 ORDER BY id`,
        [id],
      )
    ).rows;
  const actionsOf = async (user: string, id: string) =>
    (await stack.client.as<{ actions: string[] }>(user, 'GET', `/api/v1/cases/${id}/actions`)).body.actions;
  const setReview = (code: string, leadApproval: boolean, centreReview: boolean) =>
    stack.client.as('admin', 'PUT', `/api/v1/departments/${code}/review-settings`, { leadApproval, centreReview });

  /** A case dispatched by hand to `department` and accepted there (its category has no routing rule). */
  async function acceptedCase(department: string): Promise<string> {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', neighbourhoodDispute());
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await act('dispatcher', id, 'dispatch', { leadDepartmentCode: department })).status).toBe(200);
    expect((await act(`staff-${department}`, id, 'accept')).status).toBe(200);
    return id;
  }

  /** A refused request: its status, and the case exactly as before (same version, same history). */
  async function expectRefusedUnchanged(user: string, id: string, action: string, body: unknown, status: number) {
    const before = { row: await caseRow(id), events: (await eventsOf(id)).length };
    const r = await act<ErrorBody>(user, id, action, body);
    expect({ action, status: r.status }).toEqual({ action, status });
    expect({ row: await caseRow(id), events: (await eventsOf(id)).length }).toEqual(before);
    return r.body;
  }

  beforeAll(async () => {
    expect((await setReview('culture', true, true)).status).toBe(200);
    expect((await setReview('education', false, true)).status).toBe(200);
  });

  it('keeps the setting per department: admins set it, supervisors read it, bad input changes nothing', async () => {
    const read = await stack.client.as('supervisor', 'GET', '/api/v1/departments/culture/review-settings');
    expect(read).toMatchObject({ status: 200, body: { department: 'culture', leadApproval: true, centreReview: true } });
    expect((await stack.client.as('supervisor', 'PUT', '/api/v1/departments/culture/review-settings', {})).status).toBe(403);
    expect((await stack.client.as('lead-culture', 'GET', '/api/v1/departments/culture/review-settings')).status).toBe(403);
    const bad = await stack.client.as<ErrorBody>('admin', 'PUT', '/api/v1/departments/culture/review-settings', {
      leadApproval: 'yes',
      centreReview: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'leadApproval' })]));
    expect((await setReview('nowhere', true, true)).status).toBe(404);
    const after = await stack.client.as('admin', 'GET', '/api/v1/departments/culture/review-settings');
    expect(after.body).toEqual({ department: 'culture', leadApproval: true, centreReview: true });
    const other = await stack.client.as('admin', 'GET', '/api/v1/departments/heating/review-settings');
    expect(other.body).toEqual({ department: 'heating', leadApproval: false, centreReview: false });
  });

  it('sends a reply through the lead and the centre, both ways, each step with its deadline and events', async () => {
    const id = await acceptedCase('culture');
    expect((await act('staff-culture', id, 'reply', { result: '已协调场馆降低音量' })).body.status).toBe('awaitingLeadApproval');
    expect(await caseRow(id)).toMatchObject({ status: 'awaitingLeadApproval', sla_stage: 'leadReview' });
    const leadDeadline = await stack.db.query(
      `SELECT stage, policy_code, deadline, ended_at FROM case_deadlines WHERE case_id = $1 AND stage = 'leadReview'`,
      [id],
    );
    expect(leadDeadline.rows).toEqual([expect.objectContaining({ stage: 'leadReview', policy_code: 'default', ended_at: null })]);
    const toLead = await stack.db.query(
      `SELECT type FROM notifications WHERE case_id = $1 AND recipient_department_id = (SELECT id FROM departments WHERE code = 'culture') AND type = 'replyToApprove'`,
      [id],
    );
    expect(toLead.rowCount).toBe(1);
    // The citizen does not read a reply that is still in review.
    const caseNo = (await stack.client.as<CaseBody>('supervisor', 'GET', `/api/v1/cases/${id}`)).body.caseNo;
    // The citizen looks it up from an address of its own: public routes are limited per address, and
    // other suites of the run (the hostile-input sample above all) spend 127.0.0.1's budget.
    const publicStatus = async () => {
      const r = await rawRequest<{ status: string; reply: { text: string } | null }>(stack.api.url, {
        method: 'GET',
        path: `/api/v1/public/cases/${caseNo}?phoneLast4=5678`,
        localAddress: '127.0.0.31',
      });
      return { status: r.status, body: r.json };
    };
    expect((await publicStatus()).body).toMatchObject({ status: 'awaitingLeadApproval', reply: null });

    // Only the lead of the lead department decides; staff, other departments and the centre are refused.
    expect(await actionsOf('lead-culture', id)).toContain('leadReview');
    expect(await actionsOf('staff-culture', id)).not.toContain('leadReview');
    expect(await actionsOf('supervisor', id)).not.toContain('review');
    await expectRefusedUnchanged('staff-culture', id, 'lead-review', { decision: 'approve' }, 403);
    await expectRefusedUnchanged('lead-heating', id, 'lead-review', { decision: 'approve' }, 403);
    await expectRefusedUnchanged('supervisor', id, 'review', { decision: 'pass' }, 409);
    // Sending back needs a reason; an unknown decision is refused by the body's validation.
    const noReason = await expectRefusedUnchanged('lead-culture', id, 'lead-review', { decision: 'return' }, 400);
    expect(noReason.details).toEqual([expect.objectContaining({ field: 'note' })]);
    await expectRefusedUnchanged('lead-culture', id, 'lead-review', { decision: 'pass' }, 400);

    // The lead sends it back: the department replies again on a new reply stage.
    const sentBack = await act('lead-culture', id, 'lead-review', { decision: 'return', note: '请补充整改照片' });
    expect(sentBack.body.status).toBe('accepted');
    expect(await caseRow(id)).toMatchObject({ status: 'accepted', sla_stage: 'reply' });
    expect((await act('staff-culture', id, 'reply', { result: '已整改并附照片' })).body.status).toBe('awaitingLeadApproval');
    const approved = await act('lead-culture', id, 'lead-review', { decision: 'approve' });
    expect(approved.body.status).toBe('awaitingCentreReview');
    expect(await caseRow(id)).toMatchObject({ sla_stage: 'centreReview' });

    // The centre: supervisors only; a return needs a note and goes back to the department.
    expect(await actionsOf('supervisor', id)).toContain('review');
    expect(await actionsOf('lead-culture', id)).not.toContain('leadReview');
    await expectRefusedUnchanged('operator', id, 'review', { decision: 'pass' }, 403);
    await expectRefusedUnchanged('staff-culture', id, 'review', { decision: 'pass' }, 403);
    const bare = await expectRefusedUnchanged('supervisor', id, 'review', { decision: 'return', note: '   ' }, 400);
    expect(bare.details).toEqual([expect.objectContaining({ field: 'note' })]);
    const returned = await act('supervisor', id, 'review', { decision: 'return', note: '答复未说明处理时限' });
    expect(returned.body.status).toBe('accepted');
    expect((await publicStatus()).body).toMatchObject({ status: 'accepted', reply: null });

    expect((await act('staff-culture', id, 'reply', { result: '已整改，承诺每晚十点前停止' })).status).toBe(200);
    expect((await act('lead-culture', id, 'lead-review', { decision: 'approve', note: '同意' })).body.status).toBe(
      'awaitingCentreReview',
    );
    const passed = await act('supervisor', id, 'review', { decision: 'pass' });
    expect(passed.body.status).toBe('replied');
    expect(await caseRow(id)).toMatchObject({ status: 'replied', sla_stage: 'callback' });
    expect((await publicStatus()).body).toMatchObject({ status: 'replied', reply: { text: '已整改，承诺每晚十点前停止' } });
    expect(await actionsOf('supervisor', id)).toContain('callback');
    expect((await act('supervisor', id, 'callback', { satisfaction: 'satisfied', solved: true })).body.status).toBe('closed');

    const events = await eventsOf(id);
    expect(events.map((e) => e.type)).toEqual([
      'received',
      'dispatched',
      'accepted',
      'replied',
      'replySentBack',
      'replied',
      'replyApproved',
      'reviewReturned',
      'replied',
      'replyApproved',
      'reviewPassed',
      'calledBack',
      'closed',
    ]);
    expect(events.find((e) => e.type === 'replySentBack')).toMatchObject({ note: '请补充整改照片', toStatus: 'accepted' });
    expect(events.find((e) => e.type === 'reviewReturned')).toMatchObject({
      note: '答复未说明处理时限',
      data: expect.objectContaining({ decision: 'return' }) as unknown,
    });
    // Every review step had its own deadline row, ended when the step ended (a step restarted onto the
    // same deadline, as on the same day, reopens its row rather than adding one).
    const stages = await stack.db.query<{ stage: string; open: boolean }>(
      `SELECT stage, ended_at IS NULL AS open FROM case_deadlines WHERE case_id = $1 ORDER BY started_at, id`,
      [id],
    );
    expect(stages.rows.map((r) => r.stage)).toEqual(
      expect.arrayContaining(['accept', 'reply', 'leadReview', 'centreReview', 'callback']),
    );
    expect(stages.rows.every((r) => !r.open)).toBe(true);

    // The centre's return counts in the figures (the projector catches up with the history).
    await waitFor(
      async () => {
        const facts = await stack.db.query<{ review_returned: boolean; closed: boolean; replied: boolean }>(
          `SELECT review_returned, closed, replied FROM stats_case_facts WHERE case_id = $1`,
          [id],
        );
        const f = facts.rows[0];
        return f?.review_returned && f.closed && f.replied ? f : undefined;
      },
      30_000,
      'the review return in the statistics',
    );
    const rates = await stack.client.as<{ rows: Array<{ key: { code: string }; reviewReturned: number }> }>(
      'supervisor',
      'GET',
      '/api/v1/stats/rates?groupBy=department',
    );
    expect(rates.status).toBe(200);
    expect(rates.body.rows.find((r) => r.key.code === 'culture')?.reviewReturned).toBeGreaterThanOrEqual(1);
  });

  it('skips the lead step where the department has only the centre review', async () => {
    const id = await acceptedCase('education');
    expect((await act('staff-education', id, 'reply', { result: '已核实并答复' })).body.status).toBe('awaitingCentreReview');
    expect((await act('supervisor', id, 'review', { decision: 'pass', note: '答复完整' })).body.status).toBe('replied');
    expect((await eventsOf(id)).map((e) => e.type).slice(-2)).toEqual(['replied', 'reviewPassed']);
  });
});
