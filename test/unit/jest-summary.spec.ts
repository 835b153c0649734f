import { parseJestSummary } from '../soak/jest-summary';

describe('parseJestSummary (the soak script reads each run with it)', () => {
  it('counts passed, failed and total tests and names the failures', () => {
    const output = [
      'FAIL e2e test/access/access-matrix.e2e-spec.ts (67.9 s)',
      '  ● access matrix › answers each role as the table says',
      '',
      '    thrown: "Exceeded timeout of 60000 ms for a test."',
      '  ● access matrix › answers each role as the table says',
      '\u001b[1mTest Suites: \u001b[22m\u001b[1m\u001b[31m1 failed\u001b[39m\u001b[22m, \u001b[1m\u001b[32m3 passed\u001b[39m\u001b[22m, 4 total',
      'Tests:       1 failed, 29 passed, 30 total',
      'Time:        87.679 s',
    ].join('\n');
    expect(parseJestSummary(output)).toEqual({
      testsPassed: 29,
      testsFailed: 1,
      testsTotal: 30,
      suitesFailed: 1,
      failures: ['access matrix › answers each role as the table says'],
    });
  });

  it('reads a green run, and says null when jest never summarised (a run stopped at the typecheck)', () => {
    expect(parseJestSummary('Test Suites: 50 passed, 50 total\nTests:       2188 passed, 2188 total\n')).toEqual({
      testsPassed: 2188,
      testsFailed: 0,
      testsTotal: 2188,
      suitesFailed: 0,
      failures: [],
    });
    expect(parseJestSummary('error TS2322: Type string is not assignable to type number.')).toBeNull();
  });
});
