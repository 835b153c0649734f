import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AuditActor, recordAudit } from '@hotline/audit';
import { announceSettingsChange, sqlRow, sqlRows } from '@hotline/database';
import {
  describeDay,
  parseHolidayNotice,
  type CalendarChange,
  type DayDescription,
  type HolidayNotice,
  type NoticeDay,
  type WorkingCalendar,
} from '@hotline/sla';
import { calendarVariant, type RunningDeadlinesMover } from './calendar-variant';
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
  /** Running stage deadlines the change moved (or, in a dry run, would move). */
  movedDeadlines: number;
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

  /**
   * Reads and compares the notice; unless a dry run, stores it, moves the running deadlines it touches
   * (`deadlines`, in the same transaction) and tells every process at commit.
   */
  async import(text: string, actor: AuditActor, dryRun: boolean, deadlines: RunningDeadlinesMover): Promise<NoticeImportResult> {
    const notice = parseHolidayNotice(text);
    const { calendar } = await this.settings.current();
    const after = calendarVariant(calendar, { notices: [...calendar.notices.filter((n) => n.year !== notice.year), notice] });
    const changes = dayChanges(notice, calendar, after);
    const change: CalendarChange = {
      before: calendar,
      after,
      changedDays: changes.map((c) => c.date),
      why: `${notice.year}年节假日安排通知已导入 (holiday notice ${notice.year} imported)`,
    };
    if (dryRun) {
      const movedDeadlines = await deadlines.count(this.dataSource.manager, change);
      return { ...notice, changes, applied: false, movedDeadlines };
    }
    const movedDeadlines = await this.dataSource.transaction(async (manager) => {
      const before = await sqlRow<{ daysOff: NoticeDay[]; workingDays: NoticeDay[] }>(
        manager,
        `SELECT days_off AS "daysOff", working_days AS "workingDays" FROM calendar_notices WHERE year = $1 FOR UPDATE`,
        [notice.year],
      );
      await sqlRows(
        manager,
        `INSERT INTO calendar_notices (year, text, days_off, working_days, imported_by) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5)
         ON CONFLICT (year) DO UPDATE SET text = EXCLUDED.text, days_off = EXCLUDED.days_off, working_days = EXCLUDED.working_days,
           imported_by = EXCLUDED.imported_by, imported_at = now()`,
        [notice.year, text, JSON.stringify(notice.daysOff), JSON.stringify(notice.workingDays), actor.userId],
      );
      await announceSettingsChange(manager);
      const moved = await deadlines.move(manager, change);
      await recordAudit(manager, actor, {
        entity: 'calendarNotice',
        entityId: String(notice.year),
        action: before ? 'replace' : 'import',
        before: before ?? null,
        after: {
          daysOff: notice.daysOff,
          workingDays: notice.workingDays,
          changedDays: change.changedDays,
          movedDeadlines: moved,
        },
      });
      return moved;
    });
    this.settings.reload();
    return { ...notice, changes, applied: true, movedDeadlines };
  }
}

/** The days from 1 December before the notice's year to its end whose working state the notice changes. */
function dayChanges(notice: HolidayNotice, current: WorkingCalendar, next: WorkingCalendar): NoticeDayChange[] {
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
