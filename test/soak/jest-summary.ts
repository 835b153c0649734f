/** What one `npm test` printed, as counted by jest's closing summary (all projects together). */
export interface JestSummary {
  testsPassed: number;
  testsFailed: number;
  testsTotal: number;
  suitesFailed: number;
  /** The names of the failed tests (jest's "●" headings), deduplicated. */
  failures: string[];
}

const count = (line: string | undefined, word: string): number => Number(line?.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);

/**
 * Reads jest's closing summary (`Tests: 1 failed, 29 passed, 30 total`) from a run's output; null when
 * there is none (the run stopped before jest, e.g. at the typecheck). Colours are stripped first.
 */
export function parseJestSummary(output: string): JestSummary | null {
  // eslint-disable-next-line no-control-regex
  const text = output.replace(/\u001b\[[0-9;]*m/g, '');
  const tests = text.match(/^Tests:\s+.*$/m)?.[0];
  if (!tests) return null;
  const suites = text.match(/^Test Suites:\s+.*$/m)?.[0];
  const failures = [
    ...new Set([...text.matchAll(/^ {2}● (.+)$/gm)].map((m) => m[1].trim()).filter((name) => !name.startsWith('Console'))),
  ];
  return {
    testsPassed: count(tests, 'passed'),
    testsFailed: count(tests, 'failed'),
    testsTotal: count(tests, 'total'),
    suitesFailed: count(suites, 'failed'),
    failures,
  };
}
