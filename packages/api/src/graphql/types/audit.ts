/**
 * The audit trail for staff: `auditEvents(filter, first, after)`, newest first. Who acted shows
 * as a person's name (to staff only: the query is staff's), a key's prefix or a host link's —
 * never an e-mail address.
 */
import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { isStaff, withinReach } from '../../auth/viewer.ts';
import type { AuditEvent, auditEvents } from '../../db/schema.ts';
import {
  federationEditions,
  federationOrganisations,
  isInstanceStaff,
  staffFederation,
} from '../../locations/federation-scope.ts';
import { organisationBySlug } from '../../locations/organisations.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { decodeGlobalId } from '../global-id.ts';
import { guardNodeType } from '../nodes.ts';
import { checkPage } from '../paging.ts';

const AuditActorKindEnum = builder.enumType('AuditActorKind', {
  description: 'What acted.',
  values: {
    PERSON: { description: 'A signed-in person (staff or a coordinator).' },
    API_KEY: { description: 'A system, with an API key.' },
    HOST_LINK: { description: 'A host on the day, with a host link.' },
    COMMAND_LINE: { description: 'An operator, on the server’s command line.' },
  } as const,
});

interface ActorShape {
  kind: 'PERSON' | 'API_KEY' | 'HOST_LINK' | 'COMMAND_LINE';
  label: string;
  personId: number | null;
}

const AuditActorRef = builder.objectRef<ActorShape>('AuditActor').implement({
  description: 'Who did something, as the audit trail keeps it. Never an e-mail address.',
  fields: (t) => ({
    kind: t.field({ type: AuditActorKindEnum, description: 'What acted.', resolve: (a) => a.kind }),
    label: t.exposeString('label', {
      description: 'The key’s or host link’s visible prefix, `person:<id>`, or `cli:<user>`.',
    }),
    name: t.string({
      nullable: true,
      description: 'The person’s name, if they gave one and still have an account; null otherwise.',
      resolve: async (a, _args, ctx) => {
        if (a.personId === null || !isStaff(ctx)) return null;
        const person = await ctx.db.query.people.findFirst({
          columns: { name: true },
          where: { id: a.personId },
        });
        return person?.name ?? null;
      },
    }),
  }),
});

interface ChangeShape {
  field: string;
  from: unknown;
  to: unknown;
}

const AuditChangeRef = builder.objectRef<ChangeShape>('AuditChange').implement({
  description: 'One value an action changed.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'What changed, e.g. `status`.' }),
    from: t.string({
      nullable: true,
      description: 'The value before, as JSON; null if there was none.',
      resolve: (c) => (c.from == null ? null : JSON.stringify(c.from)),
    }),
    to: t.string({
      nullable: true,
      description: 'The value after, as JSON; null if there is none.',
      resolve: (c) => (c.to == null ? null : JSON.stringify(c.to)),
    }),
  }),
});

function actorOf(e: AuditEvent): ActorShape {
  const kind =
    e.personId !== null || e.actor.startsWith('person:')
      ? 'PERSON'
      : e.hostLinkId !== null || e.actor.startsWith('tafel_host_')
        ? 'HOST_LINK'
        : e.actor.startsWith('cli:')
          ? 'COMMAND_LINE'
          : 'API_KEY';
  return { kind, label: e.actor, personId: e.personId };
}

