import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two projects. `npm test` runs both; `npm run test:unit` is the quick loop (no build needed).
 * - e2e: runs the built launcher or the whole pipeline on many files (CLI, hostile corpus, the package install,
 *   the examples, scale). Listed here by path, so a test file is classified without moving it.
 * - unit: every other test file (rules, model, matching, readers on small files, reporters). They share one
 *   module registry per worker (isolate: false) to start in seconds, so a unit test must leave no global
 *   state behind (restore spies, environment variables and the working folder it changes).
 */
export const E2E_TESTS = [
  'test/cli/**/*.test.ts',
  'test/hostile/**/*.test.ts',
  'test/package/**/*.test.ts',
  'test/examples.test.ts',
  'test/assets/scale.test.ts',
  'test/assets/fix-photos.test.ts', // runs the launcher
  'test/report/fix-list.test.ts', // runs the launcher
  'test/report/cards-cli.test.ts', // runs the launcher
  'test/read/formats-cli.test.ts', // runs the launcher
  'test/read/reading-process.test.ts', // runs the launcher and the reading process of .xls/.ods
  'test/read/exceljs-gateway.test.ts', // starts node processes
  'test/report/annotated-package.test.ts', // runs LibreOffice
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One test file per core (vitest's default leaves a core idle: on the 2-core CI machine the suite took
    // 5 minutes instead of 3). The e2e tests mostly wait on the processes they start.
    maxWorkers: Math.max(2, availableParallelism()),
    setupFiles: ['test/setup/exceljs-utf8.ts', 'test/setup/temp-dirs.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...E2E_TESTS], isolate: false },
      },
      {
        extends: true,
        test: { name: 'e2e', include: E2E_TESTS },
      },
    ],
  },
});
