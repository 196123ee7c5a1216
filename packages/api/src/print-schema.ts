/** Writes packages/schema/schema.graphql from the API's schema: `pnpm --filter @tafel/api schema`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './db/paths.ts';
import { printContract } from './graphql/schema.ts';

export const contractPath = join(repoRoot, 'packages', 'schema', 'schema.graphql');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(contractPath, printContract());
  console.log(`wrote ${contractPath}`);
}
