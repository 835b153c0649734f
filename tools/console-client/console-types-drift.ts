import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** The console's API types, generated from the API's OpenAPI document and committed. */
export const CONSOLE_TYPES_FILE = resolve(__dirname, '../../apps/console/src/generated/api-types.ts');

export async function committedConsoleTypes(): Promise<string> {
  return readFile(CONSOLE_TYPES_FILE, 'utf8').catch(() => '');
}

/**
 * null when the committed file is what the code generates; otherwise what differs, first line first,
 * so a stale client is a failing check with a readable reason rather than a runtime surprise.
 */
export function consoleTypesDrift(committed: string, generated: string): string | null {
  if (committed === generated) return null;
  const have = committed.split('\n');
  const want = generated.split('\n');
  const line = want.findIndex((text, i) => text !== have[i]);
  const at = line === -1 ? want.length : line;
  return [
    `apps/console/src/generated/api-types.ts is stale: run \`npm run gen:client\` and commit the result.`,
    `First difference at line ${at + 1}:`,
    `  committed: ${have[at] ?? '(end of file)'}`,
    `  generated: ${want[at] ?? '(end of file)'}`,
  ].join('\n');
}
