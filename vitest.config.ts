import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Collected only when asked (`--coverage`, in `npm run test:unit`), from the unit project alone: the site
    // project imports src/lib too (fixtures, the webhook check) and must not pass for untested pure code.
    coverage: {
      provider: 'v8',
      include: ['src/lib/**/*.ts'],
      reporter: ['text-summary', ['text', { skipFull: true }], 'html'],
      reportsDirectory: 'reports/coverage',
      // What the unit suite reaches today: a new module of pure logic arrives with its tests, or the run fails.
      thresholds: { statements: 100, branches: 100, functions: 100, lines: 100 },
    },
    projects: [
      './vitest.unit.config.ts',
      {
        test: {
          name: 'site',
          include: [
            'tests/storage/**/*.test.ts',
            'tests/build/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/e2e/**/*.test.ts',
          ],
          environment: 'node',
          globalSetup: ['tests/support/build-site.ts', 'tests/support/postgres-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
