/**
 * The layers of the API, checked by `pnpm lint` and CI. Each layer imports only those below it:
 * schema ← api/db ← api/auth ← api/locations (the domain) ← api/live ← api/graphql ← api/http,
 * api/open-data ← the app (server, yoga, cli, config; logger and print-schema beside them).
 * api/demo loads straight into tables. The widget knows the API only through the contract.
 */
const api = '^packages/api/src/';
const app = `${api}((server|yoga|cli|config|logger|print-schema)\\.ts$|cli/)`;
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules that import each other in a circle cannot be layered.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'schema-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^packages/schema/' },
      to: { path: '^packages/(api|widget|web)/' },
    },
    {
      name: 'widget-knows-api-only-by-contract',
      severity: 'error',
      from: { path: '^packages/(widget|web)/' },
      to: { path: '^packages/api/' },
    },
    {
      name: 'demo-loads-into-tables',
      severity: 'error',
      from: { path: `${api}demo/` },
      to: { path: `${api}(auth|locations|live|graphql|http|open-data)/|${app}` },
    },
    {
      name: 'db-imports-nothing-above',
      severity: 'error',
      from: { path: `${api}db/` },
      to: { path: `${api}(auth|locations|live|graphql|http|open-data|demo)/|${app}` },
    },
    {
      name: 'auth-imports-only-db',
      severity: 'error',
      from: { path: `${api}auth/` },
      to: { path: `${api}(locations|live|graphql|http|open-data|demo)/|${app}` },
    },
    {
      name: 'domain-knows-no-graphql-http-live',
      severity: 'error',
      from: { path: `${api}locations/` },
      to: { path: `${api}(live|graphql|http|open-data|demo)/|${app}` },
    },
    {
      name: 'live-knows-no-schema-or-http',
      severity: 'error',
      from: { path: `${api}live/` },
      to: { path: `${api}(graphql|http|open-data|demo)/|${app}` },
    },
    {
      name: 'graphql-below-http',
      severity: 'error',
      from: { path: `${api}graphql/` },
      to: { path: `${api}(http|open-data|demo)/|${app}` },
    },
    {
      name: 'http-below-the-app',
      severity: 'error',
      from: { path: `${api}(http|open-data)/` },
      to: { path: app },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
