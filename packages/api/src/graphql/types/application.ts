/**
 * Applications to join: the public `joinForm` (a signed token, the terms) and, for staff (admins
 * and moderators; a federation's see those naming it), `applications` and each `Application`. The
 * contact's name and address are never public. Mutations in application-mutations.ts.
 */
import { isStaff } from '../../auth/viewer.ts';
import type { Application } from '../../db/applications.ts';
import { isInstanceStaff, staffFederation } from '../../locations/federation-scope.ts';
import { TERMS_TEXT, TERMS_VERSION } from '../../locations/terms.ts';
import { builder } from '../builder.ts';
import { guardNodeType } from '../nodes.ts';
import { checkPage } from '../paging.ts';
import { LanguageEnum, OrganisationKindEnum } from './enums.ts';

export const ApplicationStatusEnum = builder.enumType('ApplicationStatus', {
  description: 'Where an application to join is.',
  values: {
    PENDING: { description: 'Waiting for staff.' },
    APPROVED: { description: 'Admitted: the organisation exists and its contact was invited.' },
    REJECTED: { description: 'Not admitted; the applicant was told why.' },
  } as const,
});

export const ApplicationRef = builder.drizzleNode('applications', {
  name: 'Application',
  description:
    'An organisation’s application to join, from the join form. Staff (admins and moderators) only.',
  id: { column: (a) => a.id },
  fields: (t) => ({
    organisationName: t.exposeString('organisationName', {
      description: 'The organisation’s name, as given.',
    }),
    kind: t.field({
      type: OrganisationKindEnum,
      description: 'What kind of organisation it is.',
      resolve: (a) => a.kind,
    }),
    website: t.field({
      type: 'URL',
      nullable: true,
      description: 'Its website, if given.',
      resolve: (a) => a.website,
    }),
    contactName: t.exposeString('contactName', { description: 'The contact person’s name.' }),
    email: t.exposeString('email', {
      description: 'The contact person’s e-mail address: where the invitation goes.',
    }),
    termsVersion: t.exposeString('termsVersion', {
      description: 'The version of the terms the applicant agreed to.',
    }),
    consentedAt: t.expose('consentedAt', {
      type: 'DateTime',
      description: 'When they agreed (when the application was sent).',
    }),
    status: t.field({
      type: ApplicationStatusEnum,
      description: 'Waiting, approved or rejected.',
      resolve: (a) => a.status,
    }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'Why it was rejected, as the applicant was told.',
    }),
    decidedBy: t.exposeString('decidedBy', {
      nullable: true,
      description: 'Who decided: `person:<number>` or an API key’s prefix (never a name).',
    }),
    decidedAt: t.expose('decidedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was decided.',
    }),
    organisation: t.relation('organisation', {
      nullable: true,
      description: 'The organisation an approval created.',
    }),
    federation: t.relation('federation', {
      nullable: true,
      description:
        'The federation it asks to join: its staff decide it too, and approval makes the organisation a member. Null: the instance’s own.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was sent.' }),
  }),
});
guardNodeType<Application>(
  'Application',
  (ctx, a) =>
    isStaff(ctx) &&
    (isInstanceStaff(ctx.viewer) || a.federationId === staffFederation(ctx.viewer)?.id),
);

/** What the join form shows and sends back. */
export const JoinFormRef = builder.objectRef<{ token: string }>('JoinForm').implement({
  description:
    'What the join form needs: a token saying when it was opened (send it back with the application) and the terms to agree to. Never cached.',
  fields: (t) => ({
    token: t.exposeString('token', {
      description:
        'Send back as `formToken`. Signed by the server; valid a day; an application sent within 3 seconds of it is refused.',
    }),
    termsVersion: t.string({
      description: 'The version of the terms: send it back as `termsVersion`.',
      resolve: () => TERMS_VERSION,
    }),
    termsText: t.string({
      description: 'The terms, in this language.',
      args: {
        language: t.arg({
          type: LanguageEnum,
          defaultValue: 'en',
          description: 'The language of the text.',
        }),
      },
      resolve: (_form, { language }) => TERMS_TEXT[language ?? 'en'],
    }),
  }),
});

builder.queryFields((t) => ({
  joinForm: t.field({
    type: JoinFormRef,
    description: 'Open the join form: a fresh token and the terms. Anyone may ask.',
    resolve: async (_root, _args, ctx) => ({ token: await ctx.join.tokens.issue() }),
  }),
  applications: t.drizzleConnection({
    type: 'applications',
    description:
      'Staff (admins and moderators): applications to join, newest first. A federation’s staff see those naming their federation.',
    authScopes: { moderator: true },
    args: {
      status: t.arg({ type: ApplicationStatusEnum, description: 'Only those with this status.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      checkPage(args);
      const federation = staffFederation(ctx.viewer);
      return ctx.db.query.applications.findMany(
        query({
          where: {
            ...(args.status ? { status: args.status } : {}),
            ...(federation ? { federationId: federation.id } : {}),
          },
          orderBy: { createdAt: 'desc', id: 'desc' },
        }),
      );
    },
  }),
}));
