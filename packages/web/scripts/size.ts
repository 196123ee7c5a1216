/**
 * The pages' budget: all the JavaScript a page can load — its entry, what that imports and every
 * section it may open later — gzipped, at most 160 KB per page. Followed through Vite's manifest
 * of the build in dist/. `pnpm --filter @tafel/web size` prints the figures and fails over budget.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * 160 KB: the portal's "Afterwards" (closing reports and stories, four languages), the co-host
 * picker and the venue form's facts of a table (interpreters, access, the description in four
 * languages) took /manage from 146 to 157.5 KB; every section a person could open still counts,
 * Leaflet's 33.5 KB (the venues' map and the place picker) and the seating planner's 13 KB among
 * them, though neither loads before its section is opened.
 */
export const LIMIT = 160_000;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** Each page's JavaScript: the files it can load, their bytes and gzip. */
export function pageSizes(): { page: string; files: number; bytes: number; gzip: number }[] {
  const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8')) as Record<
    string,
    Chunk
  >;
  return Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry)
    .map(([key]) => {
      const seen = new Set<string>();
      const visit = (name: string) => {
        const chunk = manifest[name];
        if (!chunk || seen.has(chunk.file)) return;
        seen.add(chunk.file);
        for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
      };
      visit(key);
      let bytes = 0;
      let gzip = 0;
      for (const file of seen) {
        if (!file.endsWith('.js')) continue;
        const body = readFileSync(`${dist}${file}`);
        bytes += body.length;
        gzip += gzipSync(body, { level: 9 }).length;
      }
      return { page: key, files: seen.size, bytes, gzip };
    });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let over = false;
  for (const { page, files, bytes, gzip } of pageSizes()) {
    over ||= gzip > LIMIT;
    console.log(
      `${page}: ${files} files, ${(bytes / 1000).toFixed(1)} KB, ${(gzip / 1000).toFixed(1)} KB gzip (limit ${LIMIT / 1000} KB)`,
    );
  }
  if (over) {
    console.error('a page is over its JavaScript budget');
    process.exit(1);
  }
}
