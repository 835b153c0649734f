import { ManualClock } from '@hotline/clock';
import { dropDatabase, ensureDatabase, migrate, seed, withDatabase } from '@hotline/devstack';
import type { CalendarStatus } from '@hotline/sla';
import type { CalendarNoticeRecord, NoticeImportResult } from '@hotline/sla-runtime';
import { Client } from 'pg';
import {
  ApiClient,
  neighbourhoodDispute,
  startApi,
  type CaseBody,
  type ErrorBody,
  type RunningApi,
  type Wire,
} from '@hotline/testing';

/**
 * An administrator imports the State Council's notice: a dry run shows the days it changes and stores
 * nothing; a damaged text is refused with its line; the import makes the year official for every
 * deadline computed afterwards and the calendar's state ok. On its own database: an imported year
 * changes the calendar of every suite sharing a database (calendar-years expects 2027 predicted).
 */
describe('importing the State Council holiday notice', () => {
  // Written for this test in the notice's wording: the real 2027 notice is not out yet.
  const NOTICE_2027 = [
    '国务院办公厅关于2027年部分节假日安排的通知',
    '一、元旦：1月1日（周五）至3日（周日）放假，共3天。',
    '二、春节：2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天。2月20日（周六）上班。',
    '三、清明节：4月3日（周六）至5日（周一）放假，共3天。',
    '四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。',
    '五、端午节：6月9日（周三）放假1天。',
    '六、中秋节：9月15日（周三）放假1天。',
    '七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。',
  ].join('\n');

  const clock = new ManualClock();
  const serverUrl = process.env.TEST_POSTGRES_SERVER_URL!;
  const database = `${process.env.TEST_DATABASE_NAME!}_notices`;
  const databaseUrl = withDatabase(serverUrl, database);
  let api: RunningApi;
  let client: ApiClient;
  let db: Client;
  /** A case dispatched on Thursday 18 February 2027, its accept stage running when the notice comes. */
  let runningCaseId: string;

  beforeAll(async () => {
    await ensureDatabase(serverUrl, database);
    await migrate(databaseUrl);
    await seed(databaseUrl, { onlyIfEmpty: false, includeDemoUsers: true, demoPassword: 'hotline365' });
    clock.set(new Date('2026-11-29T10:00:00+08:00'));
    api = await startApi({ clock, overrides: { DATABASE_URL: databaseUrl } });
    client = new ApiClient(api.url);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
    await dropDatabase(serverUrl, database);
  });

  const status = async () => (await client.as<Wire<CalendarStatus>>('admin', 'GET', '/api/v1/calendar/status')).body;
  const stored = async () =>
    (await client.as<Wire<CalendarNoticeRecord>[]>('supervisor', 'GET', '/api/v1/calendar/notices')).body;
  const preview = async (start: string) =>
    (
      await client.as<{ deadline: string; calendar: string }>(
        'operator',
        'GET',
        `/api/v1/calendar/deadline?start=${encodeURIComponent(start)}&amount=1&unit=workingDays`,
      )
    ).body;

  const acceptStage = async (id: string) =>
    (
      await db.query<{ deadline: Date; warn_at: Date; calendar: string }>(
        `SELECT deadline, warn_at, calendar FROM case_deadlines WHERE case_id = $1 AND stage = 'accept' AND ended_at IS NULL`,
        [id],
      )
    ).rows;

  it('a dry run lists the days the notice changes and stores nothing', async () => {
    // No worker runs here: the case is dispatched by hand (a category no rule routes) on Thursday
    // 18 February 2027; one working day counted from the next midnight ends Monday 22 February 08:30,
    // Saturday 20 being predicted off.
    clock.set(new Date('2027-02-18T10:00:00+08:00'));
    const created = await client.as<CaseBody>('operator', 'POST', '/api/v1/cases', neighbourhoodDispute());
    expect(created.status).toBe(201);
    runningCaseId = created.body.id;
    const dispatched = await client.as('dispatcher', 'POST', `/api/v1/cases/${runningCaseId}/dispatch`, {
      leadDepartmentCode: 'housing',
    });
    expect(dispatched.status).toBe(200);
    expect(await acceptStage(runningCaseId)).toEqual([
      expect.objectContaining({ deadline: new Date('2027-02-22T08:30:00+08:00'), calendar: 'predicted' }),
    ]);
    clock.set(new Date('2026-11-29T10:00:00+08:00'));

    const r = await client.as<Wire<NoticeImportResult>>('admin', 'POST', '/api/v1/calendar/notices?dryRun=true', {
      text: NOTICE_2027,
    });
    expect(r.status).toBe(200);
    expect(r.body.applied).toBe(false);
    expect(r.body.year).toBe(2027);
    expect(r.body.workingDays).toEqual([{ date: '2027-02-20', holiday: '春节' }]);
    expect(r.body.movedDeadlines).toBe(1);
    expect(r.body.changes).toContainEqual({
      date: '2027-02-20',
      before: { working: false, source: 'weekday' },
      after: { working: true, source: 'official', note: '春节' },
    });
    expect(await stored()).toEqual([]);
    expect(await acceptStage(runningCaseId)).toEqual([
      expect.objectContaining({ deadline: new Date('2027-02-22T08:30:00+08:00') }),
    ]);
    expect(await status()).toMatchObject({ status: 'degraded', predictedYears: [2027] });
    expect(await preview('2027-02-19T10:00:00+08:00')).toEqual({
      deadline: '2027-02-22T10:00:00.000+08:00',
      calendar: 'predicted',
    });
  });

  it('a damaged notice is refused with the line it could not read, and nothing changes', async () => {
    const damaged = NOTICE_2027.replace('2月20日（周六）', '2月20日（周日）');
    // The 春节 item is the notice's third line.
    const r = await client.as<ErrorBody>('admin', 'POST', '/api/v1/calendar/notices', { text: damaged });
    expect(r.status).toBe(400);
    expect(r.body.details).toEqual([{ field: 'text', reason: expect.stringMatching(/^line 3: /) as unknown }]);
    const empty = await client.as<ErrorBody>('admin', 'POST', '/api/v1/calendar/notices', { text: '' });
    expect(empty.status).toBe(400);
    expect(await stored()).toEqual([]);
  });

  it('only an admin imports', async () => {
    const r = await client.as('supervisor', 'POST', '/api/v1/calendar/notices', { text: NOTICE_2027 });
    expect(r.status).toBe(403);
    expect(await stored()).toEqual([]);
  });

  it('the import makes 2027 official: deadlines use its worked Saturday, the calendar is ok', async () => {
    const r = await client.as<Wire<NoticeImportResult>>('admin', 'POST', '/api/v1/calendar/notices', { text: NOTICE_2027 });
    expect(r.status).toBe(200);
    expect(r.body.applied).toBe(true);
    expect(r.body.movedDeadlines).toBe(1);
    expect(await stored()).toEqual([
      expect.objectContaining({ year: 2027, importedBy: 'admin', workingDays: [{ date: '2027-02-20', holiday: '春节' }] }),
    ]);
    expect(await preview('2027-02-19T10:00:00+08:00')).toEqual({
      deadline: '2027-02-20T10:00:00.000+08:00',
      calendar: 'official',
    });
    expect(await preview('2026-12-31T10:00:00+08:00')).toEqual({
      deadline: '2027-01-04T10:00:00.000+08:00',
      calendar: 'official',
    });
    expect(await status()).toMatchObject({ status: 'ok', officialThrough: 2027, predictedYears: [], reason: null });

    // The running accept stage moved to the worked Saturday's opening, with its event and its timers.
    const saturday = new Date('2027-02-20T08:30:00+08:00');
    expect(await acceptStage(runningCaseId)).toEqual([expect.objectContaining({ deadline: saturday, calendar: 'official' })]);
    const view = (await client.as<CaseBody>('supervisor', 'GET', `/api/v1/cases/${runningCaseId}`)).body;
    expect(view.sla).toMatchObject({ stage: 'accept', deadline: '2027-02-20T08:30:00.000+08:00' });
    const events = (
      await client.as<Array<{ type: string; note: string | null }>>('supervisor', 'GET', `/api/v1/cases/${runningCaseId}/events`)
    ).body;
    expect(events.filter((e) => e.type === 'deadlineMoved')).toEqual([
      expect.objectContaining({
        note: expect.stringContaining('accept deadline 2027-02-22T08:30:00.000+08:00 → 2027-02-20T08:30:00.000+08:00') as unknown,
      }),
    ]);
    const timers = await db.query<{ job_name: string; action: string; run_at: Date | null; deadline: string }>(
      `SELECT job_name, action, run_at, payload->>'deadline' AS deadline FROM outbox
        WHERE payload->>'caseId' = $1 AND job_name = 'sla-breach' ORDER BY id`,
      [runningCaseId],
    );
    expect(timers.rows.slice(-2)).toEqual([
      { job_name: 'sla-breach', action: 'remove', run_at: null, deadline: new Date('2027-02-22T08:30:00+08:00').toISOString() },
      { job_name: 'sla-breach', action: 'add', run_at: saturday, deadline: saturday.toISOString() },
    ]);

    // Imported again (a corrected text) it replaces the year's arrangement.
    const corrected = NOTICE_2027.replace('2月20日（周六）上班', '2月20日（周六）、2月21日（周日）上班');
    const again = await client.as<Wire<NoticeImportResult>>('admin', 'POST', '/api/v1/calendar/notices', { text: corrected });
    expect(again.status).toBe(200);
    expect(again.body.changes.map((c) => c.date)).toEqual(['2027-02-21']);
    expect(again.body.movedDeadlines).toBe(0); // Sunday 21 is after the Saturday deadline
    expect((await stored()).map((n) => n.workingDays.length)).toEqual([2]);

    // Both imports are in the audit trail, with who, what and the deadlines they moved.
    const audit = await client.as<{
      items: Array<{ actorUsername: string; entityId: string; action: string; after: { movedDeadlines: number } }>;
    }>('admin', 'GET', '/api/v1/audit?entity=calendarNotice');
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((a) => [a.actorUsername, a.entityId, a.action, a.after.movedDeadlines]).sort()).toEqual([
      ['admin', '2027', 'import', 1],
      ['admin', '2027', 'replace', 0],
    ]);
  });

  it('a district override moves the running deadlines it touches, and its removal moves them back', async () => {
    // Friday 19 February made a day off: one working day counted from Friday's midnight now starts at
    // Saturday's opening and ends at the next opening, Sunday 21 (worked since the corrected notice).
    const saved = await client.as('admin', 'PUT', '/api/v1/calendar/overrides/2027-02-19', { working: false, note: '区里停电' });
    expect(saved.status).toBe(200);
    expect(await acceptStage(runningCaseId)).toEqual([
      expect.objectContaining({ deadline: new Date('2027-02-21T08:30:00+08:00') }),
    ]);
    const removed = await client.as('admin', 'DELETE', '/api/v1/calendar/overrides/2027-02-19');
    expect(removed.status).toBe(204);
    expect(await acceptStage(runningCaseId)).toEqual([
      expect.objectContaining({ deadline: new Date('2027-02-20T08:30:00+08:00') }),
    ]);
    const events = (
      await client.as<Array<{ type: string; note: string | null }>>('supervisor', 'GET', `/api/v1/cases/${runningCaseId}/events`)
    ).body.filter((e) => e.type === 'deadlineMoved');
    expect(events.map((e) => e.note)).toEqual([
      expect.stringContaining('holiday notice 2027 imported') as unknown,
      expect.stringContaining('district override of 2027-02-19 saved') as unknown,
      expect.stringContaining('district override of 2027-02-19 removed') as unknown,
    ]);
  });

  it('a notice stored without its audit row cannot commit', async () => {
    await db.query('BEGIN');
    const refused = await db
      .query(`INSERT INTO calendar_notices (year, text, days_off, working_days) VALUES (2028, 'x', '[]', '[]')`)
      .then(() => db.query('COMMIT'))
      .then(
        () => null,
        (error: { code?: string }) => error,
      );
    if (refused) await db.query('ROLLBACK');
    expect(refused?.code).toBe('HL002');
    expect((await stored()).map((n) => n.year)).toEqual([2027]);
  });
});
