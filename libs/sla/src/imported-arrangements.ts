import type { HolidayNotice } from './holiday-notice';
import type { StatutoryDay } from './statutory-calendar';
import { lawDaysOff } from './statutory-law';
import { civilDateOf, parseCivilDate } from './zone-clock';

/**
 * The official arrangements an administrator imported from the State Council's notices: they rank with
 * the package's official data and win over it for their year (the newer publication; the package is
 * updated only with a release). A year imported answers every one of its days: the days the notice
 * names are off or worked as it says, the others follow Monday to Friday — except a day the law gives
 * off, which no notice makes a working day (only a district override with a reason does). A notice may also name the
 * last days of December before (New Year's Day from 30 December): those are answered by the notice too.
 */
export class ImportedArrangements {
  private readonly days = new Map<number, { working: boolean; holiday: string }>();
  private readonly years = new Set<number>();

  constructor(notices: readonly HolidayNotice[]) {
    for (const notice of notices) {
      this.years.add(notice.year);
      for (const day of notice.daysOff) this.set(day.date, false, day.holiday);
      for (const day of notice.workingDays) this.set(day.date, true, day.holiday);
    }
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  importedYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /** The imported answer for a day, or undefined when no imported notice covers it. */
  answer(dayNumber: number): StatutoryDay | undefined {
    const named = this.days.get(dayNumber);
    if (named) return { working: named.working, source: 'official', note: named.holiday };
    const { year, weekday } = civilDateOf(dayNumber);
    if (!this.years.has(year)) return undefined;
    const byLaw = lawDaysOff(year).get(dayNumber);
    if (byLaw) return { working: false, source: 'law', note: byLaw };
    return { working: weekday >= 1 && weekday <= 5, source: 'official' };
  }

  private set(date: string, working: boolean, holiday: string): void {
    const day = parseCivilDate(date);
    if (day !== undefined) this.days.set(day, { working, holiday });
  }
}