export const AuditEventRef = builder.drizzleNode('auditEvents', {
  name: 'AuditEvent',
  description:
    'One thing staff, a coordinator or a system did: suspend, approve, reject, open, postpone… Staff only.',
  id: { column: (e) => e.id },
  fields: (t) => ({
    action: t.exposeString('action', {
      description:
        'What was done, e.g. `SUSPEND_ORGANISATION`, `REJECT_LOCATION`, `POSTPONE_EDITION`.',
    }),
    at: t.expose('at', { type: 'DateTime', description: 'When.' }),
    actor: t.field({ type: AuditActorRef, description: 'Who.', resolve: actorOf }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why, as they said it.' }),
    changes: t.field({
      type: [AuditChangeRef],
      description: 'What changed.',
      resolve: (e) =>
        Object.entries(e.details as Record<string, { from?: unknown; to?: unknown }>).map(
          ([field, c]) => ({ field, from: c?.from ?? null, to: c?.to ?? null }),
        ),
    }),
    organisation: t.relation('organisation', {
      nullable: true,
      description: 'The organisation concerned, if any (and still there).',
    }),
    location: t.relation('location', {
      nullable: true,
      description: 'The venue concerned, if any (and still there).',
    }),
    edition: t.relation('edition', {
      nullable: true,
      description: 'The edition concerned, if any (and still there).',
    }),
  }),
});

guardNodeType<AuditEvent>(
  'AuditEvent',
  (ctx, event) =>
    isStaff(ctx) &&
    (isInstanceStaff(ctx.viewer) ||
      (event.editionId !== null && withinReach(ctx.viewer!, null, event.editionId)) ||
      (event.organisationId !== null && withinReach(ctx.viewer!, event.organisationId))),
);

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  description: 'Narrow the audit trail; every part given must match.',
  fields: (t) => ({
    organisation: t.string({ description: 'Only about this organisation (its slug).' }),
    location: t.id({ description: 'Only about this venue (its global ID).' }),
    person: t.id({ description: 'Only what this person did (their global ID).' }),
    from: t.field({ type: 'DateTime', description: 'Only at or after this instant.' }),
    to: t.field({ type: 'DateTime', description: 'Only at or before this instant.' }),
  }),
});

/** The id a global ID names if it is of this type; a GraphQL error naming the argument otherwise. */
function idOf(globalId: string | number, typename: string, argument: string): number {
  const decoded = decodeGlobalId(String(globalId));
  if (decoded.typename !== typename)
    throw badInput(argument, `not the ID of a ${typename} (got one of a ${decoded.typename}).`);
  return Number(decoded.id);
}

builder.queryFields((t) => ({
  auditEvents: t.drizzleConnection({
    type: 'auditEvents',
    description:
      'Staff (admins and moderators): the audit trail, newest first. At most 1,000 per page.',
    authScopes: { moderator: true },
    args: { filter: t.arg({ type: AuditEventFilter, description: 'Narrow the trail.' }) },
    resolve: async (query, _root, args, ctx) => {
      checkPage(args);
      const f = args.filter ?? {};
      let organisationId: number | null = null;
      if (f.organisation != null) {
        const org = await organisationBySlug(ctx.db, f.organisation);
        if (!org)
          throw badInput(
            'filter.organisation',
            `no organisation with slug "${f.organisation.slice(0, 60)}".`,
          );
        organisationId = org.id;
      }
      const locationId =
        f.location != null ? idOf(f.location, 'Location', 'filter.location') : null;
      const personId = f.person != null ? idOf(f.person, 'Person', 'filter.person') : null;
      const federation = staffFederation(ctx.viewer);
      const where = (a: typeof auditEvents): SQL =>
        and(
          sql`true`,
          // Staff of one federation: what happened in its editions, at their venues, or to its members.
          federation
            ? sql`(${a.editionId} IN ${federationEditions(federation.id)} OR ${a.locationId} IN (SELECT fl.id FROM locations fl WHERE fl.edition_id IN ${federationEditions(federation.id)}) OR ${a.organisationId} IN ${federationOrganisations(federation.id)})`
            : undefined,
          organisationId !== null ? eq(a.organisationId, organisationId) : undefined,
          locationId !== null ? eq(a.locationId, locationId) : undefined,
          personId !== null ? eq(a.personId, personId) : undefined,
          f.from != null ? gte(a.at, f.from) : undefined,
          f.to != null ? lte(a.at, f.to) : undefined,
        )!;
      return ctx.db.query.auditEvents.findMany(
        query({
          where: { RAW: (a) => where(a as typeof auditEvents) },
          orderBy: { id: 'desc' },
        }),
      );
    },
  }),
}));
