/**
 * A spreadsheet sent as text (the portal's upload): refused when too large, then parsed as the
 * command line parses a file, then the same bulk upsert (a dry run first, when asked). Every
 * problem comes back by line and column; a refused import changes nothing.
 */
import type { Db } from '../db/client.ts';
import type { Edition } from '../db/schema.ts';
import { type CsvProblem, csvProblemOf, parseVenueCsv } from './csv.ts';
import { type UpsertOutcome, upsertLocations } from './upsert.ts';
import type { Actor, WriteResult } from './write.ts';

/** The largest CSV file an import reads (bytes, UTF-8); a bigger one is refused before parsing. */
export const IMPORT_MAX_BYTES = Number(process.env['TAFEL_IMPORT_MAX_BYTES'] || 5_000_000);

export type CsvImport =
  | Extract<WriteResult<UpsertOutcome>, { ok: true }>
  | { ok: false; problems: CsvProblem[] };

/** Venues from a CSV file's text: all or nothing, every problem by line and column. */
export async function importVenueCsv(
  db: Db,
  args: {
    edition: Edition;
    organisationId: number;
    text: string;
    dryRun: boolean;
    actor: Actor;
  },
): Promise<CsvImport> {
  const bytes = Buffer.byteLength(args.text);
  if (bytes > IMPORT_MAX_BYTES)
    return {
      ok: false,
      problems: [
        {
          line: null,
          column: null,
          code: 'TOO_LARGE',
          message: `The file is ${bytes.toLocaleString('en')} bytes; at most ${IMPORT_MAX_BYTES.toLocaleString('en')}. Split it into smaller files and import each.`,
        },
      ],
    };
  const parsed = await parseVenueCsv(args.text, args.edition);
  if (parsed.problems.length > 0) return { ok: false, problems: sorted(parsed.problems) };
  const result = await upsertLocations(db, {
    edition: args.edition,
    organisationId: args.organisationId,
    rows: parsed.rows,
    dryRun: args.dryRun,
    actor: args.actor,
  });
  if (!result.ok)
    return {
      ok: false,
      problems: sorted(
        result.errors.map((e) => csvProblemOf(e, parsed.lines, parsed.descriptionLangs)),
      ),
    };
  return { ok: true, value: result.value, notices: result.notices };
}

function sorted(problems: CsvProblem[]): CsvProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
