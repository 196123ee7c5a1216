import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: process.env.TAFEL_TEST_RESULTS ? ['default', 'json'] : ['default'],
    outputFile: process.env.TAFEL_TEST_RESULTS
      ? { json: `${process.env.TAFEL_TEST_RESULTS}/schema.json` }
      : undefined,
  },
});
