import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * `@hotline/<lib>/values` is the one definition of the values the API, the worker and the browser
 * console share (roles, case kinds, statuses, rates). The console compiles these files into its bundle,
 * so everything they reach must be plain TypeScript: relative files of the lib, or another lib's values
 * entry, and no package at all (not Nest, TypeORM, Node, nor even a type from one).
 */
const ROOT = resolve(__dirname, '../..');
const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm;

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => match[1]);
}

function resolveFile(from: string, specifier: string): string {
  const aliased = /^@hotline\/([^/]+)\/values$/.exec(specifier);
  const base = aliased ? join(ROOT, 'libs', aliased[1], 'src', 'values') : resolve(dirname(from), specifier);
  const file = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`${relative(ROOT, from)}: cannot resolve ${specifier}`);
  return file;
}

/** Every file a values entry reaches, and every import that is not allowed there. */
function reach(entry: string): { files: string[]; refused: string[] } {
  const seen = new Set<string>();
  const refused: string[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.') || /^@hotline\/[^/]+\/values$/.test(specifier)) visit(resolveFile(file, specifier));
      else refused.push(`${relative(ROOT, file)} imports ${specifier}`);
    }
  };
  visit(entry);
  return { files: [...seen].map((file) => relative(ROOT, file)), refused };
}

const entries = readdirSync(join(ROOT, 'libs'))
  .map((lib) => join(ROOT, 'libs', lib, 'src', 'values.ts'))
  .filter((file) => existsSync(file));

describe('the libs’ values entries (shared with the browser console)', () => {
  it('exist for the roles, the case values, the enterprise industries and the rates', () => {
    expect(entries.map((file) => relative(ROOT, file)).sort()).toEqual([
      'libs/auth/src/values.ts',
      'libs/cases/src/values.ts',
      'libs/enterprises/src/values.ts',
      'libs/stats/src/values.ts',
    ]);
  });

  it.each(entries.map((file) => [relative(ROOT, file), file]))('%s reaches no package, only plain files', (_name, file) => {
    expect(reach(file).refused).toEqual([]);
  });

  it('refuses a file that reaches a package (the figures, which need the SLA calendar)', () => {
    expect(reach(join(ROOT, 'libs/stats/src/figures/case-figures.ts')).refused).toContain(
      'libs/stats/src/figures/case-figures.ts imports @hotline/sla',
    );
  });
});
