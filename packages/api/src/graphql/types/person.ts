import { sql } from 'drizzle-orm';
/**
 * People and sign-in: `me`, `people` (staff), `invitePerson`, `requestSignInLink`,
 * `signOutEverywhere`, `removePerson`. Thin over auth/people.ts, which decides who may do what.
 * A person's name and address are shown to themselves and to staff who manage people, never to
 * the public.
 */

import type { Lang } from '@tafel/schema';
import {
  checkEmail,
  invitePerson,
  linkUrl,
  type PeopleActor,
  removePerson,
  signInLinkFor,
} from '../../auth/people.ts';
import { endAllSessions } from '../../auth/sessions.ts';
import { isStaff, type StaffRole, withinReach } from '../../auth/viewer.ts';
import type { Person, people } from '../../db/schema.ts';
import {
  federationOrganisations,
  requireInFederation,
  staffFederation,
} from '../../locations/federation-scope.ts';
import { federationBySlug, unknownFederation } from '../../locations/federations.ts';
import { organisationBySlug, unknownOrganisation } from '../../locations/organisations.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { decodeGlobalId, encodeGlobalId } from '../global-id.ts';
import { guardNodeType } from '../nodes.ts';
import { checkPage } from '../paging.ts';
import { LanguageEnum } from './enums.ts';
import { type UserError, UserErrorRef, userError } from './user-error.ts';

export const StaffRoleEnum = builder.enumType('StaffRole', {
  description: 'What a member of the federation’s staff may do.',
  values: {
    ADMIN: {
      value: 'admin',
      description: 'Everything, including editions, organisations, API keys and inviting staff.',
    },
    MODERATOR: {
      value: 'moderator',
      description: 'Approvals, venues and inviting coordinators; not the admin-only actions.',
    },
    PRESS: { value: 'press', description: 'Reads what the public reads; changes nothing.' },
  } as const,
});

export const LinkDeliveryEnum = builder.enumType('LinkDelivery', {
  description: 'How this server sends people their links.',
  values: {
    EMAIL: { description: 'By e-mail.' },
    SERVER_LOG: {
      description: 'To the server’s log (no mail server configured): ask whoever runs it.',
    },
  } as const,
});

/** Only the person themselves, and staff who manage people, load a person. */
function maySee(ctx: Context, person: Person): boolean {
  if (ctx.viewer?.session?.personId === person.id) return true;
  if (!isStaff(ctx)) return false;
  // Staff of one federation: its own staff, and its members' coordinators.
  const federation = staffFederation(ctx.viewer);
  return (
    !federation ||
    (person.organisationId === null
      ? person.federationId === federation.id
      : withinReach(ctx.viewer!, person.organisationId))
  );
}

export const PersonRef = builder.drizzleNode('people', {
  name: 'Person',
  description:
    'Someone who signs in: a coordinator of one organisation, or federation staff. Visible to themselves and to staff only.',
  id: { column: (p) => p.id },
  fields: (t) => ({
    name: t.exposeString('name', { nullable: true, description: 'Their name, if given.' }),
    email: t.exposeString('email', {
      description: 'Their e-mail address: where their sign-in links go.',
    }),
    role: t.field({
      type: StaffRoleEnum,
      nullable: true,
      description: 'Staff: their role. Null for a coordinator.',
      resolve: (p) => p.staffRole,
    }),
    organisation: t.relation('organisation', {
      nullable: true,
      description: 'A coordinator’s organisation. Null for staff.',
    }),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      description: 'When they were first invited.',
    }),
  }),
});
guardNodeType<Person>('Person', maySee);

const InvitePersonInput = builder.inputType('InvitePersonInput', {
  description:
    'Whom to invite: an address, and either a staff role or an organisation to coordinate.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'Their e-mail address.' }),
    name: t.string({ description: 'Their name (optional).' }),
    role: t.field({ type: StaffRoleEnum, description: 'Staff: their role (staff admins only).' }),
    organisation: t.string({ description: 'A coordinator: the slug of their organisation.' }),
    federation: t.string({
      description:
        'Staff of one federation (its slug): they act within it only. The instance’s staff admins only; left out, the instance’s staff.',
    }),
    language: t.field({
      type: LanguageEnum,
      description:
        'The language of their messages, this invitation’s and later ones (default English; inviting again may change it).',
    }),
  }),
});

