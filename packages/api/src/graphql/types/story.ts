/**
 * Stories told at a venue: the Story type, the mutations that add, publish, reject and delete one,
 * and where they are read — an edition's and a venue's published stories (public), a venue's all
 * (its host and staff), and the staff's queue of stories waiting for moderation.
 */

import { eq, type SQL, sql } from 'drizzle-orm';
import { canSeePrivate, isStaff, withinReach } from '../../auth/viewer.ts';
import { type Location, type Story, stories } from '../../db/schema.ts';
import { auditActorOf } from '../../locations/audit.ts';
import {
  federationEditions,
  requireInFederation,
  staffFederation,
} from '../../locations/federation-scope.ts';
import {
  addStory,
  deleteStory,
  MAX_ATTRIBUTION,
  MAX_QUOTE,
  moderateStory,
  publicStory,
  type StoryModeration,
} from '../../locations/stories.ts';
import { isPublicVenue } from '../../locations/visibility.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { decodeGlobalId } from '../global-id.ts';
import { guardNodeType } from '../nodes.ts';
import { checkPage } from '../paging.ts';
import { EditionRef, requireEdition } from './edition.ts';
import { LanguageEnum } from './enums.ts';
import { LocationRef } from './location.ts';
import { hostOfVenueOrStaff, outcomeActorOf, venueIdOf } from './outcomes.ts';
import { type UserError, UserErrorRef, userError } from './user-error.ts';

export const StoryStatusEnum = builder.enumType('StoryStatus', {
  description: 'Where a story stands with staff.',
  values: {
    PENDING: { description: 'Waiting for staff: not public.' },
    PUBLISHED: { description: 'Published by staff: public while its venue is.' },
    REJECTED: { description: 'Rejected by staff: never public.' },
  },
});

type StoryRow = Story & {
  location?: Pick<
    Location,
    'organisationId' | 'status' | 'awaitingApproval' | 'organisationSuspended'
  >;
};

/** May this viewer read this story? Its host and staff any; everyone a published one of a public venue. */
function mayRead(ctx: Context, story: StoryRow): boolean {
  // Staff: within their federation's editions (the instance's staff: all).
  if (!story.location) return isStaff(ctx) && withinReach(ctx.viewer!, null, story.editionId);
  if (canSeePrivate(ctx, story.location.organisationId, story.editionId)) return true;
  return story.status === 'PUBLISHED' && isPublicVenue(story.location);
}

/** Stories the viewer may list (the stories table as `s`): public ones, and its own venues' or all for staff. */
function readableStory(ctx: Context, s: typeof stories): SQL {
  const federation = staffFederation(ctx.viewer);
  if (isStaff(ctx) && federation)
    return sql`(${publicStory(s)} OR ${s.editionId} IN ${federationEditions(federation.id)})`;
  if (isStaff(ctx)) return sql`true`;
  const own = ctx.viewer?.organisation;
  if (!own) return publicStory(s);
  return sql`(${publicStory(s)} OR EXISTS (SELECT 1 FROM locations ol WHERE ol.id = ${s.locationId} AND ol.organisation_id = ${own.id}))`;
}

const VENUE_RULE = {
  columns: {
    organisationId: true,
    status: true,
    awaitingApproval: true,
    organisationSuspended: true,
  },
} as const;

export const StoryRef = builder.drizzleNode('stories', {
  name: 'Story',
  description:
    'A story told at a venue, with the storyteller’s consent: a quote, its language and the attribution they agreed to. Public once staff published it.',
  id: { column: (s) => s.id },
  select: {
    columns: {
      id: true,
      locationId: true,
      editionId: true,
      quote: true,
      language: true,
      attribution: true,
      consent: true,
      consentedAt: true,
      status: true,
      moderatedAt: true,
      addedBy: true,
      createdAt: true,
      updatedAt: true,
    },
    with: { location: VENUE_RULE },
  },
  fields: (t) => ({
    quote: t.exposeString('quote', { description: `The story, at most ${MAX_QUOTE} characters.` }),
    language: t.field({
      type: LanguageEnum,
      description: 'The language of the quote.',
      resolve: (s) => s.language as never,
    }),
    attribution: t.exposeString('attribution', {
      nullable: true,
      description: `As the storyteller agreed to be named (e.g. a first name), at most ${MAX_ATTRIBUTION} characters; null: not named.`,
    }),
    status: t.field({
      type: StoryStatusEnum,
      description: 'Where it stands with staff (the public sees published ones only).',
      resolve: (s) => s.status,
    }),
    consentedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'The host organisation and staff only (null for anyone else): when the storyteller gave consent.',
      select: { with: { location: VENUE_RULE } },
      resolve: (s, _a, ctx) => {
        const venue = (s as StoryRow).location;
        return venue && canSeePrivate(ctx, venue.organisationId, s.editionId)
          ? s.consentedAt
          : null;
      },
    }),
    publishedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When staff published it; null while it is not published.',
      resolve: (s) => (s.status === 'PUBLISHED' ? s.moderatedAt : null),
    }),
    location: t.relation('location', { type: LocationRef, description: 'Where it was told.' }),
  }),
});

