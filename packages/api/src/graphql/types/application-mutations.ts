/**
 * The join form's mutation (`applyToJoin`, anyone, rate limited per client) and staff's decisions
 * (`approveApplication`, `rejectApplication`, `deleteApplication`: admins and moderators of the
 * instance, or of the federation an application names). Thin over locations/applications.ts.
 */
import type { Lang } from '@tafel/schema';
import { rejectionMail } from '../../auth/mail-texts.ts';
import { linkUrl } from '../../auth/people.ts';
import type { Application } from '../../db/applications.ts';
import type { Organisation } from '../../db/schema.ts';
import {
  approveApplication,
  deleteApplication,
  rejectApplication,
  submitApplication,
} from '../../locations/applications.ts';
import { requireInFederation } from '../../locations/federation-scope.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { decodeGlobalId, encodeGlobalId } from '../global-id.ts';
import { ApplicationRef } from './application.ts';
import { LanguageEnum, OrganisationKindEnum } from './enums.ts';
import { OrganisationRef } from './organisation.ts';
import { LinkDeliveryEnum } from './person.ts';
import { type UserError, UserErrorRef, userError } from './user-error.ts';

const ApplyToJoinInput = builder.inputType('ApplyToJoinInput', {
  description: 'An organisation’s application to join, as the join form sends it.',
  fields: (t) => ({
    organisationName: t.string({ required: true, description: 'The organisation’s name.' }),
    kind: t.field({ type: OrganisationKindEnum, description: 'What kind of organisation it is.' }),
    website: t.string({ description: 'Its website (http or https), if it has one.' }),
    contactName: t.string({ required: true, description: 'The contact person’s name.' }),
    email: t.string({
      required: true,
      description: 'The contact person’s e-mail address: the invitation goes there.',
    }),
    consent: t.boolean({ required: true, description: 'Agreed to the terms: must be true.' }),
    termsVersion: t.string({
      required: true,
      description: 'The version of the terms agreed to (`joinForm.termsVersion`).',
    }),
    formToken: t.string({ required: true, description: 'The form’s token (`joinForm.token`).' }),
    leaveEmpty: t.string({
      description:
        'Leave empty: a field the form hides from people. Anything in it refuses the application.',
    }),
    language: t.field({
      type: LanguageEnum,
      description:
        'The form’s language: the answer, and the invitation when approved, are written in it (default English).',
    }),
    federation: t.string({
      description:
        'The slug of the federation it asks to join (`federations` lists them); its staff decide, and approval makes the organisation a member from that day. None: the instance’s own.',
    }),
  }),
});

const ApplyToJoinPayload = builder
  .objectRef<{ received: boolean; userErrors: UserError[] }>('ApplyToJoinPayload')
  .implement({
    description: 'Whether the application was received; it then waits for staff.',
    fields: (t) => ({
      received: t.exposeBoolean('received', { description: 'Stored, waiting for staff.' }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Why it was not received.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

const ApplicationIdInput = builder.inputType('ApproveApplicationInput', {
  description: 'Which application to approve.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The application’s ID.' }) }),
});

const RejectApplicationInput = builder.inputType('RejectApplicationInput', {
  description: 'Which application to reject, and why.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The application’s ID.' }),
    reason: t.string({
      required: true,
      description: 'Why: the applicant is told this (by e-mail when the server sends mail).',
    }),
  }),
});

const DeleteApplicationInput = builder.inputType('DeleteApplicationInput', {
  description: 'Which application to delete.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The application’s ID.' }) }),
});

interface Decided {
  application?: Application | null;
  organisation?: Organisation | null;
  invitationUrl?: string | null;
  expiresAt?: Date | null;
  delivery?: 'EMAIL' | 'SERVER_LOG' | null;
  userErrors: UserError[];
}

