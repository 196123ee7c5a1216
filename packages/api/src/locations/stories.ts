/**
 * Stories told at a venue, after its day: a quote, its language, the attribution the storyteller
 * agreed to, and their recorded consent. The host organisation (or staff) adds one to a held
 * venue (outcomes.ts says when a venue is held); it waits for staff, who publish or reject it.
 *
 * - Without consent nothing is stored: the input is refused (CONSENT_REQUIRED), and the table's
 *   check refuses any other path.
 * - Public: published, and its venue public (`publicStory`). Pending and rejected stories are
 *   seen by the host organisation and staff only.
 * - Withdrawn consent: the host or staff delete the story (deleteStory); the row goes.
 */
import { LANGS } from '@tafel/schema';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { locations, type Story, stories } from '../db/schema.ts';
import { type AuditActor, audit, checkReason } from './audit.ts';
import { type UserError, UserErrors, userError } from './errors.ts';
import type { VenueNotice } from './notices.ts';
import { heldVenueFor, type OutcomeActor } from './outcomes.ts';
import { publicVenueAs } from './visibility.ts';

export const MAX_QUOTE = 1000;
export const MAX_ATTRIBUTION = 80;

/** A story the public may read: published, and its venue public (the stories table as `s`). */
export function publicStory(s: typeof stories): SQL {
  return sql`${s.status} = 'PUBLISHED' AND EXISTS (SELECT 1 FROM locations pl WHERE pl.id = ${s.locationId} AND ${publicVenueAs('pl')})`;
}

export interface StoryInput {
  locationId: number;
  quote: string;
  language: string;
  attribution?: string | null;
  consent: boolean | null | undefined;
  consentedAt: Date | null | undefined;
}

export interface StoryResult {
  story: Story | null;
  userErrors: UserError[];
  notices: VenueNotice[];
}

const refuse = (userErrors: UserError[]): StoryResult => ({ story: null, userErrors, notices: [] });

/** The fields of a story, checked: every problem named. */
export function checkStory(
  input: StoryInput,
  now = new Date(),
):
  | { quote: string; language: string; attribution: string | null; consentedAt: Date }
  | UserError[] {
  const errors = new UserErrors();
  if (input.consent !== true)
    errors.add(
      ['input', 'consent'],
      'CONSENT_REQUIRED',
      'The storyteller’s consent is needed: a story without it is not stored.',
    );
  if (!input.consentedAt)
    errors.add(['input', 'consentedAt'], 'REQUIRED', 'When the storyteller gave their consent.');
  else if (input.consentedAt.getTime() > now.getTime() + 5 * 60_000)
    errors.add(['input', 'consentedAt'], 'INVALID', 'The consent’s date is in the future.');
  const quote = input.quote.trim();
  if (!quote) errors.add(['input', 'quote'], 'REQUIRED', 'The story itself: a quote.');
  else if (quote.length > MAX_QUOTE)
    errors.add(['input', 'quote'], 'TOO_LONG', `A quote has at most ${MAX_QUOTE} characters.`);
  if (!(LANGS as readonly string[]).includes(input.language))
    errors.add(
      ['input', 'language'],
      'INVALID',
      `Language "${input.language.slice(0, 20)}" is not one of ${LANGS.join(', ')}.`,
    );
  const attribution = input.attribution?.trim() || null;
  if (attribution && attribution.length > MAX_ATTRIBUTION)
    errors.add(
      ['input', 'attribution'],
      'TOO_LONG',
      `An attribution has at most ${MAX_ATTRIBUTION} characters.`,
    );
  if (errors.any) return errors.list;
  return { quote, language: input.language, attribution, consentedAt: input.consentedAt! };
}

/** Add a story to a held venue; it waits for staff. */
export async function addStory(
  db: Db,
  actor: OutcomeActor,
  input: StoryInput,
): Promise<StoryResult> {
  const checked = checkStory(input);
  if (Array.isArray(checked)) return refuse(checked);
  const venue = await heldVenueFor(db, actor, input.locationId, ['input', 'location']);
  if ('code' in venue) return refuse([venue]);
  return db.transaction(async (tx) => {
    const [story] = await tx
      .insert(stories)
      .values({
        locationId: venue.id,
        editionId: venue.editionId,
        ...checked,
        consent: true,
        addedBy: actor.audit.label,
      })
      .returning();
    await audit(tx, actor.audit, {
      action: 'ADD_STORY',
      organisationId: venue.organisationId,
      locationId: venue.id,
      editionId: venue.editionId,
      details: { story: story!.id },
    });
    // Pending: no public answer shows it yet, so there is nothing to announce.
    return { story: story!, userErrors: [], notices: [] };
  });
}

