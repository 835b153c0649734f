import type { CaseCommand, CaseEventType, CaseTransitionEvent } from '../state-machine';

/**
 * Columns an allowed transition changes besides status and version, per action. Kept apart from the
 * service so that "what does dispatch write" has one answer.
 */
export interface ColumnEffect {
  column: string;
  /** A bound value, or raw SQL for server-side values such as now(). */
  value: { bind: unknown } | { sql: string };
}

/** Counters move with the events that count them, so a counter and the history never disagree. */
const COUNTED_EVENTS: Partial<Record<CaseEventType, string>> = {
  returned: 'returns_count',
  extensionRequested: 'extensions_count',
  reopened: 'reopens_count',
  urged: 'urges_count',
};

/** `now` is the business clock's time, so a dispatch and the stage deadline it starts agree. */
export function effectsOf(command: CaseCommand, events: readonly CaseTransitionEvent[], now: Date): ColumnEffect[] {
  const effects: ColumnEffect[] = [];
  switch (command.action) {
    case 'dispatch':
      effects.push(
        { column: 'lead_department_id', value: { bind: command.leadDepartmentId } },
        { column: 'assisting_department_ids', value: { bind: [...(command.assistingDepartmentIds ?? [])] } },
        { column: 'dispatched_at', value: { bind: now } },
        // A (re-)dispatched case starts unassigned in its new department.
        { column: 'assignee_id', value: { sql: 'NULL' } },
      );
      break;
    case 'supervise':
      effects.push({ column: 'supervision_level', value: { bind: command.level } });
      break;
    default:
      break;
  }
  const increments = new Map<string, number>();
  for (const event of events) {
    const column = COUNTED_EVENTS[event.type];
    if (column) increments.set(column, (increments.get(column) ?? 0) + 1);
  }
  for (const [column, by] of increments) effects.push({ column, value: { sql: `${column} + ${by}` } });
  return effects;
}
