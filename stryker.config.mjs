// @ts-check
/**
 * Mutation testing of the pure logic (`npm run test:mutation`): the unit tests only, never the site build.
 * Incremental: results are kept in `reports/`, so a second run retests only the mutants whose code or tests changed.
 * Except static mutants (code run at import, such as zod schemas): Stryker cannot tell which test reaches them, so
 * one that survived is not retested when a test is added; `npm run test:mutation -- --force` retests everything.
 * @see https://stryker-mutator.io/docs/stryker-js/incremental/#limitations
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.unit.config.ts' },
  mutate: ['src/lib/**/*.ts'],
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: 'reports/.stryker-tmp',
  // Build output, data and screenshots are not needed in the sandbox Stryker copies the project into.
  ignorePatterns: ['dist', '.astro', '.test-build', '.bench-build', 'data', 'screenshots', 'test-results', 'reports'],
  // Colours of the report; scripts/mutation.ts fails the run under 85 % overall or 75 % for any file.
  thresholds: { high: 90, low: 85, break: null },
};
