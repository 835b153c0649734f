import { comparePredictionWithOfficial } from '../prediction-check';

const write = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `npm run calendar:predict-check [-- YEAR …]` (default 2025 2026): how the predicted arrangement
 * (holiday-prediction.ts) compares with the official one, as sets of days off, and why each day differs.
 */
function main(): void {
  const years = process.argv.slice(2).map(Number);
  for (const year of years.length ? years : [2025, 2026]) {
    const c = comparePredictionWithOfficial(year);
    write(
      `${year}: official ${c.officialDaysOff} days off, predicted ${c.predictedDaysOff}; ${c.differences.length} day(s) differ`,
    );
    for (const d of c.differences)
      write(`  ${d.date} ${d.weekday}  official ${d.official.padEnd(7)} predicted ${d.predicted.padEnd(7)} ${d.why}`);
    for (const d of c.namedOnly) write(`  ${d.date} ${d.weekday}  (same) ${d.why}`);
  }
}

main();
