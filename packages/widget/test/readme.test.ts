/**
 * The reference in README.md cannot drift from the components: its tables are the ones
 * custom-elements.json gives, and custom-elements.json is what `cem analyze` makes of the JSDoc
 * today. No browser: this reads files and runs the analyzer.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { counterTag, head, mapTag, RESERVE_CSS } from '../demo/snippet.js';
import {
  driftedTables,
  fillReadme,
  MANIFEST,
  type Manifest,
  README,
  referenceTables,
} from '../scripts/readme-tables.ts';

const widget = dirname(README);
const rebuild = 'run `pnpm --filter @tafel/widget build`';

describe('the README', () => {
  test('custom-elements.json is what cem analyze makes of the components’ JSDoc', () => {
    const out = mkdtempSync(join(tmpdir(), 'tafel-cem-'));
    try {
      // The analyzer joins --outdir to the working directory, so it must be relative.
      const cem = join(widget, 'node_modules', '.bin', 'cem');
      execFileSync(cem, ['analyze', '--quiet', '--outdir', relative(widget, out)], { cwd: widget });
      const fresh: unknown = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
      expect(
        JSON.parse(readFileSync(MANIFEST, 'utf8')),
        `custom-elements.json is stale: ${rebuild}`,
      ).toEqual(fresh);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('every reference table in README.md is the one custom-elements.json gives', () => {
    const readme = readFileSync(README, 'utf8');
    const tables = referenceTables(JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest);
    expect(tables.size).toBeGreaterThanOrEqual(8);
    expect(
      driftedTables(readme, tables),
      `README.md tables that differ from custom-elements.json: ${rebuild}`,
    ).toEqual([]);
    // Also refuses a table the README has no place for, and a place no table fills.
    expect(fillReadme(readme, tables)).toBe(readme);
  });

  test('its snippet is the demo page’s, with the rules that reserve the elements’ boxes', () => {
    const readme = readFileSync(README, 'utf8');
    const origin = 'https://tafel.example.org';
    expect(readme).toContain(`${head(origin)}\n${mapTag(origin, 'nid-2027')}\n`);
    expect(readme).toContain(`${counterTag(origin, 'nid-2027')}\n`);
    expect(head(origin)).toContain(RESERVE_CSS);
  });
});