// By ID: a published story of a public venue for everyone; any other for its host and staff.
guardNodeType<StoryRow>('Story', mayRead);

builder.drizzleObjectFields(EditionRef, (t) => ({
  stories: t.relatedConnection('stories', {
    description:
      'Stories told at its venues that staff published, newest first. Never a pending or rejected one.',
    query: () => ({
      where: { RAW: (s) => publicStory(s as unknown as typeof stories) },
      orderBy: { id: 'desc' },
    }),
  }),
}));

builder.drizzleObjectFields(LocationRef, (t) => ({
  stories: t.relatedConnection('stories', {
    description:
      'Stories told here, newest first: the published ones; its host organisation and staff also get those waiting for staff and rejected ones.',
    query: (_args, ctx) => ({
      where: { RAW: (s) => readableStory(ctx, s as unknown as typeof stories) },
      orderBy: { id: 'desc' },
    }),
  }),
}));

builder.queryFields((t) => ({
  storiesAwaitingModeration: t.drizzleConnection({
    type: 'stories',
    description:
      'Staff (admins and moderators): an edition’s stories waiting for publication, oldest first.',
    authScopes: { moderator: true },
    args: { edition: t.arg.string({ required: true, description: 'Edition slug.' }) },
    resolve: async (query, _root, args, ctx) => {
      checkPage(args);
      const edition = await requireEdition(ctx, args.edition);
      await requireInFederation(ctx.db, ctx.viewer, { edition: edition.id });
      return ctx.db.query.stories.findMany(
        query({ where: { editionId: edition.id, status: 'PENDING' }, orderBy: { id: 'asc' } }),
      );
    },
  }),
}));

const AddStoryInput = builder.inputType('AddStoryInput', {
  description:
    'A story told at a venue that has been held, with the storyteller’s recorded consent. It waits for staff before it is public.',
  fields: (t) => ({
    location: t.id({ required: true, description: 'The venue’s global ID.' }),
    quote: t.string({ required: true, description: `The story, at most ${MAX_QUOTE} characters.` }),
    language: t.field({ type: LanguageEnum, required: true, description: 'Its language.' }),
    attribution: t.string({
      description: `As the storyteller agreed to be named (e.g. a first name), at most ${MAX_ATTRIBUTION} characters. Leave out to name no one.`,
    }),
    consent: t.boolean({
      required: true,
      description:
        'The storyteller agreed to its publication. Without it (false) the story is refused and not stored.',
    }),
    consentedAt: t.field({
      type: 'DateTime',
      required: true,
      description: 'When the storyteller agreed.',
    }),
  }),
});

const StoryIdInput = (name: string, description: string, reasonRequired: boolean) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({
      id: t.id({ required: true, description: 'The story’s global ID.' }),
      reason: t.string({
        required: reasonRequired,
        description: 'Why, for the audit trail (not public).',
      }),
    }),
  });