const InvitePersonPayload = builder
  .objectRef<{
    person?: Person | null;
    invitationUrl?: string | null;
    expiresAt?: Date | null;
    delivery?: 'EMAIL' | 'SERVER_LOG' | null;
    userErrors: UserError[];
  }>('InvitePersonPayload')
  .implement({
    description:
      'The invitation: a one-time link, valid 7 days, e-mailed when the server sends mail.',
    fields: (t) => ({
      person: t.field({
        type: PersonRef,
        nullable: true,
        description: 'The person invited.',
        resolve: (p) => p.person ?? null,
      }),
      invitationUrl: t.field({
        type: 'URL',
        nullable: true,
        description: 'The invitation link, to pass on if it was not e-mailed. It works once.',
        resolve: (p) => p.invitationUrl ?? null,
      }),
      expiresAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'Until when the link works.',
        resolve: (p) => p.expiresAt ?? null,
      }),
      delivery: t.field({
        type: LinkDeliveryEnum,
        nullable: true,
        description: 'Whether the link was e-mailed, or (no mail server) only answered here.',
        resolve: (p) => p.delivery ?? null,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Why nothing was done.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

const RequestSignInLinkInput = builder.inputType('RequestSignInLinkInput', {
  description: 'Ask for a sign-in link.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'The address you were invited with.' }),
    language: t.field({
      type: LanguageEnum,
      description: 'The language to write the message in (default: the person’s).',
    }),
  }),
});

const RequestSignInLinkPayload = builder
  .objectRef<{ delivery: 'EMAIL' | 'SERVER_LOG' | null; userErrors: UserError[] }>(
    'RequestSignInLinkPayload',
  )
  .implement({
    description:
      'The same answer whether or not the address is known: if it is, a link valid 15 minutes is on its way.',
    fields: (t) => ({
      delivery: t.field({
        type: LinkDeliveryEnum,
        nullable: true,
        description: 'How the link is sent, if the address is known.',
        resolve: (p) => p.delivery,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Why nothing was sent.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

const RemovePersonInput = builder.inputType('RemovePersonInput', {
  description: 'Whom to remove.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The person’s ID.' }) }),
});

const RemovePersonPayload = builder
  .objectRef<{ removedPersonId: string | null; userErrors: UserError[] }>('RemovePersonPayload')
  .implement({
    description: 'The person is gone, with their name, address, sessions and links.',
    fields: (t) => ({
      removedPersonId: t.id({
        nullable: true,
        description: 'The removed person’s ID.',
        resolve: (p) => p.removedPersonId,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Why nothing was removed.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

const SignOutEverywherePayload = builder
  .objectRef<{ signedOut: number; userErrors: UserError[] }>('SignOutEverywherePayload')
  .implement({
    description: 'Every session of yours has ended, this one too.',
    fields: (t) => ({
      signedOut: t.exposeInt('signedOut', { description: 'How many sessions ended.' }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Always empty.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

/** A key or session acting, as the domain sees it. */
function actor(ctx: Context): PeopleActor {
  return ctx.viewer!;
}

builder.queryFields((t) => ({
  me: t.drizzleField({
    type: 'people',
    nullable: true,
    description:
      'The signed-in person; null without a session (an API key is no person: see `viewer`).',
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer?.session
        ? ctx.db.query.people.findFirst(query({ where: { id: ctx.viewer.session.personId } }))
        : null,
  }),
  people: t.drizzleConnection({
    type: 'people',
    description:
      'Staff (admins and moderators): everyone who signs in, staff first, then by organisation.',
    authScopes: { moderator: true },
    args: {
      organisation: t.arg.string({ description: 'Only this organisation’s coordinators (slug).' }),
    },
    resolve: (query, _root, args, ctx) => {
      checkPage(args);
      const federation = staffFederation(ctx.viewer);
      return ctx.db.query.people.findMany(
        query({
          where: {
            ...(args.organisation ? { organisation: { slug: args.organisation } } : {}),
            ...(federation
              ? {
                  RAW: (p) =>
                    sql`(${(p as typeof people).federationId} = ${federation.id} OR ${(p as typeof people).organisationId} IN ${federationOrganisations(federation.id)})`,
                }
              : {}),
          },
          orderBy: { id: 'asc' },
        }),
      );
    },
  }),
}));

builder.mutationFields((t) => ({
  invitePerson: t.field({
    type: InvitePersonPayload,
    description:
      'Invite a person by e-mail: staff (staff admins only), or a coordinator of an organisation (staff admins and moderators, or a signed-in coordinator of that organisation). Inviting an invited person again sends a new link.',
    args: { input: t.arg({ type: InvitePersonInput, required: true }) },
    authScopes: { authenticated: true },
    resolve: async (_root, { input }, ctx) => {
      let organisationId: number | null = null;
      let federationId: number | null = null;
      if (input.role != null || input.federation != null)
        await requireInFederation(ctx.db, ctx.viewer, { instance: 'inviting staff' });
      if (input.organisation != null) {
        await requireInFederation(ctx.db, ctx.viewer, { organisation: input.organisation });
        const org = await organisationBySlug(ctx.db, input.organisation);
        if (!org) return { userErrors: [unknownOrganisation(input.organisation)] };
        organisationId = org.id;
      }
      if (input.federation != null) {
        const federation = await federationBySlug(ctx.db, input.federation);
        if (!federation) return { userErrors: [unknownFederation(input.federation)] };
        if (input.role == null)
          return {
            userErrors: [
              userError(
                ['federation'],
                'INVALID',
                'Only staff belong to a federation: give `role`.',
              ),
            ],
          };
        federationId = federation.id;
      }
      const role = (input.role ?? null) as StaffRole | null;
      const result = await invitePerson(ctx.db, actor(ctx), {
        email: input.email,
        name: input.name,
        language: input.language ?? null,
        ...(role ? { role, federationId } : { organisationId: organisationId! }),
      } as never);
      if (!result.ok) return { userErrors: result.errors };
      const language = result.person.language as Lang | null;
      const url = linkUrl(ctx.people.publicUrl, result.token, language);
      void ctx.people.mailer.send({
        personId: result.person.id,
        to: result.person.email,
        kind: 'INVITATION',
        language,
        url,
        expiresAt: result.expiresAt,
      });
      return {
        person: result.person,
        invitationUrl: url,
        expiresAt: result.expiresAt,
        delivery:
          ctx.people.mailer.delivery === 'email' ? ('EMAIL' as const) : ('SERVER_LOG' as const),
        userErrors: [],
      };
    },
  }),
  requestSignInLink: t.field({
    type: RequestSignInLinkPayload,
    description:
      'Ask for a one-time sign-in link by e-mail (valid 15 minutes). The answer is the same whether or not the address is known. Rate limited per address and per client.',
    args: { input: t.arg({ type: RequestSignInLinkInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const email = checkEmail(input.email);
      if (!email)
        return {
          delivery: null,
          userErrors: [
            userError(['email'], 'INVALID', 'This is not an e-mail address like name@example.org.'),
          ],
        };
      if (!(await ctx.people.mayRequestLink(email))) {
        return {
          delivery: null,
          userErrors: [
            userError(
              ['email'],
              'RATE_LIMITED',
              'Too many sign-in links were asked for; wait an hour and try again.',
            ),
          ],
        };
      }
      // A write: on the primary, whoever asks.
      const link = await signInLinkFor(ctx.database.db, email);
      // Sent after answering: the time to answer does not tell whether the address is known.
      const language = (input.language ?? link?.person.language ?? null) as Lang | null;
      if (link)
        void ctx.people.mailer.send({
          personId: link.person.id,
          to: link.person.email,
          kind: 'SIGN_IN',
          language,
          url: linkUrl(ctx.people.publicUrl, link.token, language),
          expiresAt: link.expiresAt,
        });
      return {
        delivery:
          ctx.people.mailer.delivery === 'email' ? ('EMAIL' as const) : ('SERVER_LOG' as const),
        userErrors: [],
      };
    },
  }),
  signOutEverywhere: t.field({
    type: SignOutEverywherePayload,
    description: 'End every session of the signed-in person, in every browser, this one too.',
    authScopes: { person: true },
    resolve: async (_root, _args, ctx) => ({
      signedOut: await endAllSessions(ctx.db, ctx.viewer!.session!.personId),
      userErrors: [],
    }),
  }),
  removePerson: t.field({
    type: RemovePersonPayload,
    description:
      'Remove a person, with their name, address, sessions and links: yourself, or someone you may invite.',
    args: { input: t.arg({ type: RemovePersonInput, required: true }) },
    authScopes: { authenticated: true },
    resolve: async (_root, { input }, ctx) => {
      const { typename, id } = decodeGlobalId(String(input.id));
      const notFound = {
        removedPersonId: null,
        userErrors: [userError(['id'], 'NOT_FOUND', 'No such person (or not one you may remove).')],
      };
      if (typename !== 'Person') return notFound;
      await requireInFederation(ctx.db, ctx.viewer, { person: Number(id) });
      const result = await removePerson(ctx.db, actor(ctx), Number(id));
      if (!result.ok) return { removedPersonId: null, userErrors: result.errors };
      return { removedPersonId: encodeGlobalId('Person', result.person.id), userErrors: [] };
    },
  }),
}));
