/**
 * A meeting's programme (#19): `Location.programme` (its chair and sessions with speakers) and
 * `setProgramme`, which replaces it as a whole. A speaker's name reaches the public only when
 * they chose so; staff and the host organisation read it always, to edit it.
 *
 * The compiled read path (graphql/read/rules.ts) has no rule for `programme`: a query that asks
 * for it is answered by the executor, which loads the sessions and speakers of every venue of
 * the list with the list itself (the drizzle plugin's `with`), not one query per venue.
 */
import { canSeePrivate } from '../../auth/viewer.ts';
import {
  type Programme,
  programmeOf,
  type SessionFields,
  type SpeakerFields,
  setProgramme,
} from '../../locations/programme.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { LocationRef } from './location.ts';
import { actorOf, locationById } from './location-mutations.ts';
import { LocationPayloadRef, refused } from './location-payload.ts';

type SpeakerShape = NonNullable<Programme['chair']> & { visible: boolean };
type SessionShape = Omit<Programme['sessions'][number], 'speakers'> & { speakers: SpeakerShape[] };

const SpeakerRef = builder.objectRef<SpeakerShape>('Speaker').implement({
  description:
    'A speaker of a session, or a meeting’s chair: their role and organisation, and their name only if they chose to be named publicly.',
  fields: (t) => ({
    name: t.string({
      nullable: true,
      description:
        'Their name, when they chose to be named publicly (`namePublic`); otherwise null, except for staff and the host organisation.',
      resolve: (p) => (p.namePublic || p.visible ? p.name : null),
    }),
    role: t.exposeString('role', {
      nullable: true,
      description: 'Their role, e.g. `stifter` (founder).',
    }),
    organisation: t.exposeString('organisation', {
      nullable: true,
      description: 'The organisation they speak for.',
    }),
    namePublic: t.exposeBoolean('namePublic', {
      description: 'Whether they chose to be named publicly.',
    }),
  }),
});

const ProgrammeSessionRef = builder.objectRef<SessionShape>('ProgrammeSession').implement({
  description: 'One session of a meeting’s programme, within the meeting’s time.',
  fields: (t) => ({
    startsAt: t.expose('startsAt', { type: 'DateTime', description: 'When it starts.' }),
    endsAt: t.expose('endsAt', { type: 'DateTime', description: 'When it ends.' }),
    title: t.exposeString('title', { description: 'Its title.' }),
    abstract: t.exposeString('abstract', { nullable: true, description: 'What it is about.' }),
    tentative: t.exposeBoolean('tentative', {
      description: 'Not yet confirmed ("Endnu ikke bekræftet"): shown, marked as such.',
    }),
    speakers: t.field({
      type: [SpeakerRef],
      description: 'Its speakers, in their order (at most 10).',
      resolve: (s) => s.speakers,
    }),
  }),
});

const ProgrammeRef = builder
  .objectRef<{ chair: SpeakerShape | null; sessions: SessionShape[] }>('Programme')
  .implement({
    description: 'A meeting’s programme: who chairs it, and its sessions.',
    fields: (t) => ({
      chair: t.field({
        type: SpeakerRef,
        nullable: true,
        description: 'The meeting’s chair (mødeleder), if it has one.',
        resolve: (p) => p.chair,
      }),
      sessions: t.field({
        type: [ProgrammeSessionRef],
        description:
          'Its sessions, in the order they were set (at most 50); they may overlap (parallel tracks).',
        resolve: (p) => p.sessions,
      }),
    }),
  });

/** A stored programme as this viewer may read it. */
function shaped(ctx: Context, organisationId: number, editionId: number, programme: Programme) {
  const visible = canSeePrivate(ctx, organisationId, editionId);
  const speaker = (p: NonNullable<Programme['chair']>): SpeakerShape => ({ ...p, visible });
  return {
    chair: programme.chair ? speaker(programme.chair) : null,
    sessions: programme.sessions.map((s) => ({ ...s, speakers: s.speakers.map(speaker) })),
  };
}

builder.drizzleObjectFields(LocationRef, (t) => ({
  programme: t.field({
    type: ProgrammeRef,
    description:
      'The meeting’s programme: its chair and sessions with their speakers. Empty (no chair, no sessions) for a venue without one.',
    select: { with: { programmeSessions: true, programmeSpeakers: true } },
    resolve: (l, _args, ctx) =>
      shaped(
        ctx,
        l.organisationId,
        l.editionId,
        programmeOf(l.programmeSessions, l.programmeSpeakers),
      ),
  }),
}));

const SpeakerInput = builder.inputType('SpeakerInput', {
  description: 'A speaker, or a meeting’s chair.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Their name, 1–120 characters.' }),
    role: t.string({ description: 'Their role, at most 120 characters.' }),
    organisation: t.string({ description: 'Their organisation, at most 120 characters.' }),
    namePublic: t.boolean({
      defaultValue: false,
      description:
        'They chose to be named publicly. Left out or false, the public reads only their role and organisation.',
    }),
  }),
});

const ProgrammeSessionInput = builder.inputType('ProgrammeSessionInput', {
  description: 'One session: within its meeting’s start and end.',
  fields: (t) => ({
    startsAt: t.field({ type: 'DateTime', required: true, description: 'When it starts.' }),
    endsAt: t.field({
      type: 'DateTime',
      required: true,
      description: 'When it ends: after it starts.',
    }),
    title: t.string({ required: true, description: 'Its title, 1–200 characters.' }),
    abstract: t.string({ description: 'What it is about, at most 2,000 characters.' }),
    tentative: t.boolean({
      defaultValue: false,
      description: 'Not yet confirmed: shown, marked as such.',
    }),
    speakers: t.field({
      type: [SpeakerInput],
      description: 'Its speakers, in order; at most 10.',
    }),
  }),
});

const SetProgrammeInput = builder.inputType('SetProgrammeInput', {
  description:
    'A meeting’s whole programme: it replaces the one stored. An empty `sessions` list and no `chair` clear it.',
  fields: (t) => ({
    location: t.id({ required: true, description: 'The venue’s (the meeting’s) global ID.' }),
    chair: t.field({ type: SpeakerInput, description: 'Who chairs the meeting; left out, none.' }),
    sessions: t.field({
      type: [ProgrammeSessionInput],
      required: true,
      description:
        'Its sessions, in order; at most 50. Each within the meeting’s start and end (a meeting without times: within its edition’s days).',
    }),
  }),
});

builder.mutationFields((t) => ({
  setProgramme: t.field({
    type: LocationPayloadRef,
    description:
      'Set one of your meetings’ programme as a whole (needs LOCATIONS_WRITE): its chair and sessions with speakers. All or nothing; sending the same programme again changes nothing.',
    args: { input: t.arg({ type: SetProgrammeInput, required: true }) },
    authScopes: (_root, { input }) => ({
      $all: { scope: 'LOCATIONS_WRITE', ownsLocation: String(input.location) },
    }),
    resolve: async (_root, { input }, ctx) => {
      const location = await locationById(ctx, String(input.location), ['location']);
      if (Array.isArray(location)) return refused(location);
      const result = await setProgramme(ctx.db, {
        location,
        programme: {
          chair: input.chair as SpeakerFields | null | undefined,
          sessions: input.sessions as SessionFields[],
        },
        actor: actorOf(ctx),
      });
      if (result.ok) ctx.live.announce(result.notices);
      return result.ok ? { location: result.value, userErrors: [] } : refused(result.errors);
    },
  }),
}));