const StoryPayload = builder
  .objectRef<{ story: Story | null; userErrors: UserError[] }>('StoryPayload')
  .implement({
    description: 'The story after the mutation (null if refused), and what was wrong.',
    fields: (t) => ({
      story: t.field({
        type: StoryRef,
        nullable: true,
        description: 'The story after the change (for a deletion: as it was).',
        // A row the mutation returned: what it lacks of the type's selection is loaded by ID.
        resolve: (p) => p.story as never,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Empty when the mutation was applied.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

/** The story id a global ID names, or a NOT_FOUND userError. */
function storyIdOf(globalId: string | number): number | UserError {
  try {
    const { typename, id } = decodeGlobalId(String(globalId));
    if (typename === 'Story') return Number(id);
  } catch {
    // answered below
  }
  return userError(['input', 'id'], 'NOT_FOUND', 'There is no such story.');
}

/** A story is within its venue's federation: staff of another never touch it (NOT_FOUND). */
async function requireStoryInFederation(ctx: Context, storyId: number): Promise<void> {
  if (!staffFederation(ctx.viewer)) return;
  const [row] = await ctx.db
    .select({ locationId: stories.locationId })
    .from(stories)
    .where(eq(stories.id, storyId));
  // No such story: the domain says so, as for any other.
  if (row) await requireInFederation(ctx.db, ctx.viewer, { location: row.locationId });
}

async function moderate(
  ctx: Context,
  action: StoryModeration,
  id: string | number,
  reason?: string | null,
) {
  const storyId = storyIdOf(id);
  if (typeof storyId !== 'number') return { story: null, userErrors: [storyId] };
  await requireStoryInFederation(ctx, storyId);
  const result = await moderateStory(ctx.db, auditActorOf(ctx.viewer!), {
    id: storyId,
    action,
    reason,
  });
  ctx.live.announce(result.notices);
  return { story: result.story, userErrors: result.userErrors };
}

const hostOrStaff = { $any: { moderator: true, scope: 'LOCATIONS_WRITE' as const } };

builder.mutationFields((t) => ({
  addStory: t.field({
    type: StoryPayload,
    description:
      'The host organisation (LOCATIONS_WRITE) or staff: add a story to a venue that has been held. Refused without consent (CONSENT_REQUIRED: nothing stored) and before the venue was held (NOT_YET_HELD). It waits for staff.',
    args: { input: t.arg({ type: AddStoryInput, required: true }) },
    authScopes: (_root, { input }) => hostOfVenueOrStaff(input.location),
    resolve: async (_root, { input }, ctx) => {
      const locationId = venueIdOf(input.location, ['input', 'location']);
      if (typeof locationId !== 'number') return { story: null, userErrors: [locationId] };
      await requireInFederation(ctx.db, ctx.viewer, { location: locationId });
      const result = await addStory(ctx.db, outcomeActorOf(ctx), {
        locationId,
        quote: input.quote,
        language: input.language,
        attribution: input.attribution,
        consent: input.consent,
        consentedAt: input.consentedAt,
      });
      ctx.live.announce(result.notices);
      return { story: result.story, userErrors: result.userErrors };
    },
  }),
  publishStory: t.field({
    type: StoryPayload,
    description: 'Staff (admins and moderators): publish a story; it goes public.',
    args: {
      input: t.arg({
        type: StoryIdInput('PublishStoryInput', 'Publish one story.', false),
        required: true,
      }),
    },
    authScopes: { moderator: true },
    resolve: (_root, { input }, ctx) => moderate(ctx, 'PUBLISH', input.id, input.reason),
  }),
  rejectStory: t.field({
    type: StoryPayload,
    description:
      'Staff (admins and moderators): reject a story, with a reason; a published one leaves the public view.',
    args: {
      input: t.arg({
        type: StoryIdInput('RejectStoryInput', 'Reject one story, with a reason.', true),
        required: true,
      }),
    },
    authScopes: { moderator: true },
    resolve: (_root, { input }, ctx) => moderate(ctx, 'REJECT', input.id, input.reason),
  }),
  deleteStory: t.field({
    type: StoryPayload,
    description:
      'Its host organisation (LOCATIONS_WRITE) or staff: delete a story, e.g. when the storyteller withdraws consent. It is gone at once, from every public answer too.',
    args: {
      input: t.arg({
        type: StoryIdInput('DeleteStoryInput', 'Delete one story.', false),
        required: true,
      }),
    },
    authScopes: hostOrStaff,
    resolve: async (_root, { input }, ctx) => {
      const storyId = storyIdOf(input.id);
      if (typeof storyId !== 'number') return { story: null, userErrors: [storyId] };
      await requireStoryInFederation(ctx, storyId);
      const result = await deleteStory(ctx.db, outcomeActorOf(ctx), {
        id: storyId,
        reason: input.reason,
      });
      ctx.live.announce(result.notices);
      return { story: result.story, userErrors: result.userErrors };
    },
  }),
}));
