// ESLint for the whole monorepo: `npm run lint`. Type-checked rules everywhere TypeScript is (the two
// tsconfig projects: the root one for the Nest apps, libs, tests and benches; apps/console's for the
// React console), import cycles, and the lib boundary: a lib is used only through its public index.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const root = import.meta.dirname;
const libs = readdirSync(`${root}/libs`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// One zone per lib: nothing outside libs/<name> may import a file of it other than src/index.ts, by
// whatever path (relative, or a deep `@hotline/<name>/...`).
const libBoundaryZones = libs.map((name) => ({
  target: [
    './apps/**',
    './test/**',
    './bench/**',
    './seeds/**',
    ...libs.filter((other) => other !== name).map((other) => `./libs/${other}/**`),
  ],
  from: `./libs/${name}`,
  except: ['./src/index.ts'],
  message: `import @hotline/${name} (its public index.ts), not a file inside libs/${name}.`,
}));

export default defineConfig(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', '.data/**', '.bench/**', '.screenshots/**', 'docs/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'import-x': importX },
    settings: {
      // import-x must parse the TypeScript files it follows, or no-cycle sees no edges at all.
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'apps/console/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: libBoundaryZones }],
      // Leaving a key out by destructuring (`const { code: _c, ...rest } = x`) is how we copy without it.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@hotline/[^/]+/',
              message: 'a lib is imported only as @hotline/<name>, its public index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Node servers, workers, tests, benches and seed tools.
    files: ['apps/api/**', 'apps/worker/**', 'libs/**', 'test/**', 'bench/**', 'seeds/**', '*.mjs', '*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    // The React console: a browser bundle built by Vite with its own tsconfig.
    files: ['apps/console/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Plain JavaScript (this file, seeds/tools) is in no tsconfig project: no type information there.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
