import { stringify } from 'csv-stringify/sync';
import type { AuditRecord } from '@hotline/audit';

const COLUMNS = [
  'id',
  'at',
  'actorUsername',
  'actorRole',
  'actorId',
  'entity',
  'entityId',
  'action',
  'before',
  'after',
  'requestId',
  'address',
] as const;

/**
 * The audit rows as CSV (UTF-8 with a BOM for Excel), times in the district's zone, before and after as
 * JSON text. A file that stopped at the export limit says so in its last line.
 */
export function auditCsv(rows: AuditRecord[], truncated: boolean, zoned: (d: Date) => string): string {
  const cell = (row: AuditRecord, column: (typeof COLUMNS)[number]): string => {
    const value = row[column];
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return zoned(value);
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  const lines: string[][] = [[...COLUMNS], ...rows.map((row) => COLUMNS.map((c) => cell(row, c)))];
  if (truncated) lines.push([`truncated: more rows matched than the ${rows.length} exported; narrow the period`]);
  return '\ufeff' + stringify(lines);
}
