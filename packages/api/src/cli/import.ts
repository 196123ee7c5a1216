/** `pnpm tafel import`: venues from a CSV file, all or nothing. */

import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../db/client.ts';
import {
  type CsvProblem,
  csvProblemOf,
  decodeCsv,
  formatProblem,
  parseVenueCsv,
} from '../locations/csv.ts';
import { IMPORT_MAX_BYTES } from '../locations/csv-import.ts';
import { editionBySlug, unknownEdition } from '../locations/editions.ts';
import { upsertLocations } from '../locations/upsert.ts';
import { type Announce, actor, type CliIo, organisationId, UsageError } from './common.ts';

/** A CSV file's content passed inline, when a command is handed to the running server. */
export const INLINE = 'inline:';

/**
 * A path as the user typed it: `pnpm tafel` runs this script in packages/api, and pnpm says in
 * INIT_CWD where the command was typed.
 */
function userPath(file: string): string {
  return resolve(process.env['INIT_CWD'] ?? process.cwd(), file);
}

function tooLarge(bytes: number): CsvProblem {
  return {
    line: null,
    column: null,
    code: 'BATCH_TOO_LARGE',
    message: `The file is ${bytes.toLocaleString('en')} bytes; at most ${IMPORT_MAX_BYTES.toLocaleString('en')} (TAFEL_IMPORT_MAX_BYTES). Split it, and import the parts without --cancel-missing.`,
  };
}

/** A CSV file's text, or why it cannot be imported: too large (checked before reading), or not UTF-8. */
export function readCsvFile(file: string): { text: string } | { problem: CsvProblem } {
  const path = userPath(file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    return {
      problem: {
        line: null,
        column: null,
        code: 'NOT_FOUND',
        message: `Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? error}).`,
      },
    };
  }
  if (size > IMPORT_MAX_BYTES) return { problem: tooLarge(size) };
  return decodeCsv(readFileSync(path));
}

export function refuseImport(io: CliIo, fileName: string, problems: CsvProblem[]): number {
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  io.error(
    `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${fileName}.`,
  );
  for (const p of problems) io.error(`  ${formatProblem(p)}`);
  return 1;
}

export async function importCsv(
  database: Database,
  args: string[],
  io: CliIo,
  announce: Announce,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      organisation: { type: 'string' },
      edition: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'cancel-missing': { type: 'boolean' },
      'confirm-cancel-all': { type: 'boolean' },
      file: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || !values.organisation || !values.edition)
    throw new UsageError('import FILE.csv --organisation SLUG --edition SLUG [--dry-run]');
  const edition = await editionBySlug(database.db, values.edition);
  if (!edition) throw new UsageError(unknownEdition(values.edition).message);
  const orgId = await organisationId(database, values.organisation);
  const fileName = file.startsWith(INLINE) ? (values.file ?? 'the file') : file;
  const inline = file.startsWith(INLINE) ? file.slice(INLINE.length) : null;
  if (inline !== null && Buffer.byteLength(inline) > IMPORT_MAX_BYTES)
    return refuseImport(io, fileName, [tooLarge(Buffer.byteLength(inline))]);
  const source = inline !== null ? { text: inline } : readCsvFile(file);
  if ('problem' in source) return refuseImport(io, fileName, [source.problem]);
  const parsed = await parseVenueCsv(source.text, edition);
  const problems = [...parsed.problems];
  if (problems.length === 0) {
    const result = await upsertLocations(database.db, {
      edition,
      organisationId: orgId,
      rows: parsed.rows,
      cancelMissing: values['cancel-missing'] ?? false,
      confirmCancelAll: values['confirm-cancel-all'] ?? false,
      dryRun: values['dry-run'] ?? false,
      actor: actor(),
    });
    if (result.ok) {
      await announce(result.notices);
      const { created, updated, unchanged, cancelled } = result.value;
      io.log(
        `${values['dry-run'] ? 'Dry run, nothing changed: would have' : 'Done:'} created ${created}, updated ${updated}, unchanged ${unchanged}, cancelled ${cancelled} (${parsed.rows.length} rows from ${fileName}).`,
      );
      return 0;
    }
    problems.push(
      ...result.errors.map((e) => csvProblemOf(e, parsed.lines, parsed.descriptionLangs)),
    );
  }
  return refuseImport(io, fileName, problems);
}
