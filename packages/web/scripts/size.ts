/**
 * The pages' budget: all the JavaScript a person can load on a page — its entry, what that
 * imports and every section they may open later — gzipped, followed through Vite's manifest of
 * the build in dist/. `pnpm --filter @tafel/web size` prints the figures and fails over budget.
 *
 * /manage is one page for people with different roles: a coordinator's sections (the venues with
 * their map, form and seating planner, keys, host links, afterwards, import) and staff's (the
 * console) are never loaded by the same person. So /manage is counted once per role, with the
 * sections `src/manage/sections.ts` lets that role open: each at most 140 KB. Counting every
 * section of every role together (as before: 157.5 KB at 160) grew with each console screen a
 * coordinator never loads, and said nothing about what any one person waits for.
 * The other pages (join, host, live): at most 40 KB each.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const MANAGE_LIMIT = 140_000;
export const PAGE_LIMIT = 40_000;
const root = new URL('../', import.meta.url);
const dist = fileURLToPath(new URL('dist/', root));

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export interface PageSize {
  /** `manage.html (ADMIN)`, or a page of one audience: `join.html`. */
  page: string;
  files: number;
  bytes: number;
  gzip: number;
  limit: number;
}

/**
 * Each section module of /manage (as the manifest names it, `src/portal/venues.ts`) with the roles
 * that may open it, read from sections.ts; every section must be found there.
 */
export function sectionRoles(): Map<string, string[]> {
  const text = readFileSync(fileURLToPath(new URL('src/manage/sections.ts', root)), 'utf8');
  const found = new Map<string, string[]>();
  for (const [, roles, path] of text.matchAll(
    /roles:\s*\[([^\]]*)\](?:(?!roles:)[\s\S])*?import\('(\.\.?\/[^']+)'\)/g,
  ))
    found.set(
      // As the manifest names a module: from the package's root.
      fileURLToPath(new URL(path!, new URL('src/manage/', root))).slice(fileURLToPath(root).length),
      [...roles!.matchAll(/'([A-Z]+)'/g)].map((m) => m[1]!),
    );
  return found;
}

/** Each page's JavaScript, per role for /manage: the files one person can load. */
export function pageSizes(): PageSize[] {
  const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8')) as Record<
    string,
    Chunk
  >;
  const sections = sectionRoles();
  const measure = (
    page: string,
    entry: string,
    limit: number,
    allowed?: (src: string) => boolean,
  ) => {
    const seen = new Set<string>();
    const visit = (name: string) => {
      const chunk = manifest[name];
      if (!chunk || seen.has(chunk.file)) return;
      seen.add(chunk.file);
      for (const next of chunk.imports ?? []) visit(next);
      for (const next of chunk.dynamicImports ?? [])
        if (!allowed || !sections.has(next) || allowed(next)) visit(next);
    };
    visit(entry);
    let bytes = 0;
    let gzip = 0;
    for (const file of seen) {
      if (!file.endsWith('.js')) continue;
      const body = readFileSync(`${dist}${file}`);
      bytes += body.length;
      gzip += gzipSync(body, { level: 9 }).length;
    }
    return { page, files: seen.size, bytes, gzip, limit };
  };
  const roles = [...new Set([...sections.values()].flat())].sort();
  return Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry)
    .flatMap(([key]) =>
      key === 'manage.html'
        ? roles.map((role) =>
            measure(`${key} (${role})`, key, MANAGE_LIMIT, (src) =>
              sections.get(src)!.includes(role),
            ),
          )
        : [measure(key, key, PAGE_LIMIT)],
    );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let over = false;
  for (const { page, files, bytes, gzip, limit } of pageSizes()) {
    over ||= gzip > limit;
    console.log(
      `${page}: ${files} files, ${(bytes / 1000).toFixed(1)} KB, ${(gzip / 1000).toFixed(1)} KB gzip (limit ${limit / 1000} KB)`,
    );
  }
  if (over) {
    console.error('a page is over its JavaScript budget');
    process.exit(1);
  }
}