const ApproveApplicationPayload = builder
  .objectRef<Decided>('ApproveApplicationPayload')
  .implement({
    description:
      'The organisation admitted and its contact invited as coordinator: the invitation link to copy, also e-mailed when the server sends mail.',
    fields: (t) => ({
      application: t.field({
        type: ApplicationRef,
        nullable: true,
        description: 'The application, now approved.',
        resolve: (p) => p.application ?? null,
      }),
      organisation: t.field({
        type: OrganisationRef,
        nullable: true,
        description: 'The organisation created (not yet approved for unreviewed venues).',
        resolve: (p) => p.organisation ?? null,
      }),
      invitationUrl: t.field({
        type: 'URL',
        nullable: true,
        description:
          'The contact’s invitation link, to pass on if it was not e-mailed. It works once.',
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
        description: 'How the invitation was sent.',
        resolve: (p) => p.delivery ?? null,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Why nothing was done.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

const RejectApplicationPayload = builder.objectRef<Decided>('RejectApplicationPayload').implement({
  description: 'The application rejected; the applicant is told the reason.',
  fields: (t) => ({
    application: t.field({
      type: ApplicationRef,
      nullable: true,
      description: 'The application, now rejected.',
      resolve: (p) => p.application ?? null,
    }),
    delivery: t.field({
      type: LinkDeliveryEnum,
      nullable: true,
      description:
        'How the applicant is told: by e-mail, or (no mail server) not at all — the reason goes to the server log; tell them yourself.',
      resolve: (p) => p.delivery ?? null,
    }),
    userErrors: t.field({
      type: [UserErrorRef],
      description: 'Why nothing was done.',
      resolve: (p) => p.userErrors,
    }),
  }),
});

const DeleteApplicationPayload = builder
  .objectRef<{ deletedApplicationId: string | null; userErrors: UserError[] }>(
    'DeleteApplicationPayload',
  )
  .implement({
    description: 'The application is gone, with the contact’s name and address.',
    fields: (t) => ({
      deletedApplicationId: t.id({
        nullable: true,
        description: 'The deleted application’s ID.',
        resolve: (p) => p.deletedApplicationId,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Why nothing was deleted.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

/** The application's number from its global ID, or null when it names none. */
function applicationId(id: string | number): number | null {
  try {
    const decoded = decodeGlobalId(String(id));
    const n = Number(decoded.id);
    return decoded.typename === 'Application' && Number.isSafeInteger(n) ? n : null;
  } catch {
    return null;
  }
}

const NOT_FOUND = [userError(['id'], 'NOT_FOUND', 'No such application.')];

function delivery(ctx: Context): 'EMAIL' | 'SERVER_LOG' {
  return ctx.people.mailer.delivery === 'email' ? 'EMAIL' : 'SERVER_LOG';
}

/** The applicant's message: the reason, naming nobody (without SMTP it goes to the log). */

builder.mutationFields((t) => ({
  applyToJoin: t.field({
    type: ApplyToJoinPayload,
    description:
      'Apply to join (the join form): anyone, at most a few times an hour per client. Needs a fresh `joinForm` token, sent no sooner than 3 seconds after it was issued. The application waits for staff.',
    args: { input: t.arg({ type: ApplyToJoinInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (!(await ctx.join.mayApply()))
        return {
          received: false,
          userErrors: [
            userError(
              null,
              'RATE_LIMITED',
              'Too many applications were sent from your address; wait an hour and try again.',
            ),
          ],
        };
      // A write: on the primary, whoever asks.
      const result = await submitApplication(
        ctx.database.db,
        ctx.join.tokens,
        input,
        ctx.join.minFillMs,
      );
      return { received: result.application !== null, userErrors: result.userErrors };
    },
  }),
  approveApplication: t.field({
    type: ApproveApplicationPayload,
    description:
      'Staff (admins and moderators of the instance, or of the federation it names): approve an application. Creates the organisation (its slug from its name), makes it a member of the federation named from today, and invites the contact as its coordinator, in one step.',
    args: { input: t.arg({ type: ApplicationIdInput, required: true }) },
    authScopes: { moderator: true },
    resolve: async (_root, { input }, ctx) => {
      const id = applicationId(input.id);
      if (id === null) return { userErrors: NOT_FOUND };
      await requireInFederation(ctx.db, ctx.viewer, { application: id });
      const result = await approveApplication(ctx.db, ctx.viewer!, id);
      if (!result.ok) return { userErrors: result.userErrors };
      ctx.live.announce(result.notices);
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
        application: result.application,
        organisation: result.organisation,
        invitationUrl: url,
        expiresAt: result.expiresAt,
        delivery: delivery(ctx),
        userErrors: [],
      };
    },
  }),
  rejectApplication: t.field({
    type: RejectApplicationPayload,
    description:
      'Staff (admins and moderators of the instance, or of the federation it names): reject an application with a reason, which the applicant is told by e-mail.',
    args: { input: t.arg({ type: RejectApplicationInput, required: true }) },
    authScopes: { moderator: true },
    resolve: async (_root, { input }, ctx) => {
      const id = applicationId(input.id);
      if (id === null) return { userErrors: NOT_FOUND };
      await requireInFederation(ctx.db, ctx.viewer, { application: id });
      const result = await rejectApplication(ctx.db, ctx.viewer!, id, input.reason);
      if (!result.ok) return { userErrors: result.userErrors };
      void ctx.people.mailer.sendNotice({
        about: `rejection of application #${result.application.id}`,
        to: result.application.email,
        ...rejectionMail(
          result.application.language as Lang | null,
          result.application.organisationName,
          result.application.reason ?? '',
        ),
      });
      return { application: result.application, delivery: delivery(ctx), userErrors: [] };
    },
  }),
  deleteApplication: t.field({
    type: DeleteApplicationPayload,
    description:
      'Staff (admins and moderators of the instance, or of the federation it names): delete an application, with the contact’s name and address (an organisation it created stays).',
    args: { input: t.arg({ type: DeleteApplicationInput, required: true }) },
    authScopes: { moderator: true },
    resolve: async (_root, { input }, ctx) => {
      const id = applicationId(input.id);
      if (id === null) return { deletedApplicationId: null, userErrors: NOT_FOUND };
      await requireInFederation(ctx.db, ctx.viewer, { application: id });
      const result = await deleteApplication(ctx.db, id);
      if (!result.ok) return { deletedApplicationId: null, userErrors: result.userErrors };
      return { deletedApplicationId: encodeGlobalId('Application', id), userErrors: [] };
    },
  }),
}));
