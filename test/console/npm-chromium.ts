import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const PACKAGE_DIR = join(ROOT, 'node_modules', '@sparticuz', 'chromium');
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'hotline-chromium');

/**
 * The headless Chromium that @sparticuz/chromium ships brotli-compressed in its tarball (no install
 * script, no download), unpacked once per package version under node_modules/.cache and reused.
 *
 * The package's own executablePath() does the unpacking, but into os.tmpdir() under a fixed name that
 * it trusts whenever it exists (another version's, or one half-written by a concurrent run); so it runs
 * in a child process with TMPDIR set to a fresh folder, which is then renamed into place in one step:
 * concurrent runs each unpack, one rename wins, none ever sees a partial binary. A child process also
 * because the package is ESM only and jest's module registry loads CommonJS.
 */
export function npmChromium(): string {
  if (!existsSync(join(PACKAGE_DIR, 'package.json'))) {
    throw new Error('@sparticuz/chromium is not installed: run `npm install` (it is a devDependency)');
  }
  const { version } = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string };
  const target = join(CACHE_DIR, version);
  const executable = join(target, 'chromium');
  if (existsSync(executable)) return executable;

  mkdirSync(CACHE_DIR, { recursive: true });
  const staging = mkdtempSync(join(CACHE_DIR, `.unpack-${version}-`));
  try {
    const unpacked = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "import c from '@sparticuz/chromium'; process.stdout.write(await c.executablePath());"],
      { cwd: ROOT, env: { ...process.env, TMPDIR: staging }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (unpacked !== join(staging, 'chromium'))
      throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, expected ${staging}/chromium`);
    try {
      renameSync(staging, target);
    } catch (error) {
      // Another run renamed its copy into place first: use that one.
      if (!existsSync(executable)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return executable;
}
