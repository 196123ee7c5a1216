/**
 * Target groups as a vocabulary (locations/vocabulary.ts): `TargetGroupTerm`, an edition's
 * `targetGroups` (the built-in ones and its federation's own), a federation's own, and
 * `setFederationTargetGroups`.
 */
import {
  LANGS,
  type Lang,
  TARGET_GROUP_LABELS,
  TARGET_GROUPS,
  type TargetGroup,
} from '@tafel/schema';
import { auditActorOf } from '../../locations/audit.ts';
import { requireInFederation } from '../../locations/federation-scope.ts';
import {
  type OwnTargetGroup,
  ownTargetGroupsOfFederation,
  setFederationTargetGroups,
} from '../../locations/vocabulary.ts';
import { builder } from '../builder.ts';
import { ownTargetGroupsFor } from '../own-target-groups.ts';
import { EditionRef } from './edition.ts';
import { LanguageEnum } from './enums.ts';
import { FederationRef } from './federation.ts';
import { type UserError, UserErrorRef } from './user-error.ts';

export interface Term extends OwnTargetGroup {
  builtIn: boolean;
}

const builtIns = (): Term[] =>
  TARGET_GROUPS.map((code) => ({
    code,
    labels: TARGET_GROUP_LABELS[code as TargetGroup] as Record<Lang, string>,
    builtIn: true,
  }));
const own = (groups: OwnTargetGroup[]): Term[] => groups.map((g) => ({ ...g, builtIn: false }));

export const TargetGroupTermRef = builder.objectRef<Term>('TargetGroupTerm').implement({
  description:
    'A target group: one of the built-in ones (`TargetGroup`) or one a federation adds, with its label.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description:
        'Its code: a `TargetGroup` value, or a federation’s own (`MENTORS`) as venues name it in `ownTargetGroups` and as a role in `seatsByRole`.',
    }),
    label: t.string({
      description: 'Its name in a language.',
      args: { lang: t.arg({ type: LanguageEnum, defaultValue: 'nl', description: 'Language.' }) },
      resolve: (g, args) => g.labels[(args.lang ?? 'nl') as Lang],
    }),
    builtIn: t.exposeBoolean('builtIn', {
      description: 'A built-in group (`TargetGroup`); false for the federation’s own.',
    }),
  }),
});

builder.drizzleObjectFields(EditionRef, (t) => ({
  targetGroups: t.field({
    type: [TargetGroupTermRef],
    description:
      'The target groups its venues may name and seat: the built-in ones, then its federation’s own (`ownTargetGroups`, in the federation’s order).',
    args: {
      builtIn: t.arg.boolean({
        description: 'true: the built-in ones only; false: its federation’s own only.',
      }),
    },
    resolve: async (e, args, ctx) => [
      ...(args.builtIn === false ? [] : builtIns()),
      ...(args.builtIn === true ? [] : own(await ownTargetGroupsFor(ctx, e.id))),
    ],
  }),
}));

builder.drizzleObjectFields(FederationRef, (t) => ({
  targetGroups: t.field({
    type: [TargetGroupTermRef],
    description:
      'The target groups it adds to the built-in ones, in its order (`setFederationTargetGroups`).',
    resolve: async (f, _args, ctx) => own(await ownTargetGroupsOfFederation(ctx.db, f.id)),
  }),
}));

const LabelsInput = builder.inputType('TargetGroupLabelsInput', {
  description: 'A target group’s name in each of the four languages (1–60 characters each).',
  fields: (t) =>
    Object.fromEntries(
      LANGS.map((lang) => [lang, t.string({ required: true, description: `In ${lang}.` })]),
    ) as Record<Lang, ReturnType<typeof t.string>>,
});

const TargetGroupInput = builder.inputType('TargetGroupTermInput', {
  description: 'One of a federation’s own target groups.',
  fields: (t) => ({
    code: t.string({
      required: true,
      description:
        'Its code: 2–40 upper case letters, digits and _, beginning with a letter; not a built-in code.',
    }),
    labels: t.field({ type: LabelsInput, required: true, description: 'Its names.' }),
  }),
});

const SetFederationTargetGroupsInput = builder.inputType('SetFederationTargetGroupsInput', {
  description: 'A federation’s own target groups, the whole list in its order.',
  fields: (t) => ({
    federation: t.string({ required: true, description: 'The federation’s slug.' }),
    targetGroups: t.field({
      type: [TargetGroupInput],
      required: true,
      description:
        'At most 30. It replaces the list: a group left out is taken away — refused (IN_USE) while venues name or seat it.',
    }),
  }),
});

const SetFederationTargetGroupsPayload = builder
  .objectRef<{ targetGroups: OwnTargetGroup[] | null; userErrors: UserError[] }>(
    'SetFederationTargetGroupsPayload',
  )
  .implement({
    fields: (t) => ({
      targetGroups: t.field({
        type: [TargetGroupTermRef],
        nullable: true,
        description: 'The federation’s own target groups as stored; null when refused.',
        resolve: (p) => (p.targetGroups ? own(p.targetGroups) : null),
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Empty when it was stored.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

builder.mutationFields((t) => ({
  setFederationTargetGroups: t.field({
    type: SetFederationTargetGroupsPayload,
    description:
      'Staff (the instance’s, or the federation’s own: staff keys and admins): set the target groups a federation adds to the built-in ones, with their labels in four languages. Its venues then name them (`ownTargetGroups`), seat them as roles, and the public filters and counts by them. Refused: a code that is not upper case letters, digits and _ (INVALID), a built-in code (TAKEN), a code twice (DUPLICATE), a missing or long label (REQUIRED, TOO_LONG), more than 30 (TOO_MANY), taking away a group venues use (IN_USE), an unknown federation (NOT_FOUND).',
    args: { input: t.arg({ type: SetFederationTargetGroupsInput, required: true }) },
    authScopes: { staff: true },
    resolve: async (_root, { input }, ctx) => {
      await requireInFederation(ctx.db, ctx.viewer, { federation: input.federation });
      const result = await setFederationTargetGroups(ctx.db, auditActorOf(ctx.viewer!), input);
      if (result.targetGroups) ctx.live.announce([{ table: 'editions' }]);
      return result;
    },
  }),
}));
