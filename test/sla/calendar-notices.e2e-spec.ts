import { ManualClock } from '@hotline/clock';
import { dropDatabase, ensureDatabase, migrate, seed, withDatabase } from '@hotline/devstack';
import type { CalendarStatus } from '@hotline/sla';
import type { CalendarNoticeRecord, NoticeImportResult } from '@hotline/sla-runtime';
import { ApiClient, startApi, type ErrorBody, type RunningApi, type Wire } from '@hotline/testing';

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

  beforeAll(async () => {
    await ensureDatabase(serverUrl, database);
    await migrate(databaseUrl);
    await seed(databaseUrl, { onlyIfEmpty: false, includeDemoUsers: true, demoPassword: 'hotline365' });
    clock.set(new Date('2026-11-29T10:00:00+08:00'));
    api = await startApi({ clock, overrides: { DATABASE_URL: databaseUrl } });
    client = new ApiClient(api.url);
  });
  afterAll(async () => {
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

  it('a dry run lists the days the notice changes and stores nothing', async () => {
    const r = await client.as<Wire<NoticeImportResult>>('admin', 'POST', '/api/v1/calendar/notices?dryRun=true', {
      text: NOTICE_2027,
    });
    expect(r.status).toBe(200);
    expect(r.body.applied).toBe(false);
    expect(r.body.year).toBe(2027);
    expect(r.body.workingDays).toEqual([{ date: '2027-02-20', holiday: '春节' }]);
    expect(r.body.changes).toContainEqual({
      date: '2027-02-20',
      before: { working: false, source: 'weekday' },
      after: { working: true, source: 'official', note: '春节' },
    });
    expect(await stored()).toEqual([]);
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

    // Imported again (a corrected text) it replaces the year's arrangement.
    const corrected = NOTICE_2027.replace('2月20日（周六）上班', '2月20日（周六）、2月21日（周日）上班');
    const again = await client.as<Wire<NoticeImportResult>>('admin', 'POST', '/api/v1/calendar/notices', { text: corrected });
    expect(again.status).toBe(200);
    expect(again.body.changes.map((c) => c.date)).toEqual(['2027-02-21']);
    expect((await stored()).map((n) => n.workingDays.length)).toEqual([2]);
  });
});
