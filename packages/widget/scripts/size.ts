/**
 * The size budget: all JavaScript a partner page loads for the embed, gzipped, must stay under
 * 70 KB. `pnpm size` prints the figures and fails over budget; the test suite checks the same.
 * A page loads one of the two files (module or classic script), never both.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const LIMIT = 70_000;
const FILES = ['tafel.js', 'tafel.iife.js'];

export function embedSizes(): { file: string; bytes: number; gzip: number }[] {
  return FILES.map((file) => {
    const body = readFileSync(fileURLToPath(new URL(`../dist/${file}`, import.meta.url)));
    return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let over = false;
  for (const { file, bytes, gzip } of embedSizes()) {
    over ||= gzip > LIMIT;
    console.log(
      `${file}: ${(bytes / 1000).toFixed(1)} KB, ${(gzip / 1000).toFixed(1)} KB gzip (limit ${LIMIT / 1000} KB)`,
    );
  }
  if (over) {
    console.error('over the embed budget');
    process.exit(1);
  }
}
