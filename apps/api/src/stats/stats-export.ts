import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { CASE_FIGURES, REPORTED_RATE_NAMES, type RatesReport } from '@hotline/stats';

/**
 * The rates report as a table with its context on top (what, period, filters, when generated), so a
 * file passed around still says what it counts. Times in the district's zone.
 */
function sheetRows(report: RatesReport, zoned: (d: Date | null) => string): unknown[][] {
  const columns = ['code', 'name', ...CASE_FIGURES, 'overdueNow', ...REPORTED_RATE_NAMES];
  const filters = Object.entries(report.filters)
    .filter(([k]) => k !== 'from' && k !== 'to')
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  const line = (row: RatesReport['total']) => [
    row.key.code,
    row.key.name,
    ...CASE_FIGURES.map((f) => row[f]),
    row.overdueNow,
    ...REPORTED_RATE_NAMES.map((r) => row[r]),
  ];
  return [
    ['report', `rates by ${report.groupBy}${report.categoryLevel ? ` (category level ${report.categoryLevel})` : ''}`],
    [
      'period',
      `from ${zoned(report.period.from) || '(start)'} to ${zoned(report.period.to) || '(now)'} (received; to exclusive)`,
    ],
    ['filters', filters || '(none)'],
    ['generated at', zoned(report.generatedAt)],
    ['source', report.source],
    [],
    columns,
    ...report.rows.map(line),
    line(report.total),
  ];
}

export function ratesCsv(report: RatesReport, zoned: (d: Date | null) => string): string {
  // A BOM so that Excel opens the UTF-8 (Chinese names) correctly.
  return '\ufeff' + stringify(sheetRows(report, zoned).map((row) => row.map((v) => (v === null || v === undefined ? '' : v))));
}

export async function ratesWorkbook(report: RatesReport, zoned: (d: Date | null) => string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hotline365';
  workbook.created = report.generatedAt;
  const sheet = workbook.addWorksheet('rates');
  const rows = sheetRows(report, zoned);
  for (const row of rows) sheet.addRow(row.map((v) => (v === null || v === undefined ? null : v)));
  const header = sheet.getRow(7);
  header.font = { bold: true };
  sheet.getRow(rows.length).font = { bold: true };
  const firstRate = 2 + CASE_FIGURES.length + 1 + 1;
  for (let i = 0; i < REPORTED_RATE_NAMES.length; i += 1) sheet.getColumn(firstRate + i).numFmt = '0.0%';
  sheet.getColumn(2).width = 28;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
