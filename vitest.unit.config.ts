import { defineConfig } from 'vitest/config';

/**
 * The unit project on its own: pure logic, no build. `vitest.config.ts` lists it beside the `site` project;
 * Stryker (`stryker.config.mjs`) runs it alone, so a mutation run never triggers the site build.
 */
export default defineConfig({
  test: {
    name: 'unit',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Worker threads start faster than processes (about 4 s less for the suite here), and Stryker runs the suite in
    // threads anyway. A test that needs a process of its own (process.chdir) belongs in the site project.
    pool: 'threads',
  },
});
