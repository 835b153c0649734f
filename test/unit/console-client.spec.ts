import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { committedConsoleTypes, consoleTypesDrift } from '../../tools/console-client/console-types-drift';

const ROOT = resolve(__dirname, '../..');

/**
 * What `npm run gen:client` would write now, generated into memory. In a child process because
 * openapi-typescript loads ES modules, which jest's module runtime cannot require.
 */
async function generatedConsoleTypes(): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'tools/console-client/gen-client.ts', '--stdout'],
    { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 },
  );
  return stdout;
}

/**
 * The console's API types are generated from the OpenAPI document (`npm run gen:client`) and committed:
 * this check fails when a DTO changed and the generated file was not regenerated with it.
 */
describe("the console's generated API types", () => {
  jest.setTimeout(180_000);
  let generated: string;
  let committed: string;

  beforeAll(async () => {
    [generated, committed] = await Promise.all([generatedConsoleTypes(), committedConsoleTypes()]);
  });

  it('match what the current OpenAPI document generates', () => {
    expect(generated).toContain('CaseViewDto: {');
    expect(consoleTypesDrift(committed, generated)).toBeNull();
  });

  it('are reported stale when the committed copy lags the document (a field renamed)', () => {
    expect(committed).toContain('caseNo: string;');
    const stale = committed.replace('caseNo: string;', 'caseNumber: string;');
    const drift = consoleTypesDrift(stale, generated);
    expect(drift).toMatch(/is stale: run `npm run gen:client`/);
    expect(drift).toMatch(/committed: +caseNumber: string;/);
    expect(drift).toMatch(/generated: +caseNo: string;/);
  });

  it('are reported stale when the committed copy lacks the end of the document (a schema added since)', () => {
    const truncated = committed.split('\n').slice(0, -10).join('\n');
    expect(consoleTypesDrift(truncated, generated)).toMatch(/First difference at line \d+/);
  });
});