/** A story with its venue's organisation, for the checks of who may act on it. */
async function storyFor(db: Db, id: number) {
  const [row] = await db
    .select({ story: stories, organisationId: locations.organisationId })
    .from(stories)
    .innerJoin(locations, eq(locations.id, stories.locationId))
    .where(eq(stories.id, id))
    .limit(1);
  return row ?? null;
}

const NO_STORY = (field: string[]) => userError(field, 'NOT_FOUND', 'There is no such story.');

export type StoryModeration = 'PUBLISH' | 'REJECT';

/** Staff publish or reject a story; either may be undone by the other. */
export async function moderateStory(
  db: Db,
  actor: AuditActor,
  input: { id: number; action: StoryModeration; reason?: string | null },
): Promise<StoryResult> {
  const checked = checkReason(input.reason, input.action === 'REJECT');
  if ('code' in checked)
    return refuse([userError(['input', 'reason'], checked.code, checked.message)]);
  return db.transaction(async (tx) => {
    const [found] = await tx.select().from(stories).where(eq(stories.id, input.id)).for('update');
    if (!found) return refuse([NO_STORY(['input', 'id'])]);
    const status = input.action === 'PUBLISH' ? 'PUBLISHED' : 'REJECTED';
    if (found.status === status)
      return refuse([
        userError(
          ['input', 'id'],
          'INVALID_TRANSITION',
          `The story is ${status.toLowerCase()} already.`,
        ),
      ]);
    const [story] = await tx
      .update(stories)
      .set({ status, moderatedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(stories.id, found.id))
      .returning();
    const [venue] = await tx
      .select({ organisationId: locations.organisationId })
      .from(locations)
      .where(eq(locations.id, found.locationId));
    await audit(tx, actor, {
      action: `${input.action}_STORY`,
      organisationId: venue?.organisationId ?? null,
      locationId: found.locationId,
      editionId: found.editionId,
      reason: checked.reason,
      details: { story: found.id, status: { from: found.status, to: status } },
    });
    return { story: story!, userErrors: [], notices: [{ edition: found.editionId }] };
  });
}

/** Delete a story (the storyteller withdrew consent, or the host thinks better of it). */
export async function deleteStory(
  db: Db,
  actor: OutcomeActor,
  input: { id: number; reason?: string | null },
): Promise<StoryResult> {
  const checked = checkReason(input.reason, false);
  if ('code' in checked)
    return refuse([userError(['input', 'reason'], checked.code, checked.message)]);
  const found = await storyFor(db, input.id);
  if (!found || (actor.organisationId !== null && found.organisationId !== actor.organisationId))
    return refuse([NO_STORY(['input', 'id'])]);
  return db.transaction(async (tx) => {
    const [gone] = await tx.delete(stories).where(eq(stories.id, found.story.id)).returning();
    if (!gone) return refuse([NO_STORY(['input', 'id'])]);
    await audit(tx, actor.audit, {
      action: 'DELETE_STORY',
      organisationId: found.organisationId,
      locationId: gone.locationId,
      editionId: gone.editionId,
      reason: checked.reason,
      details: { story: gone.id, status: gone.status },
    });
    return { story: gone, userErrors: [], notices: [{ edition: gone.editionId }] };
  });
}

/** An edition's published stories for the open data, oldest first (the venue's public parts). */
export async function publishedStories(db: Db, editionId: number) {
  return db
    .select({
      id: stories.id,
      quote: stories.quote,
      language: stories.language,
      attribution: stories.attribution,
      publishedAt: stories.moderatedAt,
      venue: locations.name,
      city: locations.city,
      region: locations.region,
    })
    .from(stories)
    .innerJoin(locations, eq(locations.id, stories.locationId))
    .where(and(eq(stories.editionId, editionId), publicStory(stories)))
    .orderBy(stories.id);
}
