import type { CaseCommand } from '../state-machine';

/**
 * Columns an allowed transition changes besides status and version, per action. Kept apart from the
 * service so that "what does dispatch write" has one answer.
 */
export interface ColumnEffect {
  column: string;
  /** A bound value, or raw SQL for server-side values such as now(). */
  value: { bind: unknown } | { sql: string };
}

export function effectsOf(command: CaseCommand): ColumnEffect[] {
  switch (command.action) {
    case 'dispatch':
      return [
        { column: 'lead_department_id', value: { bind: command.leadDepartmentId } },
        { column: 'assisting_department_ids', value: { bind: [...(command.assistingDepartmentIds ?? [])] } },
        { column: 'dispatched_at', value: { sql: 'now()' } },
      ];
    default:
      return [];
  }
}
