import { defineConfig } from 'vitest/config';

/**
 * The pages' browser tests: Debian's Chromium (playwright-core) against the real API, started on
 * PGlite with the demo edition by test/global-setup.ts, serving the built pages.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    reporters: process.env['TAFEL_TEST_RESULTS'] ? ['default', 'json'] : ['default'],
    outputFile: process.env['TAFEL_TEST_RESULTS']
      ? { json: `${process.env['TAFEL_TEST_RESULTS']}/web.json` }
      : undefined,
  },
});
