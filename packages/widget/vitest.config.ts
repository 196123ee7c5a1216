import { defineConfig } from 'vitest/config';

/**
 * The browser tests drive Debian's Chromium (playwright-core) against pages served by the real
 * API, started on PGlite with the demo edition by test/global-setup.ts.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One API, one browser per file: files run one after another on a 2-core machine.
    fileParallelism: false,
    // CI collects a JSON report per package and prints one closing line (scripts/test-summary.mjs).
    reporters: process.env['TAFEL_TEST_RESULTS'] ? ['default', 'json'] : ['default'],
    outputFile: process.env['TAFEL_TEST_RESULTS']
      ? { json: `${process.env['TAFEL_TEST_RESULTS']}/widget.json` }
      : undefined,
  },
});
