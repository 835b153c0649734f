/**
 * `npm run gen:client`: writes apps/console/src/generated/api-types.ts from the API's OpenAPI document,
 * built from the app's modules in preview mode (no database, Redis or server needed).
 * `npm run gen:client -- --check` only reports whether the committed file is stale (exit 1 if so);
 * `--stdout` prints the generated file instead of writing it (the drift test reads it from there).
 */
import { writeFile } from 'node:fs/promises';
import { generateConsoleTypes } from './console-types';
import { CONSOLE_TYPES_FILE, committedConsoleTypes, consoleTypesDrift } from './console-types-drift';

async function main(): Promise<void> {
  const generated = await generateConsoleTypes();
  if (process.argv.includes('--stdout')) {
    process.stdout.write(generated);
    return;
  }
  if (process.argv.includes('--check')) {
    const drift = consoleTypesDrift(await committedConsoleTypes(), generated);
    if (drift) {
      console.error(drift);
      process.exitCode = 1;
    } else console.log('apps/console/src/generated/api-types.ts is up to date.');
    return;
  }
  await writeFile(CONSOLE_TYPES_FILE, generated);
  console.log(`wrote ${CONSOLE_TYPES_FILE}`);
}

main().then(
  // The preview app holds no connection, but a library may leave a timer: the script is done here.
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
