/** `viewer`: who an API key is, what it may do, and its organisation's own venues (drafts too). */
import { sql } from 'drizzle-orm';
import type { Viewer } from '../../auth/viewer.ts';
import { type locationChanges, locationCohosts } from '../../db/schema.ts';
import { federationEditions, staffFederation } from '../../locations/federation-scope.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { decodeLocationId } from '../global-id.ts';
import { checkPage } from '../paging.ts';
import { LocationStatusEnum } from './enums.ts';
import { ApiKeyScopeEnum } from './staff-types.ts';

/** The arguments of the viewer's venue lists: its own, and those it co-hosts. */
const venueListArgs = builder.args((t) => ({
  edition: t.string({ required: true, description: 'Edition slug.' }),
  statuses: t.field({
    type: [LocationStatusEnum],
    description: 'Only these statuses (default: all).',
  }),
}));

const ViewerRef = builder.objectRef<Viewer>('Viewer').implement({
  description: 'The organisation or staff member behind the API key of this request.',
  fields: (t) => ({
    keyPrefix: t.exposeString('prefix', {
      description:
        'The key’s visible prefix; for a signed-in person, `person:<number>` (see `me`).',
    }),
    isStaff: t.boolean({
      description: 'Whether this is federation staff (a staff key, or a staff member signed in).',
      resolve: (v) => v.organisation === null,
    }),
    federation: t.string({
      nullable: true,
      description:
        'Staff of one federation: its slug — they act, and read what is not public, within it only. Null for the instance’s staff and for organisations.',
      resolve: (v) => (v.organisation === null ? (v.federation?.slug ?? null) : null),
    }),
    scopes: t.field({
      type: [ApiKeyScopeEnum],
      description: 'What the key may write (staff keys may do everything).',
      resolve: (v) => v.scopes,
    }),
    organisation: t.drizzleField({
      type: 'organisations',
      nullable: true,
      description: 'The key’s organisation; null for staff.',
      resolve: (query, v, _a, ctx) =>
        v.organisation
          ? ctx.db.query.organisations.findFirst(query({ where: { id: v.organisation.id } }))
          : null,
    }),
    locations: t.drizzleConnection({
      type: 'locations',
      description:
        'Your organisation’s venues in an edition, whatever their status, with exact places. Staff see every organisation’s (staff of one federation: in its editions only).',
      args: venueListArgs,
      resolve: (query, v, args, ctx) => {
        checkPage(args);
        return ctx.db.query.locations.findMany(
          query({
            where: {
              // Press read what the public reads (`locations`), not drafts: none here.
              RAW: (l) => {
                if (!v.organisation && v.role === 'press') return sql`false`;
                const edition = sql`${l.editionId} = (SELECT id FROM editions WHERE slug = ${args.edition})`;
                // Staff of one federation: its editions' venues only.
                const federation = staffFederation(v);
                return federation
                  ? sql`${edition} AND ${l.editionId} IN ${federationEditions(federation.id)}`
                  : edition;
              },
              ...(v.organisation ? { organisationId: v.organisation.id } : {}),
              ...(args.statuses?.length ? { status: { in: args.statuses } } : {}),
            },
            orderBy: { id: 'asc' },
          }),
        );
      },
    }),
    cohostedLocations: t.drizzleConnection({
      type: 'locations',
      description:
        'The venues of other organisations that yours co-hosts in an edition, whatever their status, read as their host reads them (exact places, present per role); only their host organisation and staff change them. Empty for staff.',
      args: venueListArgs,
      resolve: (query, v, args, ctx) => {
        checkPage(args);
        return ctx.db.query.locations.findMany(
          query({
            where: {
              RAW: (l) =>
                v.organisation
                  ? sql`${l.editionId} = (SELECT id FROM editions WHERE slug = ${args.edition}) AND ${l.id} IN (SELECT ${locationCohosts.locationId} FROM ${locationCohosts} WHERE ${locationCohosts.organisationId} = ${v.organisation.id})`
                  : sql`false`,
              ...(args.statuses?.length ? { status: { in: args.statuses } } : {}),
            },
            orderBy: { id: 'asc' },
          }),
        );
      },
    }),
  }),
});

const FieldChangeRef = builder
  .objectRef<{ field: string; from: string; to: string }>('FieldChange')
  .implement({
    description: 'A field’s value before and after, as JSON text.',
    fields: (t) => ({
      field: t.exposeString('field', { description: 'The field.' }),
      from: t.exposeString('from', { description: 'The old value, as JSON.' }),
      to: t.exposeString('to', { description: 'The new value, as JSON.' }),
    }),
  });

const LocationChangeRef = builder.drizzleObject('locationChanges', {
  name: 'LocationChange',
  description: 'One change to a venue: who, when, what. The audit trail.',
  fields: (t) => ({
    action: t.exposeString('action', {
      description:
        'CREATE, UPDATE, CANCEL, UPSERT_CREATE, UPSERT_UPDATE, UPSERT_CANCEL, APPROVE or SET_PROGRAMME (its changes count sessions and say whether it has a chair; never a name).',
    }),
    actor: t.exposeString('actor', {
      nullable: true,
      description: 'The API key prefix (or `cli:…`) that made the change.',
    }),
    at: t.expose('at', { type: 'DateTime', description: 'When.' }),
    location: t.relation('location', { description: 'The venue.' }),
    organisation: t.relation('organisation', { description: 'The venue’s organisation.' }),
    changes: t.field({
      type: [FieldChangeRef],
      description: 'Each field that changed, with its old and new value as JSON.',
      resolve: (c) =>
        Object.entries(c.changes).map(([field, v]) => ({
          field,
          from: JSON.stringify(v.from ?? null),
          to: JSON.stringify(v.to ?? null),
        })),
    }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    type: ViewerRef,
    nullable: true,
    description: 'Who the API key of this request belongs to; null without a key.',
    resolve: (_root, _args, ctx) => ctx.viewer,
  }),
  locationChanges: t.drizzleConnection({
    type: 'locationChanges',
    description:
      'The audit trail of venue changes, newest first. Staff see all; a member key sees its own organisation’s.',
    // Press are staff but read only what the public reads: the trail holds drafts' values.
    authScopes: (_root, _args, ctx) =>
      ctx.viewer?.organisation ? { authenticated: true } : { moderator: true },
    args: {
      location: t.arg.id({ description: 'Only this venue’s changes.' }),
      organisation: t.arg.string({
        description: 'Staff: only this organisation’s changes (slug).',
      }),
    },
    resolve: (query, _root, args, ctx) => {
      checkPage(args);
      const own = ctx.viewer?.organisation;
      const locationId = args.location ? decodeLocationId(String(args.location)) : undefined;
      // Another type's ID would filter by a row of another table: refused as no venue's.
      if (locationId === null)
        throw badInput('location', `"${String(args.location).slice(0, 60)}" is not a venue’s ID.`);
      const federation = staffFederation(ctx.viewer);
      return ctx.db.query.locationChanges.findMany(
        query({
          where: {
            ...(own ? { organisationId: own.id } : {}),
            // Staff of one federation: the changes of its editions' venues.
            ...(federation
              ? {
                  RAW: (c) =>
                    sql`${(c as typeof locationChanges).locationId} IN (SELECT fl.id FROM locations fl WHERE fl.edition_id IN ${federationEditions(federation.id)})`,
                }
              : {}),
            ...(locationId ? { locationId } : {}),
            ...(!own && args.organisation ? { organisation: { slug: args.organisation } } : {}),
          },
          orderBy: { id: 'desc' },
        }),
      );
    },
  }),
}));

export { LocationChangeRef };
