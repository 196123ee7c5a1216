/** Writes packages/schema/schema.graphql from the API's schema: `pnpm --filter @tafel/api schema`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printContract } from './graphql/schema.ts';

export const contractPath = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(contractPath, printContract());
  console.log(`wrote ${contractPath}`);
}
