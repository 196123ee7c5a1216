/**
 * What came of a venue: its closing report (the host's and staff's to read, notes included), the
 * mutation that files it, and the totals per edition (`stats.outcomes`) and per series. The public
 * reads totals only, never a note.
 */
import { canSeePrivate } from '../../auth/viewer.ts';
import type { ClosingReport } from '../../db/schema.ts';
import { auditActorOf } from '../../locations/audit.ts';
import { requireInFederation } from '../../locations/federation-scope.ts';
import {
  closingReportOf,
  computeFederationOutcomes,
  computeOutcomes,
  computeSeriesOutcomes,
  fileClosingReport,
  OUTCOME_COUNTS,
  type OutcomeActor,
  type OutcomeCount,
  type OutcomeTotals,
} from '../../locations/outcomes.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { decodeLocationId } from '../global-id.ts';
import { FederationRef } from './federation.ts';
import { LocationRef } from './location.ts';
import { SeriesRef } from './series.ts';
import { ParticipationStatsRef } from './stats.ts';
import { type UserError, UserErrorRef, userError } from './user-error.ts';

const DESCRIPTIONS: Record<OutcomeCount, string> = {
  followUps: 'Follow-up conversations planned.',
  introductions: 'Introductions made (e.g. an employer put someone in touch with another).',
  internshipsOffered: 'Internships offered.',
  jobsOffered: 'Jobs offered.',
  internshipsRealised: 'Internships that came about later (at most those offered).',
  jobsRealised: 'Jobs that came about later (at most those offered).',
  placementsPledged: 'Placements companies pledged.',
};

/** The acting organisation (null: staff) and the audit actor of a request. */
export function outcomeActorOf(ctx: Context): OutcomeActor {
  const viewer = ctx.viewer!;
  return { organisationId: viewer.organisation?.id ?? null, audit: auditActorOf(viewer) };
}

/** The venue id a global ID names, or a NOT_FOUND userError at `field`. */
export function venueIdOf(globalId: string | number, field: string[]): number | UserError {
  let id: number | null = null;
  try {
    id = decodeLocationId(String(globalId));
  } catch {
    id = null;
  }
  return id ?? userError(field, 'NOT_FOUND', 'There is no such venue (or it is not yours).');
}

/** Who may write what came of a venue: its organisation (LOCATIONS_WRITE) or staff who moderate. */
export function hostOfVenueOrStaff(location: string | number) {
  return {
    $any: {
      moderator: true,
      $all: { scope: 'LOCATIONS_WRITE' as const, ownsLocation: String(location) },
    },
  };
}

export const ClosingReportRef = builder.objectRef<ClosingReport>('ClosingReport').implement({
  description:
    'What came of a venue, as its host reported after the day. Only the host organisation and staff read it; the public reads the totals (`stats.outcomes`).',
  fields: (t) => ({
    ...Object.fromEntries(
      OUTCOME_COUNTS.map((c) => [c, t.exposeInt(c, { description: DESCRIPTIONS[c] })]),
    ),
    note: t.exposeString('note', {
      nullable: true,
      description: 'A short note (at most 1,000 characters), for the host and staff only.',
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it was last filed.' }),
  }),
});

export const OutcomeTotalsRef = builder.objectRef<OutcomeTotals>('OutcomeTotals').implement({
  description:
    'What came of the venues, added up over their closing reports: counts only, never the notes.',
  fields: (t) => ({
    reports: t.exposeInt('reports', { description: 'Venues that filed a closing report.' }),
    ...Object.fromEntries(
      OUTCOME_COUNTS.map((c) => [c, t.exposeInt(c, { description: DESCRIPTIONS[c] })]),
    ),
  }),
});

builder.drizzleObjectFields(LocationRef, (t) => ({
  closingReport: t.field({
    type: ClosingReportRef,
    nullable: true,
    description:
      'The host organisation and staff only (null for anyone else): the closing report, once filed.',
    resolve: (l, _a, ctx) =>
      canSeePrivate(ctx, l.organisationId, l.editionId) ? closingReportOf(ctx.db, l.id) : null,
  }),
}));

builder.objectFields(ParticipationStatsRef, (t) => ({
  outcomes: t.field({
    type: OutcomeTotalsRef,
    nullable: true,
    description:
      'What came of these venues: the totals of their closing reports (follow-ups, introductions, internships and jobs offered and realised, placements pledged). Never a note. Now only: null for a snapshot (`at`), as reports come after the day.',
    resolve: (s, _a, ctx) => (s.at ? null : computeOutcomes(ctx.db, s.editionId, s.filter)),
  }),
}));

builder.drizzleObjectFields(SeriesRef, (t) => ({
  outcomes: t.field({
    type: OutcomeTotalsRef,
    description:
      'What came of the venues of all its editions: the totals of their closing reports.',
    resolve: (s, _a, ctx) => computeSeriesOutcomes(ctx.db, s.id),
  }),
}));

builder.drizzleObjectFields(FederationRef, (t) => ({
  outcomes: t.field({
    type: OutcomeTotalsRef,
    description:
      'What came of the venues of all its editions (through its series): the totals of their closing reports, never the notes.',
    resolve: (f, _a, ctx) => computeFederationOutcomes(ctx.db, f.id),
  }),
}));

const FileClosingReportInput = builder.inputType('FileClosingReportInput', {
  description:
    'A venue’s closing report, after its day. Filing again replaces it (counts not given are 0).',
  fields: (t) => ({
    location: t.id({ required: true, description: 'The venue’s global ID.' }),
    ...Object.fromEntries(
      OUTCOME_COUNTS.map((c) => [
        c,
        t.int({ description: `${DESCRIPTIONS[c]} 0 to 100,000; default 0.` }),
      ]),
    ),
    note: t.string({
      description: 'A short note, at most 1,000 characters: for the host and staff, never public.',
    }),
  }),
});

const ClosingReportPayload = builder
  .objectRef<{ closingReport: ClosingReport | null; userErrors: UserError[] }>(
    'FileClosingReportPayload',
  )
  .implement({
    description: 'The report as filed (null if refused), and what was wrong with the input.',
    fields: (t) => ({
      closingReport: t.field({
        type: ClosingReportRef,
        nullable: true,
        description: 'The report after the change.',
        resolve: (p) => p.closingReport,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Empty when it was filed.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

builder.mutationFields((t) => ({
  fileClosingReport: t.field({
    type: ClosingReportPayload,
    description:
      'The host organisation (LOCATIONS_WRITE) or staff (admins and moderators): file or correct the closing report of a venue that has been held. Refused for a venue not yet held (NOT_YET_HELD), a cancelled one (CANCELLED), negative numbers, and realised internships or jobs above those offered (OUT_OF_RANGE).',
    args: { input: t.arg({ type: FileClosingReportInput, required: true }) },
    authScopes: (_root, { input }) => hostOfVenueOrStaff(input.location),
    resolve: async (_root, { input }, ctx) => {
      const locationId = venueIdOf(input.location, ['input', 'location']);
      if (typeof locationId !== 'number') return { closingReport: null, userErrors: [locationId] };
      await requireInFederation(ctx.db, ctx.viewer, { location: locationId });
      const counts = Object.fromEntries(
        OUTCOME_COUNTS.map((c) => [c, (input as Record<string, unknown>)[c] ?? 0]),
      ) as Record<OutcomeCount, number>;
      const result = await fileClosingReport(ctx.db, outcomeActorOf(ctx), {
        locationId,
        ...counts,
        note: input.note,
      });
      ctx.live.announce(result.notices);
      return { closingReport: result.closingReport, userErrors: result.userErrors };
    },
  }),
}));
