import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports" map: Node (and so yoga and Pothos, loaded natively) gets its
    // CommonJS build, while Vite would hand our sources the .mjs build. Two copies of
    // GraphQLError break error masking, so point everything at the one Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // `*.pg.test.ts` are about PostgreSQL itself (stopping and starting a server under a running
    // API): they belong to the PostgreSQL suite (DATABASE_URL set, as in .ci/run's second pass),
    // so the README's test command needs nothing beyond Node and npm.
    // `*.pglite.test.ts` are about PGlite itself (one process owning the folder): the PGlite pass only.
    exclude: process.env['DATABASE_URL']
      ? ['**/node_modules/**', 'test/**/*.pglite.test.ts']
      : ['**/node_modules/**', 'test/**/*.pg.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Each file opens its own database (a PGlite in memory, or a fresh PostgreSQL database).
    pool: 'forks',
    // CI collects JSON reports to print one closing line for the whole run.
    reporters: process.env['TAFEL_TEST_RESULTS'] ? ['default', 'json'] : ['default'],
    outputFile: process.env['TAFEL_TEST_RESULTS']
      ? { json: `${process.env['TAFEL_TEST_RESULTS']}/api.json` }
      : undefined,
  },
});
