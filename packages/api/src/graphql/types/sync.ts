/**
 * Incremental sync for partners: `locations(updatedSince:)` gives the venues added or changed,
 * `removedLocations(since:)` the ones that left the public view (cancelled, or withdrawn to a
 * draft or held for approval), so a copy can be kept without fetching everything again.
 */

import { resolveCursorConnection } from '@pothos/plugin-relay';
import { and, asc, desc, eq, gt, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { locations } from '../../db/schema.ts';
import { publicVenue } from '../../locations/visibility.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { encodeGlobalId } from '../global-id.ts';
import { checkPage, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../paging.ts';
import { requireEdition } from './edition.ts';

interface Removed {
  id: number;
  status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  updatedAt: Date;
}

const RemovalReasonEnum = builder.enumType('RemovalReason', {
  description: 'Why a venue is no longer public.',
  values: {
    CANCELLED: { description: 'Called off by its organisation.' },
    WITHDRAWN: {
      description:
        'Back to a draft, or held for staff approval; it may come back (then `locations(updatedSince:)` has it).',
    },
  } as const,
});

const RemovedLocationRef = builder.objectRef<Removed>('RemovedLocation').implement({
  description: 'A venue that left the public view: delete it from your copy.',
  fields: (t) => ({
    id: t.id({
      description: 'The venue’s global ID, as `Location.id` had it.',
      resolve: (r) => encodeGlobalId('Location', r.id),
    }),
    reason: t.field({
      type: RemovalReasonEnum,
      description: 'Cancelled or withdrawn.',
      resolve: (r) => (r.status === 'CANCELLED' ? 'CANCELLED' : 'WITHDRAWN'),
    }),
    removedAt: t.expose('updatedAt', {
      type: 'DateTime',
      description: 'When the venue last changed (at or after it left).',
    }),
  }),
});

function cursorId(cursor: string, argument: string): number {
  const id = Number(cursor);
  if (!Number.isInteger(id) || id < 0) throw badInput(argument, 'not a cursor this list issued.');
  return id;
}

builder.queryFields((t) => ({
  removedLocations: t.connection({
    type: RemovedLocationRef,
    description:
      'Venues of an edition that left the public view at or after `since`, by ID. With `locations(updatedSince:)` a partner keeps a copy in sync. May name venues your copy never had: ignore those.',
    args: {
      edition: t.arg.string({ required: true, description: 'Edition slug.' }),
      since: t.arg({
        type: 'DateTime',
        required: true,
        description: 'The instant of your last sync.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      checkPage(args);
      const edition = await requireEdition(ctx, args.edition);
      return resolveCursorConnection<Promise<Removed[]>>(
        {
          args,
          toCursor: (r: Removed) => String(r.id),
          defaultSize: DEFAULT_PAGE_SIZE,
          maxSize: MAX_PAGE_SIZE,
        },
        async ({ before, after, limit, inverted }): Promise<Removed[]> =>
          await ctx.db
            .select({ id: locations.id, status: locations.status, updatedAt: locations.updatedAt })
            .from(locations)
            .where(
              and(
                eq(locations.editionId, edition.id),
                gte(locations.updatedAt, args.since),
                sql`NOT (${publicVenue(locations)})`,
                // Only venues the public could have seen: drafts and venues cancelled or withdrawn
                // before they were approved are nobody's business.
                isNotNull(locations.publicSince),
                after ? gt(locations.id, cursorId(after, 'after')) : undefined,
                before ? lt(locations.id, cursorId(before, 'before')) : undefined,
              ),
            )
            .orderBy(inverted ? desc(locations.id) : asc(locations.id))
            .limit(limit),
      );
    },
  }),
}));
