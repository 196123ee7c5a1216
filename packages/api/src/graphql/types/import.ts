/**
 * `importLocations`: a spreadsheet's text, checked as the command line's `tafel import` checks a
 * file, then the bulk upsert — a dry run first, which changes nothing, then the same text saved.
 */
import type { Edition } from '../../db/schema.ts';
import type { CsvProblem } from '../../locations/csv.ts';
import { importVenueCsv } from '../../locations/csv-import.ts';
import type { UserError } from '../../locations/errors.ts';
import { requireInFederation } from '../../locations/federation-scope.ts';
import { builder } from '../builder.ts';
import { requireEditionOrError } from './edition.ts';
import { actingOrganisation, actingTargets, actorOf } from './location-mutations.ts';
import { UserErrorRef } from './user-error.ts';

interface ImportShape {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  problems: CsvProblem[];
  userErrors: UserError[];
}

const ImportProblemRef = builder.objectRef<CsvProblem>('ImportProblem').implement({
  description: 'One problem in an imported spreadsheet, where a person finds it.',
  fields: (t) => ({
    line: t.exposeInt('line', {
      nullable: true,
      description: 'The line of the file (the header is line 1); null for the whole file.',
    }),
    column: t.exposeString('column', {
      nullable: true,
      description: 'The column’s name in the header row, e.g. `lat`; null for a whole line.',
    }),
    message: t.exposeString('message', { description: 'A sentence for a person.' }),
    code: t.exposeString('code', { description: 'The UserErrorCode, for a program.' }),
  }),
});

const ImportLocationsInput = builder.inputType('ImportLocationsInput', {
  description: 'A spreadsheet of venues as CSV text (UTF-8), one header row, one venue a line.',
  fields: (t) => ({
    edition: t.string({ required: true, description: 'Edition slug.' }),
    organisation: t.string({ description: 'Staff only: on whose behalf.' }),
    csv: t.string({
      required: true,
      description:
        'The file’s text, at most 5,000,000 bytes (TAFEL_IMPORT_MAX_BYTES). The columns are those of `examples/venues.csv`.',
    }),
    dryRun: t.boolean({
      defaultValue: false,
      description:
        'Check everything against the database and report the counts, but change nothing.',
    }),
  }),
});

const ImportLocationsPayload = builder.objectRef<ImportShape>('ImportLocationsPayload').implement({
  description:
    'What an import did, or (dryRun) would do. When problems or userErrors are not empty, nothing changed.',
  fields: (t) => ({
    dryRun: t.exposeBoolean('dryRun', { description: 'Whether this was only a check.' }),
    created: t.exposeInt('created', { description: 'Venues created (or that would be).' }),
    updated: t.exposeInt('updated', { description: 'Venues changed (or that would be).' }),
    unchanged: t.exposeInt('unchanged', { description: 'Venues that were already exactly so.' }),
    problems: t.field({
      type: [ImportProblemRef],
      description: 'Every problem in the file, by line and column, in the file’s order.',
      resolve: (p) => p.problems,
    }),
    userErrors: t.field({
      type: [UserErrorRef],
      description:
        'The same problems as userErrors: `["csv", "<line>", "<column>"]`; or `["edition"]`, `["organisation"]`.',
      resolve: (p) => p.userErrors,
    }),
  }),
});

function asUserError(p: CsvProblem): UserError {
  const field: string[] = ['csv'];
  if (p.line !== null) field.push(String(p.line));
  if (p.column) field.push(p.column);
  return { field, code: p.code as UserError['code'], message: p.message };
}

builder.mutationFields((t) => ({
  importLocations: t.field({
    type: ImportLocationsPayload,
    description:
      'Venues from a spreadsheet (CSV text): the same all-or-nothing upsert as `upsertLocations`, every problem by line and column. Send it with `dryRun: true` first.',
    args: { input: t.arg({ type: ImportLocationsInput, required: true }) },
    authScopes: { scope: 'LOCATIONS_WRITE' },
    resolve: async (_root, { input }, ctx) => {
      const dryRun = input.dryRun ?? false;
      const none = { dryRun, created: 0, updated: 0, unchanged: 0, problems: [] };
      await requireInFederation(ctx.db, ctx.viewer, ...actingTargets(input));
      const edition = await requireEditionOrError(ctx.db, input.edition);
      if (Array.isArray(edition)) return { ...none, userErrors: edition };
      const organisationId = await actingOrganisation(ctx, input.organisation);
      if (Array.isArray(organisationId)) return { ...none, userErrors: organisationId };
      const result = await importVenueCsv(ctx.db, {
        edition: edition as Edition,
        organisationId,
        text: input.csv,
        dryRun,
        actor: actorOf(ctx),
      });
      if (!result.ok)
        return { ...none, problems: result.problems, userErrors: result.problems.map(asUserError) };
      if (!dryRun) ctx.live.announce(result.notices);
      const { created, updated, unchanged } = result.value;
      return { dryRun, created, updated, unchanged, problems: [], userErrors: [] };
    },
  }),
}));
