/** Host links: a venue's token for its hosts on the day (create, list, revoke). */

import { HOST_LINK_HOURS_AFTER_DAY, hostLinkUrl } from '../../auth/host-links.ts';
import type { HostLink } from '../../db/schema.ts';
import { requireInFederation } from '../../locations/federation-scope.ts';
import {
  createHostLink,
  type HostLinkActor,
  hostLinksOf,
  revokeHostLinkAs,
} from '../../locations/host-links.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { decodeLocationId } from '../global-id.ts';
import { type UserError, UserErrorRef, userError } from './user-error.ts';

function actorOf(ctx: Context): HostLinkActor {
  // authScopes guarantee a key with PARTICIPATION_WRITE (staff keys carry every scope).
  const viewer = ctx.viewer!;
  return {
    organisationId: viewer.organisation?.id ?? null,
    keyId: viewer.keyId,
    name: viewer.prefix,
  };
}

export const HostLinkRef = builder.drizzleObject('hostLinks', {
  name: 'HostLink',
  description: `A link for a venue’s hosts on the day: it may report participation (recordArrivals, reportParticipation) at that venue and nothing else, until ${HOST_LINK_HOURS_AFTER_DAY} hours after the edition’s day, or until it is revoked. Its token is shown once, when it is created.`,
  fields: (t) => ({
    prefix: t.exposeString('prefix', {
      description:
        'The visible start of the token, e.g. `tafelhost_3Fq9x2Lm`: to tell links apart and to revoke one.',
    }),
    location: t.relation('location', { description: 'The venue it reports for.' }),
    createdBy: t.exposeString('createdBy', {
      description: 'Who created it: an API key’s prefix, or `cli:<user>`.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      description: `When it stops working: ${HOST_LINK_HOURS_AFTER_DAY} hours after the end of the edition’s day, in the edition’s time zone.`,
    }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked; a revoked link is refused.',
    }),
  }),
});

interface CreateHostLinkPayloadShape {
  hostLink: HostLink | null;
  token: string | null;
  url: string | null;
  userErrors: UserError[];
}

const CreateHostLinkPayload = builder
  .objectRef<CreateHostLinkPayloadShape>('CreateHostLinkPayload')
  .implement({
    description: 'The new host link, with its token and URL: shown this once, never again.',
    fields: (t) => ({
      hostLink: t.field({
        type: HostLinkRef,
        nullable: true,
        description: 'The link (null if refused).',
        resolve: (p) => p.hostLink,
      }),
      token: t.string({
        nullable: true,
        description:
          'The secret, `tafelhost_…`; sent as `Authorization: Bearer <token>`. Shown once.',
        resolve: (p) => p.token,
      }),
      url: t.field({
        type: 'URL',
        nullable: true,
        description: 'The page for the hosts’ phones: `<public URL>/host/<token>`. Shown once.',
        resolve: (p) => p.url,
      }),
      expiresAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When the link stops working.',
        resolve: (p) => p.hostLink?.expiresAt ?? null,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Empty when the link was created.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

const RevokeHostLinkPayload = builder
  .objectRef<{ hostLink: HostLink | null; userErrors: UserError[] }>('RevokeHostLinkPayload')
  .implement({
    description: 'The revoked host link.',
    fields: (t) => ({
      hostLink: t.field({
        type: HostLinkRef,
        nullable: true,
        description: 'The link, now revoked (null if refused).',
        resolve: (p) => p.hostLink,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Empty when the link was revoked.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

const CreateHostLinkInput = builder.inputType('CreateHostLinkInput', {
  description: 'The venue to create a host link for.',
  fields: (t) => ({ location: t.id({ required: true, description: 'The venue’s ID.' }) }),
});

const RevokeHostLinkInput = builder.inputType('RevokeHostLinkInput', {
  description: 'The host link to revoke.',
  fields: (t) => ({
    prefix: t.string({
      required: true,
      description: 'The link’s prefix, e.g. `tafelhost_3Fq9x2Lm`.',
    }),
  }),
});

builder.mutationFields((t) => ({
  createHostLink: t.field({
    type: CreateHostLinkPayload,
    description: `Create a host link for a venue: its hosts report arrivals with it, and can do nothing else. Needs a key with PARTICIPATION_WRITE of the venue’s organisation, or staff. Refused for a cancelled venue, a closed edition, or once the edition’s day (and ${HOST_LINK_HOURS_AFTER_DAY} hours after it) is over.`,
    authScopes: { scope: 'PARTICIPATION_WRITE' },
    args: {
      input: t.arg({ type: CreateHostLinkInput, required: true, description: 'The venue.' }),
    },
    resolve: async (_root, { input }, ctx): Promise<CreateHostLinkPayloadShape> => {
      const id = decodeLocationId(String(input.location));
      if (id === null)
        return {
          hostLink: null,
          token: null,
          url: null,
          userErrors: [
            userError(
              ['input', 'location'],
              'NOT_FOUND',
              `${String(input.location)} is not a venue’s ID.`,
            ),
          ],
        };
      await requireInFederation(ctx.db, ctx.viewer, { location: id });
      const made = await createHostLink(ctx.db, actorOf(ctx), id);
      return { ...made, url: made.token ? hostLinkUrl(ctx.publicUrl, made.token) : null };
    },
  }),
  revokeHostLink: t.field({
    type: RevokeHostLinkPayload,
    description:
      'Revoke a host link at once: it is refused from its next request on. Needs a key with PARTICIPATION_WRITE of the venue’s organisation, or staff.',
    authScopes: { scope: 'PARTICIPATION_WRITE' },
    args: { input: t.arg({ type: RevokeHostLinkInput, required: true, description: 'The link.' }) },
    resolve: async (_root, { input }, ctx) => {
      await requireInFederation(ctx.db, ctx.viewer, { hostLink: input.prefix });
      return revokeHostLinkAs(ctx.db, actorOf(ctx), input.prefix);
    },
  }),
}));

builder.queryFields((t) => ({
  hostLink: t.drizzleField({
    type: 'hostLinks',
    nullable: true,
    description:
      'The host link this request carries (`Authorization: Bearer tafelhost_…`), with its venue: what the host’s page shows. Null without one; a revoked, expired or unknown link is refused (401) before this is read.',
    resolve: async (query, _root, _args, ctx) => {
      if (!ctx.host) return null;
      return (
        (await ctx.db.query.hostLinks.findFirst(query({ where: { id: ctx.host.id } }))) ?? null
      );
    },
  }),
  hostLinks: t.field({
    type: [HostLinkRef],
    description:
      'A venue’s host links, oldest first, without their tokens. Needs a key with PARTICIPATION_WRITE of the venue’s organisation, or staff.',
    authScopes: (_root, args) => ({
      $all: { scope: 'PARTICIPATION_WRITE', ownsLocation: String(args.location) },
    }),
    args: {
      location: t.arg.id({ required: true, description: 'The venue’s ID.' }),
      includeRevoked: t.arg.boolean({ defaultValue: false, description: 'Include revoked links.' }),
    },
    resolve: async (_root, args, ctx) => {
      const id = decodeLocationId(String(args.location));
      if (id === null) return [];
      await requireInFederation(ctx.db, ctx.viewer, { location: id });
      const links = await hostLinksOf(ctx.db, actorOf(ctx), id, args.includeRevoked ?? false);
      // Another organisation's hidden venue (ownsLocation let it through): as if it had none.
      return Array.isArray(links) ? links : [];
    },
  }),
}));
