import {
  LANGS,
  MEAL_LABELS,
  MEALS,
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  TARGET_GROUP_LABELS,
  TARGET_GROUPS,
} from '@tafel/schema';
import { builder } from '../builder.ts';

const described = <K extends string>(
  keys: readonly K[],
  labels: Record<K, { en: string; nl: string }>,
) =>
  Object.fromEntries(
    keys.map((k) => [k, { value: k, description: `${labels[k].en} (nl: ${labels[k].nl})` }]),
  ) as Record<K, { value: K; description: string }>;

export const MealEnum = builder.enumType('Meal', {
  description: 'The meal a venue serves.',
  values: described(MEALS, MEAL_LABELS),
});

export const TargetGroupEnum = builder.enumType('TargetGroup', {
  description:
    'Who a venue brings to the table. Labels in four languages are in the contract package.',
  values: described(TARGET_GROUPS, TARGET_GROUP_LABELS),
});

export const OrganisationKindEnum = builder.enumType('OrganisationKind', {
  description: 'What kind of member organisation this is.',
  values: described(ORGANISATION_KINDS, ORGANISATION_KIND_LABELS),
});

export const LocationStatusEnum = builder.enumType('LocationStatus', {
  description: 'Only PUBLISHED venues are public.',
  values: {
    DRAFT: { description: 'Being prepared; visible to its organisation and staff only.' },
    PUBLISHED: { description: 'Public (once approved, where the edition requires approval).' },
    CANCELLED: { description: 'Called off; kept for the record, not public.' },
  } as const,
});

export const ScheduleEnum = builder.enumType('Schedule', {
  description:
    'How sure a venue’s (a meeting’s) time is, shown publicly. A cancelled venue is `status: CANCELLED` and leaves the public view.',
  values: {
    CONFIRMED: {
      description:
        'It takes place as announced (schema.org `EventScheduled`; iCalendar CONFIRMED).',
    },
    TENTATIVE: {
      description:
        'Not yet confirmed: shown, marked as such (iCalendar TENTATIVE; "Endnu ikke bekræftet").',
    },
    POSTPONED: {
      description: 'Put off to a time not yet known (schema.org `EventPostponed`).',
    },
  } as const,
});

export const EditionStatusEnum = builder.enumType('EditionStatus', {
  description: 'Where an edition is in its life.',
  values: {
    PLANNED: { description: 'Announced; members may publish venues.' },
    OPEN: { description: 'Open for venues and participation reports.' },
    CLOSED: { description: 'Over; read-only.' },
    CANCELLED: {
      description: 'Called off by staff (see `statusReason`); read-only, no participation.',
    },
    POSTPONED: {
      description:
        'Moved to a new day by staff (see `statusReason`, `postponedFrom`); no participation until it opens again.',
    },
  } as const,
});

export const LocationPrecisionEnum = builder.enumType('LocationPrecision', {
  description: 'How exact the coordinates and address you were given are.',
  values: {
    EXACT: { description: 'The venue itself.' },
    APPROXIMATE: {
      description:
        'A sensitive venue: coordinates snapped to a 0.01° grid (about 1 km), no street or postal code.',
    },
  } as const,
});

export const LanguageEnum = builder.enumType('Language', {
  description: 'A language Tafel labels things in.',
  values: Object.fromEntries(LANGS.map((l) => [l.toUpperCase(), { value: l }])) as Record<
    Uppercase<(typeof LANGS)[number]>,
    { value: (typeof LANGS)[number] }
  >,
});
