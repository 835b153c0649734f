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

// One zone per lib: nothing outside libs/<name> may import a file of it other than its public entries,
// by whatever path (relative, or a deep `@hotline/<name>/...`): src/index.ts, and src/values.ts where a
// lib has one (plain constants with no imports, for the browser console and for other libs' pure rules).
const libBoundaryZones = libs.map((name) => ({
  target: [
    './apps/**',
    './test/**',
    './bench/**',
    './tools/**',
    './seeds/**',
    ...libs.filter((other) => other !== name).map((other) => `./libs/${other}/**`),
  ],
  from: `./libs/${name}`,
  except: ['./src/index.ts', './src/values.ts'],
  message: `import @hotline/${name} (its public index.ts) or @hotline/${name}/values, not a file inside libs/${name}.`,
}));

// Libs the API and the worker never load: the local stack (embedded PostgreSQL, redis-server, the
// migrate and seed commands) and the offline statistics tools. Tests, benches and these libs use them.
const offlineLibs = ['devstack', 'stats-tools', 'upstream-sim'];

// The import direction (docs/architecture.md): apps import libs, never the reverse; nothing the apps
// run imports an offline lib.
const layerZones = [
  {
    target: './libs/**',
    from: './apps',
    message: 'a lib never imports an app: move what both need into a lib.',
  },
  ...offlineLibs.map((name) => ({
    target: ['./apps/**', ...libs.filter((lib) => !offlineLibs.includes(lib)).map((lib) => `./libs/${lib}/**`)],
    from: `./libs/${name}`,
    message: `@hotline/${name} is an offline tool: the apps and the runtime libs never import it.`,
  })),
];

// Pure rules (DESIGN.md: state machine, deadlines, routing decisions, rates) import no framework or driver.
const pureFiles = [
  'libs/enterprises/src/**',
  'libs/errors/src/**',
  'libs/grid/src/**',
  'libs/text-search/src/**',
  'libs/input/src/**',
  'libs/open311/src/**',
  'libs/sla/src/**',
  'libs/cases/src/state-machine/**',
  'libs/cases/src/transitions/action-planners.ts',
  'libs/cases/src/transitions/transition-planner.ts',
  'libs/stats/src/figures/**',
  'libs/upstream/src/domain/**',
];
const libByIndexOnly = {
  regex: '^@hotline/[^/]+/(?!values$)',
  message: 'a lib is imported only as @hotline/<name> (its public index.ts) or @hotline/<name>/values.',
};

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
      'import-x/no-restricted-paths': ['error', { zones: [...libBoundaryZones, ...layerZones] }],
      // Leaving a key out by destructuring (`const { code: _c, ...rest } = x`) is how we copy without it.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'no-restricted-imports': ['error', { patterns: [libByIndexOnly] }],
    },
  },
  {
    files: pureFiles,
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            libByIndexOnly,
            {
              regex: '^(@nestjs/|typeorm$|pg$|pg-|ioredis$|bullmq$)',
              message: 'pure rules import no framework, database or Redis client: the services around them do.',
            },
          ],
        },
      ],
    },
  },
  {
    // Typed data access (issue 15): SQL runs through @hotline/database's helpers (sqlRows, sqlRow,
    // sqlExec … on a DataSource, EntityManager or QueryRunner; pgRows, pgExec on a pg client), which make
    // every statement name the row type it reads. A bare `.query(` answers `any`, so it is refused
    // everywhere except in the helpers themselves and the places listed below.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: [
      'libs/database/src/sql/**',
      // Migrations are schema text, run once, reading nothing back.
      'libs/database/src/migrations/**',
      // Tests use pg's own client and name each row type there (db.query<Row>); the any-tracking rules check it.
      'test/**',
      // A COPY … FROM STDIN stream (pg-copy-streams), not a statement with rows.
      'libs/stats-tools/src/generator/copy-writer.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']",
          message:
            'run SQL through the typed helpers of @hotline/database (sqlRows<Row>, sqlRow<Row>, sqlExec, pgRows<Row>), naming the row type; SQL on the cases table belongs in libs/cases.',
        },
      ],
    },
  },
  {
    // Node servers, workers, tests, benches and seed tools.
    files: ['apps/api/**', 'apps/worker/**', 'libs/**', 'test/**', 'bench/**', 'tools/**', 'seeds/**', '*.mjs', '*.js'],
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
