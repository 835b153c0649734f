import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { sqlRows } from '@hotline/database';
import {
  createWorkingCalendar,
  describeDay,
  parseHolidayNotice,
  type DayDescription,
  type HolidayNotice,
  type NoticeDay,
  type WorkingCalendar,
} from '@hotline/sla';
import { announceSettingsChange } from './sla-admin.service';
import { SlaSettingsService } from './sla-settings.service';

/** A day whose working state the notice changes, as the calendar in force has it and as it would be. */
export interface NoticeDayChange {
  date: string;
  before: Omit<DayDescription, 'date'>;
  after: Omit<DayDescription, 'date'>;
}

export interface NoticeImportResult {
  year: number;
  daysOff: NoticeDay[];
  workingDays: NoticeDay[];
  /** Every day of the year (and of the December before) that turns from working to off or back. */
  changes: NoticeDayChange[];
  /** false for a dry run: nothing was stored. */
  applied: boolean;
}

export interface CalendarNoticeRecord {
  year: number;
  daysOff: NoticeDay[];
  workingDays: NoticeDay[];
  importedBy: string | null;
  importedAt: Date;
}

const DAY_MS = 86_400_000;

/**
 * Administrators import the State Council's yearly notice: the text is read (parseHolidayNotice, which
 * refuses with the line it could not read), compared day by day with the calendar in force, and, unless
 * a dry run, stored as that year's official arrangement (replacing an earlier import of the same year)
 * and announced to every process at commit like any other settings change.
 */
@Injectable()
export class CalendarNoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SlaSettingsService,
  ) {}

  list(): Promise<CalendarNoticeRecord[]> {
    return sqlRows<CalendarNoticeRecord>(
      this.dataSource,
      `SELECT n.year, n.days_off AS "daysOff", n.working_days AS "workingDays", u.username AS "importedBy", n.imported_at AS "importedAt"
         FROM calendar_notices n LEFT JOIN users u ON u.id = n.imported_by ORDER BY n.year`,
    );
  }

  async import(text: string, importedBy: string, dryRun: boolean): Promise<NoticeImportResult> {
    const notice = parseHolidayNotice(text);
    const { calendar } = await this.settings.current();
    const changes = dayChanges(notice, calendar);
    if (dryRun) return { ...notice, changes, applied: false };
    await this.dataSource.transaction(async (manager) => {
      await sqlRows(
        manager,
        `INSERT INTO calendar_notices (year, text, days_off, working_days, imported_by) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5)
         ON CONFLICT (year) DO UPDATE SET text = EXCLUDED.text, days_off = EXCLUDED.days_off, working_days = EXCLUDED.working_days,
           imported_by = EXCLUDED.imported_by, imported_at = now()`,
        [notice.year, text, JSON.stringify(notice.daysOff), JSON.stringify(notice.workingDays), importedBy],
      );
      await announceSettingsChange(manager);
    });
    this.settings.reload();
    return { ...notice, changes, applied: true };
  }
}

/** The days from 1 December before the notice's year to its end whose working state the notice changes. */
function dayChanges(notice: HolidayNotice, current: WorkingCalendar): NoticeDayChange[] {
  const next = createWorkingCalendar({
    timeZone: current.timeZone,
    officeHours: current.officeHours,
    overrides: current.overrides,
    prediction: current.prediction,
    notices: [...current.notices.filter((n) => n.year !== notice.year), notice],
  });
  const changes: NoticeDayChange[] = [];
  const first = Date.UTC(notice.year - 1, 11, 1);
  const last = Date.UTC(notice.year, 11, 31);
  for (let ms = first; ms <= last; ms += DAY_MS) {
    const date = new Date(ms).toISOString().slice(0, 10);
    const before = dayState(describeDay(date, current));
    const after = dayState(describeDay(date, next));
    if (before.working !== after.working) changes.push({ date, before, after });
  }
  return changes;
}

function dayState(day: DayDescription): Omit<DayDescription, 'date'> {
  return { working: day.working, source: day.source, ...(day.note ? { note: day.note } : {}) };
}
