/**
 * Where the API package lies on disk, the same from its sources (`src/…`, run by tsx) and from
 * its build (`dist/server.js`, one bundle): found by walking up to its package.json, not by
 * counting `../` from a file whose depth differs between the two.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findApiRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@tafel/api'
    )
      return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json of @tafel/api above ${from}.`);
  }
}

/** packages/api */
export const apiRoot = findApiRoot(dirname(fileURLToPath(import.meta.url)));
/** The top of the repository. */
export const repoRoot = join(apiRoot, '..', '..');
