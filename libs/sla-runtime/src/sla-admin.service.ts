import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, recordAudit } from '@hotline/audit';
import { announceSettingsChange, sqlExec, sqlRow, sqlRows } from '@hotline/database';
import { InputInvalid, NotFound } from '@hotline/errors';
import { parseCalendarDate } from '@hotline/input';
import { describeDay, lawHolidayOn, parseSlaPolicies, type CalendarChange, type CalendarOverride } from '@hotline/sla';
import { calendarVariant, type RunningDeadlinesMover } from './calendar-variant';
import { SlaSettingsService } from './sla-settings.service';

export interface SlaPolicyRecord {
  code: string;
  name: string;
  active: boolean;
  definition: Record<string, unknown>;
  updatedAt: Date;
}

export interface HolidayOverrideRecord {
  date: string;
  working: boolean;
  note: string;
  updatedAt: Date;
}

/**
 * Admins' edits of the SLA policies and the district's holiday overrides. A policy is checked together
 * with every other active policy before it is stored (the set must keep exactly one catch-all and no two
 * policies with the same match), under a lock so two admins cannot each break the set half-way. Edits
 * govern stages that start afterwards; deadlines already running keep the policy they started under.
 */
@Injectable()
export class SlaAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SlaSettingsService,
  ) {}

  policies(): Promise<SlaPolicyRecord[]> {
    return sqlRows<SlaPolicyRecord>(
      this.dataSource,
      `SELECT code, name, active, definition, updated_at AS "updatedAt" FROM sla_policies ORDER BY active DESC, code`,
    );
  }

  /** Creates or replaces the policy `code` (active), after checking the whole active set with it. */
  async savePolicy(code: string, definition: Record<string, unknown>, actor: AuditActor): Promise<SlaPolicyRecord> {
    if (definition.code !== undefined && definition.code !== code) {
      throw new InputInvalid([{ field: 'code', reason: `must be "${code}" as in the path, or left out` }]);
    }
    const policy: Record<string, unknown> = { ...definition, code };
    return this.changeSet(
      (others) => [...others, policy],
      async (manager) => {
        const before = await policyRow(manager, code);
        const [row] = await sqlRows<SlaPolicyRecord>(
          manager,
          `INSERT INTO sla_policies (code, name, definition, active) VALUES ($1, $2, $3::jsonb, true)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, definition = EXCLUDED.definition, active = true, updated_at = now()
         RETURNING code, name, active, definition, updated_at AS "updatedAt"`,
          [code, String(policy.name), JSON.stringify(policy)],
        );
        await recordAudit(manager, actor, {
          entity: 'slaPolicy',
          entityId: code,
          action: before ? 'update' : 'create',
          before,
          after: row,
        });
        return row;
      },
      code,
    );
  }

  /** Retires a policy (kept for the deadlines that name it); the catch-all cannot be retired. */
  async retirePolicy(code: string, actor: AuditActor): Promise<SlaPolicyRecord> {
    return this.changeSet(
      (others) => others,
      async (manager) => {
        const before = await policyRow(manager, code);
        const [row] = await sqlRows<SlaPolicyRecord>(
          manager,
          `UPDATE sla_policies SET active = false, updated_at = now() WHERE code = $1
           RETURNING code, name, active, definition, updated_at AS "updatedAt"`,
          [code],
        );
        if (!row) throw new NotFound('SlaPolicy', code);
        await recordAudit(manager, actor, { entity: 'slaPolicy', entityId: code, action: 'retire', before, after: row });
        return row;
      },
      code,
    );
  }

  overrides(): Promise<HolidayOverrideRecord[]> {
    return sqlRows<HolidayOverrideRecord>(
      this.dataSource,
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, working, note, updated_at AS "updatedAt" FROM holiday_overrides ORDER BY date`,
    );
  }

  /**
   * A day the law gives off (2025 on) is made a working day only with a reason in `note`: it overrides
   * the citizens' statutory holiday, and the note is what an audit reads.
   */
  async saveOverride(
    date: string,
    working: boolean,
    note: string,
    actor: AuditActor,
    deadlines: RunningDeadlinesMover,
  ): Promise<HolidayOverrideRecord> {
    checkDate(date);
    const lawHoliday = working ? lawHolidayOn(date) : undefined;
    if (lawHoliday && note.trim() === '') {
      throw new InputInvalid([
        { field: 'note', reason: `${date} is ${lawHoliday} by law: making it a working day needs a reason` },
      ]);
    }
    const override = { date, working, ...(note ? { note } : {}) };
    const change = await this.overrideChange(date, override, `区级工作日调整 ${date} (district override of ${date} saved)`);
    return this.changeCalendar(async (manager) => {
      const before = await overrideRow(manager, date);
      const [row] = await sqlRows<HolidayOverrideRecord>(
        manager,
        `INSERT INTO holiday_overrides (date, working, note) VALUES ($1, $2, $3)
         ON CONFLICT (date) DO UPDATE SET working = EXCLUDED.working, note = EXCLUDED.note, updated_at = now()
         RETURNING to_char(date, 'YYYY-MM-DD') AS date, working, note, updated_at AS "updatedAt"`,
        [date, working, note],
      );
      await recordAudit(manager, actor, {
        entity: 'holidayOverride',
        entityId: date,
        action: before ? 'update' : 'create',
        before,
        after: { ...row, movedDeadlines: await deadlines.move(manager, change) },
      });
      return row;
    });
  }

  async deleteOverride(date: string, actor: AuditActor, deadlines: RunningDeadlinesMover): Promise<void> {
    checkDate(date);
    const change = await this.overrideChange(date, null, `区级工作日调整 ${date} 已撤销 (district override of ${date} removed)`);
    await this.changeCalendar(async (manager) => {
      const before = await overrideRow(manager, date);
      const rows = await sqlRows<{ date: string }>(manager, `DELETE FROM holiday_overrides WHERE date = $1 RETURNING date`, [
        date,
      ]);
      if (rows.length === 0) throw new NotFound('HolidayOverride', date);
      const movedDeadlines = await deadlines.move(manager, change);
      await recordAudit(manager, actor, {
        entity: 'holidayOverride',
        entityId: date,
        action: 'delete',
        before: { ...before, movedDeadlines },
        after: null,
      });
    });
  }

  /**
   * The change an override makes to the calendar in force: the day it changes (none when the day's
   * working state stays), so that the running deadlines it touches move with it (RunningDeadlinesService).
   */
  private async overrideChange(date: string, override: CalendarOverride | null, why: string): Promise<CalendarChange> {
    const { calendar } = await this.settings.current();
    const overrides = [...calendar.overrides.filter((o) => o.date !== date), ...(override ? [override] : [])];
    const after = calendarVariant(calendar, { overrides });
    const changed = describeDay(date, calendar).working !== describeDay(date, after).working;
    return { before: calendar, after, changedDays: changed ? [date] : [], why };
  }

  /** Writes a calendar change and tells every process (at commit) to reload its settings. */
  private async changeCalendar<T>(write: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(async (manager) => {
      const written = await write(manager);
      await announceSettingsChange(manager);
      return written;
    });
    this.settings.reload();
    return result;
  }

  /**
   * Runs a change of the policy set: locks the table, builds the set the change leads to from the other
   * active policies, refuses it with every problem named when it is not a valid set, else writes.
   */
  private async changeSet<T>(
    next: (others: unknown[]) => unknown[],
    write: (manager: EntityManager) => Promise<T>,
    code: string,
  ): Promise<T> {
    const result = await this.dataSource.transaction(async (manager) => {
      await sqlExec(manager, `LOCK TABLE sla_policies IN SHARE ROW EXCLUSIVE MODE`);
      const others = await sqlRows<{ definition: unknown }>(
        manager,
        `SELECT definition FROM sla_policies WHERE active AND code <> $1 ORDER BY code`,
        [code],
      );
      const set = next(others.map((o) => o.definition));
      try {
        parseSlaPolicies(set);
      } catch (error) {
        // Name fields of the edited policy as the admin sent them, not as the n-th of the set.
        const details = (error as InputInvalid).details ?? [];
        const index = set.length - 1;
        throw new InputInvalid(
          details.map((d) => ({ field: d.field.replace(`policies[${index}].`, ''), reason: d.reason })),
          `The SLA policy set would be invalid: ${details.map((d) => `${d.field} ${d.reason}`).join('; ')}`,
        );
      }
      const written = await write(manager);
      await announceSettingsChange(manager);
      return written;
    });
    this.settings.reload();
    return result;
  }
}

function policyRow(manager: EntityManager, code: string): Promise<SlaPolicyRecord | undefined> {
  return sqlRow<SlaPolicyRecord>(
    manager,
    `SELECT code, name, active, definition, updated_at AS "updatedAt" FROM sla_policies WHERE code = $1 FOR UPDATE`,
    [code],
  );
}

function overrideRow(manager: EntityManager, date: string): Promise<HolidayOverrideRecord | undefined> {
  return sqlRow<HolidayOverrideRecord>(
    manager,
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, working, note, updated_at AS "updatedAt"
       FROM holiday_overrides WHERE date = $1 FOR UPDATE`,
    [date],
  );
}

function checkDate(date: string): void {
  if (parseCalendarDate(date) === null) {
    throw new InputInvalid([{ field: 'date', reason: 'must be a calendar date YYYY-MM-DD' }]);
  }
}
