import { builder } from '../builder.ts';
import { MealEnum, ScheduleEnum, TargetGroupEnum } from './enums.ts';

export const AddressInput = builder.inputType('AddressInput', {
  description: 'A venue’s address. Region is an ISO 3166-2 code such as `NL-UT`.',
  fields: (t) => ({
    street: t.string({
      description: 'Street and number (withheld from the public for sensitive venues).',
    }),
    postalCode: t.string({ description: 'Postal code, e.g. `3511 AB`.' }),
    city: t.string({ description: 'City or village.' }),
    region: t.string({ description: 'ISO 3166-2 region code, e.g. `NL-UT`.' }),
    country: t.string({ description: 'ISO 3166-1 alpha-2; defaults to the edition’s country.' }),
  }),
});

export const CoordinatesInput = builder.inputType('CoordinatesInput', {
  description:
    'WGS 84 decimal degrees. Must lie in the edition’s country (a swapped pair is caught).',
  fields: (t) => ({
    lat: t.float({ required: true, description: 'Latitude.' }),
    lng: t.float({ required: true, description: 'Longitude.' }),
  }),
});

export const RoleSeatsInput = builder.inputType('RoleSeatsInput', {
  description:
    'A venue’s seats for one role. The roles are the target groups’ codes (`TargetGroup`) until federations bring vocabularies of their own.',
  fields: (t) => ({
    role: t.string({
      required: true,
      description: 'A role, e.g. `EMPLOYERS` or `STATUS_HOLDERS` (a `TargetGroup` code today).',
    }),
    seats: t.int({ required: true, description: 'Seats for that role, 0–100,000.' }),
  }),
});

export const LocalizedTextInput = builder.inputType('LocalizedTextInput', {
  description: 'A text in one language.',
  fields: (t) => ({
    lang: t.string({ required: true, description: 'An ISO 639 code (nl, en, ar, …).' }),
    text: t.string({ required: true, description: 'The text, plain (never HTML).' }),
  }),
});

export const PublishStatusEnum = builder.enumType('PublishStatus', {
  description: 'The status a member can give a venue; cancel it with `cancelLocation`.',
  values: {
    DRAFT: { description: 'Not public yet.' },
    PUBLISHED: { description: 'Public (after approval, where the edition requires it).' },
  } as const,
});

/** The venue's own fields, shared by create, update and bulk rows. */
type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

export function venueFields<R extends boolean>(
  t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>,
  required: R,
) {
  return {
    externalId: t.string({
      description:
        'Your own id for this venue (unique per organisation and edition), so a re-sent list finds it again.',
    }),
    name: t.string({ required, description: 'The venue’s name, 1–200 characters.' }),
    address: t.field({
      type: AddressInput,
      description: 'Street, postal code, city, region, country.',
    }),
    coordinates: t.field({ type: CoordinatesInput, required, description: 'Where the venue is.' }),
    meal: t.field({ type: MealEnum, required, description: 'Breakfast, lunch, dinner or other.' }),
    startsAt: t.field({
      type: 'DateTime',
      description: 'When the meal starts; on the edition’s day.',
    }),
    endsAt: t.field({
      type: 'DateTime',
      description: 'When the meal ends; after startsAt, on the edition’s day.',
    }),
    capacity: t.int({ description: 'Seats, 0–100,000; not below the participants counted.' }),
    seatsByRole: t.field({
      type: [RoleSeatsInput],
      description:
        'Seats per role, each role once (e.g. 25 EMPLOYERS, 25 STATUS_HOLDERS). When given, `capacity` is their sum (leave it out, or send that sum). Left out, the venue keeps its own (also in a bulk row); null or empty clears them. A role’s seats never go below the people counted present in it.',
    }),
    participants: t.int({
      description:
        'People taking part; 0 to capacity. On the day, prefer reportParticipation or recordArrivals.',
    }),
    expected: t.int({
      description:
        'People expected (registrations before the day), 0–100,000; left out, it stays as it is (0 for a new venue). Separate from the count of people present (`participants`).',
    }),
    targetGroups: t.field({
      type: [TargetGroupEnum],
      description: 'Who this table brings together.',
    }),
    ownTargetGroups: t.stringList({
      description:
        'Who else it brings together: codes of the edition’s federation’s own target groups (`Edition.targetGroups` not built in); another code is refused (TARGET_GROUP_NOT_DEFINED). Left out, the venue keeps its own.',
    }),
    languages: t.stringList({
      description: 'Languages spoken, ISO 639 codes (nl, ar, ti, …), at most 20.',
    }),
    wheelchairAccessible: t.boolean({ description: 'Step-free access.' }),
    hearingLoop: t.boolean({ description: 'A hearing loop for hearing aids; null: not stated.' }),
    accessibilityNote: t.string({
      description: 'More about access, up to 300 characters. Left out, the venue keeps its own.',
    }),
    interpreters: t.int({
      description:
        'Interpreters at the table, 0–50; null: not stated. Left out, the venue keeps its own (also in a bulk row).',
    }),
    interpreterLanguages: t.stringList({
      description:
        'The languages the interpreters offer, ISO 639 codes, at most 20; needs `interpreters` above 0 (`INTERPRETERS_REQUIRED`). Left out, the venue keeps its own.',
    }),
    support: t.stringList({
      description:
        'Services and organisations helping on the day (e.g. `Werkgeversservicepunt`): at most 5, each up to 120 characters, none empty. Left out, the venue keeps its own.',
    }),
    cookedByGuests: t.boolean({
      description:
        'The guests cook ("van en voor"); false by default. Left out, the venue keeps its own.',
    }),
    description: t.string({
      description: 'What to expect, up to 2,000 characters (shown as text, never HTML).',
    }),
    descriptions: t.field({
      type: [LocalizedTextInput],
      description:
        'The description in other languages: one per language, each up to 2,000 characters. Left out, the venue keeps its own; empty clears them.',
    }),
    registrationUrl: t.field({
      type: 'URL',
      description: 'Where the public signs up: http or https only.',
    }),
    sensitive: t.boolean({
      description:
        'Show the public only an approximate place (about 1 km) and no street: for shelters and asylum seekers’ centres.',
    }),
    status: t.field({
      type: PublishStatusEnum,
      description: 'DRAFT or PUBLISHED (default PUBLISHED).',
    }),
    schedule: t.field({
      type: ScheduleEnum,
      description: 'CONFIRMED (default), TENTATIVE (not yet confirmed) or POSTPONED.',
    }),
  };
}
