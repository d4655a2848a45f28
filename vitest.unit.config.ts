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
  },
});
