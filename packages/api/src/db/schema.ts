/**
 * Tafel's tables. camelCase in TypeScript, snake_case in SQL, plural table names; every foreign
 * key has a delete rule and an index. Participants are counts, never people.
 */

import { LANGS, MEALS, ORGANISATION_KINDS, TARGET_GROUPS } from '@tafel/schema';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const mealEnum = pgEnum('meal', MEALS);
export const targetGroupEnum = pgEnum('target_group', TARGET_GROUPS);
export const organisationKindEnum = pgEnum('organisation_kind', ORGANISATION_KINDS);
export const locationStatusEnum = pgEnum('location_status', ['DRAFT', 'PUBLISHED', 'CANCELLED']);
/**
 * How sure a venue's (a meeting's) time is, shown publicly: confirmed, not yet confirmed, or put
 * off. Cancelled is the venue's `status`, not this.
 */
export const scheduleEnum = pgEnum('schedule', ['CONFIRMED', 'TENTATIVE', 'POSTPONED']);
export const editionStatusEnum = pgEnum('edition_status', [
  'PLANNED',
  'OPEN',
  'CLOSED',
  'CANCELLED',
  'POSTPONED',
]);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * A federation: the network whose members host the tables — the Nationaal Integratiediner,
 * Altinget's integration network, Wir zusammen, Sammen om integration. It has its series (and so
 * its editions) and its members, each with the day it joined (and left), so its growth is a
 * query. One Tafel serves several.
 */
export const federations = pgTable(
  'federations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** ISO 3166-1 alpha-2: where its editions are held unless they say otherwise. */
    country: text('country').notNull().default('NL'),
    /**
     * Its maps' tile server (locations/tiles.ts): a URL template `https://…/{z}/{x}/{y}.png`, the
     * attribution its licence asks for (plain text) and, optionally, the licence's address. Null:
     * the instance's default.
     */
    tileUrl: text('tile_url'),
    tileAttribution: text('tile_attribution'),
    tileLicenceUrl: text('tile_licence_url'),
    ...timestamps,
  },
  (t) => [
    // A tile server is credited as its licence asks: no URL without its attribution, nor the reverse.
    check(
      'federations_tiles_whole',
      sql`(${t.tileUrl} IS NULL) = (${t.tileAttribution} IS NULL) AND (${t.tileLicenceUrl} IS NULL OR ${t.tileUrl} IS NOT NULL)`,
    ),
  ],
);

/**
 * An organisation's membership of a federation: from the day it joined to the day it left (null:
 * still a member). One row per federation and organisation; a member who returns is one who
 * never left.
 */
export const federationMembers = pgTable(
  'federation_members',
  {
    federationId: integer('federation_id')
      .notNull()
      .references(() => federations.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.federationId, t.organisationId] }),
    index('federation_members_organisation_idx').on(t.organisationId),
    check(
      'federation_members_left_after_joined',
      sql`${t.leftOn} IS NULL OR ${t.leftOn} >= ${t.joinedOn}`,
    ),
  ],
);

/**
 * What a federation counts beside the people at its tables, e.g. Sammen om integration's
 * placements offered by companies ("knap 1000 virksomhedspladser"): a key and its labels.
 */
export const federationMeasures = pgTable(
  'federation_measures',
  {
    federationId: integer('federation_id')
      .notNull()
      .references(() => federations.id, { onDelete: 'cascade' }),
    /** `PLACEMENTS`: upper case letters, digits and underscores. */
    key: text('key').notNull(),
    labels: jsonb('labels').notNull().$type<Record<'nl' | 'en' | 'de' | 'da', string>>(),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.federationId, t.key] }),
    check('federation_measures_key', sql`${t.key} ~ '^[A-Z][A-Z0-9_]{1,39}$'`),
  ],
);

/**
 * A federation's own target groups, beside the built-in ones (`TargetGroup`): who its tables bring
 * together that the contract has no word for (Wir zusammen's mentors). Venues name them in
 * `locations.own_target_groups`, seat them as roles, and filter and count by them.
 */
export const federationTargetGroups = pgTable(
  'federation_target_groups',
  {
    federationId: integer('federation_id')
      .notNull()
      .references(() => federations.id, { onDelete: 'cascade' }),
    /** `MENTORS`: upper case letters, digits and underscores; never a built-in code. */
    code: text('code').notNull(),
    labels: jsonb('labels').notNull().$type<Record<'nl' | 'en' | 'de' | 'da', string>>(),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.federationId, t.code] }),
    check('federation_target_groups_code', sql`${t.code} ~ '^[A-Z][A-Z0-9_]{1,39}$'`),
  ],
);

/**
 * An organisation's count of one of its federation's measures in one edition (the companies'
 * placements of a year), as the organisation or staff report it. Counts, never people.
 */
export const organisationCounts = pgTable(
  'organisation_counts',
  {
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    measure: text('measure').notNull(),
    value: integer('value').notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.editionId, t.organisationId, t.measure] }),
    index('organisation_counts_organisation_idx').on(t.organisationId),
    check('organisation_counts_value', sql`${t.value} BETWEEN 0 AND 1000000`),
  ],
);

/** A run of editions of one event, year after year (e.g. `nid`, the Nationaal Integratiediner). */
export const series = pgTable(
  'series',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** The federation that holds it; null: the instance's own (no federation named). */
    federationId: integer('federation_id').references(() => federations.id, {
      onDelete: 'restrict',
    }),
    ...timestamps,
  },
  (t) => [index('series_federation_idx').on(t.federationId)],
);

export const editions = pgTable(
  'editions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** The event day (the first day, for an edition that spans days), in the edition's time zone. */
    date: date('date', { mode: 'string' }).notNull(),
    /**
     * The last day of an edition that spans days — a programme of meetings across a year, an
     * overnight meeting; null for an edition of one day (`date`).
     */
    endDate: date('end_date', { mode: 'string' }),
    timeZone: text('time_zone').notNull().default('Europe/Amsterdam'),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull().default('NL'),
    status: editionStatusEnum('status').notNull().default('OPEN'),
    /** When set, a new organisation's first venues wait for staff approval before they go public. */
    requireApproval: boolean('require_approval').notNull().default(false),
    /** Why staff cancelled or postponed it (public: the people who would come need to know). */
    statusReason: text('status_reason'),
    /** The day it had before it was last postponed. */
    postponedFrom: date('postponed_from', { mode: 'string' }),
    /** Whom journalists call about this edition: public, because staff entered it for that. */
    pressContactName: text('press_contact_name'),
    pressContactEmail: text('press_contact_email'),
    pressContactPhone: text('press_contact_phone'),
    /** The series it belongs to; null for an edition of no series. */
    seriesId: integer('series_id').references(() => series.id, { onDelete: 'set null' }),
    /**
     * Recorded totals of a past edition whose venues were never recorded (each null if unknown):
     * such an edition has totals only, never a curve. Public, with their source.
     */
    totalParticipants: integer('total_participants'),
    totalLocations: integer('total_locations'),
    totalOrganisations: integer('total_organisations'),
    /** The totals are lower bounds, as a source says "300+" or "ruim 20.000". */
    totalsAtLeast: boolean('totals_at_least').notNull().default(false),
    /** Where the totals come from (public): a press release, an annual report. */
    totalsSource: text('totals_source'),
    /**
     * The least group a published mixing figure may describe (locations/mixing.ts); null: the
     * server's default (`TAFEL_MIXING_MIN_GROUP`, else 5).
     */
    mixingMinGroup: integer('mixing_min_group'),
    ...timestamps,
  },
  (t) => [
    index('editions_series_date_idx').on(t.seriesId, t.date),
    check('editions_end_date_after', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.date}`),
    check(
      'editions_totals_positive',
      sql`coalesce(${t.totalParticipants}, 0) >= 0 AND coalesce(${t.totalLocations}, 0) >= 0 AND coalesce(${t.totalOrganisations}, 0) >= 0`,
    ),
    check(
      'editions_mixing_min_group',
      sql`${t.mixingMinGroup} IS NULL OR ${t.mixingMinGroup} >= 1`,
    ),
  ],
);

export const organisations = pgTable(
  'organisations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    kind: organisationKindEnum('kind').notNull().default('OTHER'),
    website: text('website'),
    logoUrl: text('logo_url'),
    /** Set once staff trust this organisation's venues to go public without approval. */
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /**
     * Set while staff have suspended the organisation: its venues leave the public view (the
     * trigger `organisations_suspended` copies it onto them) and its keys and coordinators may not
     * write.
     */
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    /** Why it was suspended (staff only). */
    suspensionReason: text('suspension_reason'),
    /**
     * Whom the federation contacts: a person's name, e-mail address and phone number, each
     * optional. Never public: only staff and the organisation itself read them; clearing them
     * deletes them.
     */
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    ...timestamps,
  },
  (t) => [
    index('organisations_name_idx').on(t.name),
    check(
      'organisations_contact_lengths',
      sql`char_length(${t.contactName}) <= 200 AND char_length(${t.contactEmail}) <= 254 AND char_length(${t.contactPhone}) <= 40`,
    ),
  ],
);

/**
 * A venue the public sees: published, not awaiting staff approval, and its organisation not
 * suspended. The one definition: every query (locations/visibility.ts) and the partial index of
 * the public map are built from it.
 */
export function publicVenue(t: {
  status: SQLWrapper;
  awaitingApproval: SQLWrapper;
  organisationSuspended: SQLWrapper;
}): SQL {
  return sql`${t.status} = 'PUBLISHED' AND NOT ${t.awaitingApproval} AND NOT ${t.organisationSuspended}`;
}

export const locations = pgTable(
  'locations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The member's own id for this venue, so a re-sent list finds the same rows. */
    externalId: text('external_id'),
    name: text('name').notNull(),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    /** ISO 3166-2 subdivision code, e.g. NL-UT. */
    region: text('region'),
    country: text('country'),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    /** A sensitive venue (a shelter, an asylum seekers' centre) is shown publicly only approximately. */
    sensitive: boolean('sensitive').notNull().default(false),
    /**
     * What the public sees and filters on: the exact point, or for a sensitive venue the point
     * snapped to a 0.01° grid (about 1 km). Public bbox and radius filters use these, so a
     * narrowing box cannot home in on a sensitive venue's exact place.
     */
    publicLat: doublePrecision('public_lat')
      .notNull()
      .generatedAlwaysAs(
        sql`CASE WHEN sensitive THEN round(lat::numeric, 2)::double precision ELSE lat END`,
      ),
    publicLng: doublePrecision('public_lng')
      .notNull()
      .generatedAlwaysAs(
        sql`CASE WHEN sensitive THEN round(lng::numeric, 2)::double precision ELSE lng END`,
      ),
    meal: mealEnum('meal').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    capacity: integer('capacity'),
    /**
     * Seats per role, `{ "EMPLOYERS": 25, "STATUS_HOLDERS": 25 }`: the roles are codes of the
     * vocabulary (locations/roles.ts). Empty: the venue states no roles. When it states any, its
     * capacity is their sum (locations/validate.ts).
     */
    seatsByRole: jsonb('seats_by_role').notNull().default({}).$type<Record<string, number>>(),
    /**
     * People present per role, moved with `participants` by the same statement (arrivals with a
     * role, participation-statement.ts); never above the role's seats. Their sum is at most
     * `participants` (arrivals without a role count only in the total).
     */
    presentByRole: jsonb('present_by_role').notNull().default({}).$type<Record<string, number>>(),
    /** People present: the count reported on the day (the participation log moves it). */
    participants: integer('participants').notNull().default(0),
    /** People expected: registrations before the day, as the member states them. Not moved by the day's reports. */
    expected: integer('expected').notNull().default(0),
    /** The host (or the organisation) says no one more fits in, whatever the count says. */
    full: boolean('full').notNull().default(false),
    targetGroups: targetGroupEnum('target_groups').array().notNull().default(sql`'{}'`),
    /**
     * Its edition's federation's own target groups it brings together (`federation_target_groups`
     * codes), beside the built-in `target_groups`.
     */
    ownTargetGroups: text('own_target_groups').array().notNull().default(sql`'{}'`),
    languages: text('languages').array().notNull().default(sql`'{}'`),
    wheelchairAccessible: boolean('wheelchair_accessible'),
    /** A hearing loop (induction loop) for hearing aids; null: not stated. */
    hearingLoop: boolean('hearing_loop'),
    /** Anything else about access, in the host's words (a lift, a quiet room, guide dogs). */
    accessibilityNote: text('accessibility_note'),
    /** Interpreters at the table, 0–50; null: not stated. */
    interpreters: integer('interpreters'),
    /** The languages the interpreters offer, ISO 639 codes as `languages`; empty unless `interpreters` > 0. */
    interpreterLanguages: text('interpreter_languages').array().notNull().default(sql`'{}'`),
    /** Services and organisations helping on the day (an employers' service point), at most 5. */
    support: text('support').array().notNull().default(sql`'{}'`),
    /** The guests cook ("van en voor"): dishes from their own kitchens. */
    cookedByGuests: boolean('cooked_by_guests').notNull().default(false),
    description: text('description'),
    /**
     * The description in other languages, `[{ "lang": "en", "text": "…" }]`, one per language (ISO
     * 639 codes as `languages`); `description` stays the original.
     */
    descriptions: jsonb('descriptions')
      .notNull()
      .default([])
      .$type<{ lang: string; text: string }[]>(),
    registrationUrl: text('registration_url'),
    status: locationStatusEnum('status').notNull().default('PUBLISHED'),
    /** Public: whether its time is confirmed, not yet confirmed, or put off. */
    schedule: scheduleEnum('schedule').notNull().default('CONFIRMED'),
    /** Set while the edition requires staff approval of a not-yet-approved organisation's venues. */
    awaitingApproval: boolean('awaiting_approval').notNull().default(false),
    /**
     * Its organisation is suspended: a copy of `organisations.suspended_at IS NOT NULL`, kept by
     * triggers (migration console) on every path, so the public rule and its partial index need no
     * join.
     */
    organisationSuspended: boolean('organisation_suspended').notNull().default(false),
    /**
     * When the venue first became public (published and not awaiting approval), whoever made it
     * so; never cleared. Set by the trigger `locations_public_since` (see its migration), so no
     * write path can forget it. Only such venues are news when they leave the public view.
     */
    publicSince: timestamp('public_since', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('locations_external_id_key').on(t.organisationId, t.editionId, t.externalId),
    index('locations_edition_status_idx').on(t.editionId, t.status),
    // The public map's viewport query: only public venues, so counting a box is an index-only scan.
    index('locations_public_geo_idx')
      .on(t.editionId, t.publicLat, t.publicLng)
      .where(publicVenue(t)),
    index('locations_organisation_idx').on(t.organisationId),
    index('locations_edition_region_idx').on(t.editionId, t.region),
    index('locations_target_groups_idx').using('gin', t.targetGroups),
    check(
      'locations_participants_range',
      sql`${t.participants} >= 0 AND (${t.capacity} IS NULL OR ${t.participants} <= ${t.capacity})`,
    ),
    check('locations_expected_range', sql`${t.expected} >= 0`),
    check('locations_capacity_positive', sql`${t.capacity} IS NULL OR ${t.capacity} >= 0`),
    check(
      'locations_interpreters_range',
      sql`${t.interpreters} IS NULL OR ${t.interpreters} BETWEEN 0 AND 50`,
    ),
    check('locations_descriptions_array', sql`jsonb_typeof(${t.descriptions}) = 'array'`),
    check(
      'locations_roles_objects',
      sql`jsonb_typeof(${t.seatsByRole}) = 'object' AND jsonb_typeof(${t.presentByRole}) = 'object'`,
    ),
    check('locations_lat_range', sql`${t.lat} BETWEEN -90 AND 90`),
    check('locations_lng_range', sql`${t.lng} BETWEEN -180 AND 180`),
  ],
);

/**
 * Co-host organisations beside a venue's host ("believers of a Moroccan and a Turkish mosque" with
 * a town's elderly): public by name, and each co-host's keys and coordinators read the venue as
 * its host does but may not change it. At most ten per venue, never the host itself, never a
 * suspended organisation when added (locations/cohosts.ts). Gone with the venue or the organisation.
 */
export const locationCohosts = pgTable(
  'location_cohosts',
  {
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.locationId, t.organisationId] }),
    index('location_cohosts_organisation_idx').on(t.organisationId),
  ],
);

/**
 * What came of a venue, after its day: its host organisation's closing report (one per venue,
 * corrected by filing again). Counts only, never people; the note is for the host and staff and
 * never public. Later realised internships and jobs are at most those offered (the check says so).
 */
export const closingReports = pgTable(
  'closing_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    followUps: integer('follow_ups').notNull().default(0),
    introductions: integer('introductions').notNull().default(0),
    internshipsOffered: integer('internships_offered').notNull().default(0),
    jobsOffered: integer('jobs_offered').notNull().default(0),
    internshipsRealised: integer('internships_realised').notNull().default(0),
    jobsRealised: integer('jobs_realised').notNull().default(0),
    placementsPledged: integer('placements_pledged').notNull().default(0),
    /** For the host and staff only. */
    note: text('note'),
    /** Who filed it last: a key's prefix or `person:<id>`. */
    filedBy: text('filed_by').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('closing_reports_location_key').on(t.locationId),
    check(
      'closing_reports_counts',
      sql`${t.followUps} >= 0 AND ${t.introductions} >= 0 AND ${t.internshipsOffered} >= 0 AND ${t.jobsOffered} >= 0 AND ${t.placementsPledged} >= 0 AND ${t.internshipsRealised} BETWEEN 0 AND ${t.internshipsOffered} AND ${t.jobsRealised} BETWEEN 0 AND ${t.jobsOffered}`,
    ),
    check('closing_reports_note_length', sql`char_length(${t.note}) <= 1000`),
  ],
);

/** Where a story stands: waiting for staff, published, or rejected (never public). */
export const storyStatusEnum = pgEnum('story_status', ['PENDING', 'PUBLISHED', 'REJECTED']);

/**
 * A story told at a venue: a quote, its language, the attribution the storyteller agreed to, and
 * their recorded consent. Stored only with consent (the check), so a withdrawn consent deletes
 * the row. Public only once staff publish it and while its venue is public.
 */
export const stories = pgTable(
  'stories',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    quote: text('quote').notNull(),
    /** A language of the vocabulary (`LANGS`). */
    language: text('language').notNull(),
    /** As the storyteller agreed to be named, e.g. a first name; null: anonymous. */
    attribution: text('attribution'),
    consent: boolean('consent').notNull(),
    /** When the storyteller gave their consent, as the host recorded it. */
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    status: storyStatusEnum('status').notNull().default('PENDING'),
    /** When staff published or rejected it. */
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    /** Who added it: a key's prefix or `person:<id>`. */
    addedBy: text('added_by').notNull(),
    ...timestamps,
  },
  (t) => [
    index('stories_location_idx').on(t.locationId),
    index('stories_edition_status_idx').on(t.editionId, t.status, t.id),
    check('stories_consent', sql`${t.consent}`),
    check(
      'stories_lengths',
      sql`char_length(${t.quote}) BETWEEN 1 AND 1000 AND char_length(${t.attribution}) <= 80`,
    ),
  ],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Null for a federation staff key. */
    organisationId: integer('organisation_id').references(() => organisations.id, {
      onDelete: 'cascade',
    }),
    /**
     * A staff key (no organisation) of one federation: it acts within that federation only. Null:
     * the instance's staff (or an organisation's key).
     */
    federationId: integer('federation_id').references(() => federations.id, {
      onDelete: 'cascade',
    }),
    /** The visible start of the secret, e.g. `tafel_3Fq9x2Lm`; safe to show and log. */
    prefix: text('prefix').notNull().unique(),
    /** SHA-256 of the whole secret, hex. The secret itself is never stored. */
    hash: text('hash').notNull().unique(),
    scopes: text('scopes').array().notNull().default(sql`'{}'`),
    label: text('label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('api_keys_organisation_idx').on(t.organisationId),
    check(
      'api_keys_federation_staff_only',
      sql`${t.federationId} IS NULL OR ${t.organisationId} IS NULL`,
    ),
  ],
);

export const staffRoleEnum = pgEnum('staff_role', ['admin', 'moderator', 'press']);
export const personLinkKindEnum = pgEnum('person_link_kind', ['INVITATION', 'SIGN_IN']);

/**
 * People who sign in: a coordinator of one organisation, or federation staff with a role. Personal
 * data is the name and the e-mail address only, never public, and deleted with the row (its
 * sessions and links go with it).
 */
/** A column holding one of the languages Tafel writes in. */
export function languageCheck(column: SQLWrapper): SQL {
  return sql`${column} IN (${sql.raw(LANGS.map((l) => `'${l}'`).join(', '))})`;
}

export const people = pgTable(
  'people',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name'),
    /** As given; unique whatever its case (the index below). */
    email: text('email').notNull(),
    /** Staff: their role. Null for a coordinator. */
    staffRole: staffRoleEnum('staff_role'),
    /** A coordinator's organisation. Null for staff. */
    organisationId: integer('organisation_id').references(() => organisations.id, {
      onDelete: 'cascade',
    }),
    /** Staff of one federation only: they act within it. Null: the instance's staff (or a coordinator). */
    federationId: integer('federation_id').references(() => federations.id, {
      onDelete: 'cascade',
    }),
    /** The language their messages are written in (nl, en, de or da); null: not chosen, English. */
    language: text('language'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('people_email_lower_idx').on(sql`lower(${t.email})`),
    check('people_language', languageCheck(t.language)),
    index('people_organisation_idx').on(t.organisationId),
    check(
      'people_staff_or_coordinator',
      sql`(${t.staffRole} IS NULL) <> (${t.organisationId} IS NULL)`,
    ),
    check(
      'people_federation_staff_only',
      sql`${t.federationId} IS NULL OR ${t.staffRole} IS NOT NULL`,
    ),
  ],
);

/**
 * One-time links that sign a person in: an invitation (7 days) or a sign-in link (minutes). Only a
 * SHA-256 hash of the token is kept; using one sets `used_at`, once.
 */
export const personLinks = pgTable(
  'person_links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: personLinkKindEnum('kind').notNull(),
    hash: text('hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('person_links_person_idx').on(t.personId)],
);

/**
 * Signed-in browsers. The cookie carries a token; only its SHA-256 hash is kept. A session ends
 * when idle too long (`last_seen_at`), at `expires_at` whatever its use, or when revoked.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    hash: text('hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sessions_person_idx').on(t.personId)],
);

/**
 * Passkeys (WebAuthn credentials) a person registered to sign in without a link: the
 * authenticator's credential id and public key, its signature counter (a clone shows a counter
 * that went back), its transports as it named them, when added and last used. Go with the person.
 */
export const passkeys = pgTable(
  'passkeys',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** base64url, as the browser sends it. */
    credentialId: text('credential_id').notNull().unique(),
    /** The COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    // A 32-bit unsigned number: beyond integer's range.
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('passkeys_person_idx').on(t.personId)],
);

/**
 * WebAuthn challenges, server-side: short-lived and one-time (`used_at` set by the verify that
 * takes it). A registration challenge belongs to the signed-in person who asked for it.
 */
export const passkeyChallenges = pgTable(
  'passkey_challenges',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** base64url, as the client data carries it. */
    challenge: text('challenge').notNull().unique(),
    /** REGISTER or SIGN_IN. */
    purpose: text('purpose').notNull(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    index('passkey_challenges_person_idx').on(t.personId),
    index('passkey_challenges_expires_idx').on(t.expiresAt),
    check('passkey_challenges_purpose', sql`${t.purpose} IN ('REGISTER', 'SIGN_IN')`),
  ],
);

/** Every participation change, append-only: the live totals, the day's timeline and the audit trail. */
export const participationLog = pgTable(
  'participation_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    /**
     * The venue's edition and organisation at the change, copied from its row by the same
     * statement (for the timeline's index). No foreign keys of their own: the venue's already
     * holds them (and cascades), and each would lock the one edition row (or the organisation's)
     * in every report, the hottest rows of the day.
     */
    editionId: integer('edition_id').notNull(),
    organisationId: integer('organisation_id').notNull(),
    apiKeyId: integer('api_key_id').references(() => apiKeys.id, { onDelete: 'set null' }),
    /** The key prefix that made the change (kept even if the key row goes). */
    actor: text('actor'),
    oldValue: integer('old_value').notNull(),
    newValue: integer('new_value').notNull(),
    /** The role the arrivals were counted for (the venue's present per role moved with it); null: none. */
    role: text('role'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('participation_log_edition_at_idx').on(t.editionId, t.at),
    index('participation_log_location_at_idx').on(t.locationId, t.at),
    index('participation_log_api_key_idx').on(t.apiKeyId),
  ],
);

/**
 * Idempotency keys of participation reports: a client (a host's phone) sends each report with a
 * key of its own, and a resend with the same key counts once (locations/idempotency.ts). One row
 * per venue and key, written in the same transaction as the change it stands for, so a refused
 * change leaves none. Rows older than two days are reclaimed and pruned by later reports of the
 * same venue.
 */
export const participationRequests = pgTable(
  'participation_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** `set` (reportParticipation) or `add` (recordArrivals). */
    kind: text('kind').notNull(),
    /** The count asked for (`set`) or the arrivals (`add`). */
    amount: integer('amount').notNull(),
    /** The role of the arrivals (`add` only); null: none. A resend must name the same. */
    role: text('role'),
    /** The venue's count as the first answer gave it; null until that change committed. */
    participants: integer('participants'),
    /** When the first answer changed the venue (its updatedAt then). */
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('participation_requests_location_key_key').on(t.locationId, t.key),
    index('participation_requests_location_created_idx').on(t.locationId, t.createdAt),
    check('participation_requests_kind', sql`${t.kind} IN ('set', 'add')`),
  ],
);

/**
 * Host links: a token that may report participation for one venue only, until it expires (a few
 * hours after the edition's day) or is revoked. Stored like API keys: a SHA-256 hash beside a
 * visible prefix; the token is shown once (auth/host-links.ts).
 */
export const hostLinks = pgTable(
  'host_links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    /** The visible start of the token, e.g. `tafel_host_3Fq9x2Lm`; safe to show and log. */
    prefix: text('prefix').notNull().unique(),
    /** SHA-256 of the whole token, hex. The token itself is never stored. */
    hash: text('hash').notNull().unique(),
    /** The API key that created it (null once that key is deleted, or from the command line). */
    createdByKeyId: integer('created_by_key_id').references(() => apiKeys.id, {
      onDelete: 'set null',
    }),
    /** Who created it: a key prefix or `cli:<user>`. */
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('host_links_location_idx').on(t.locationId),
    index('host_links_created_by_key_idx').on(t.createdByKeyId),
  ],
);

/** Every change to a venue: who, when, what. Staff can query it. */
/**
 * A meeting's programme (#19): its sessions, each with a time within the meeting, a title, an
 * abstract and whether it is confirmed yet. Set as a whole by `setProgramme`; gone with the venue.
 */
export const programmeSessions = pgTable(
  'programme_sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    /** Its place in the programme as it was sent, from 0. */
    position: integer('position').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    title: text('title').notNull(),
    abstract: text('abstract'),
    /** Not yet confirmed: shown, marked as such. */
    tentative: boolean('tentative').notNull().default(false),
  },
  (t) => [
    uniqueIndex('programme_sessions_location_position_key').on(t.locationId, t.position),
    check('programme_sessions_ends_after', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'programme_sessions_lengths',
      sql`char_length(${t.title}) BETWEEN 1 AND 200 AND coalesce(char_length(${t.abstract}), 0) <= 2000`,
    ),
  ],
);

/**
 * The people of a programme: a session's speakers, and the meeting's chair (no session). Their
 * name is public only when they chose so (`namePublic`); otherwise the public reads their role
 * and organisation alone.
 */
export const programmeSpeakers = pgTable(
  'programme_speakers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    /** The session they speak at; null for the meeting's chair. */
    sessionId: integer('session_id').references(() => programmeSessions.id, {
      onDelete: 'cascade',
    }),
    /** Their place among the session's speakers, from 0. */
    position: integer('position').notNull(),
    name: text('name').notNull(),
    role: text('role'),
    organisation: text('organisation'),
    /** They chose to be named publicly. */
    namePublic: boolean('name_public').notNull().default(false),
  },
  (t) => [
    index('programme_speakers_location_idx').on(t.locationId),
    index('programme_speakers_session_idx').on(t.sessionId),
    // One chair per meeting.
    uniqueIndex('programme_speakers_one_chair_key')
      .on(t.locationId)
      .where(sql`${t.sessionId} IS NULL`),
    check(
      'programme_speakers_lengths',
      sql`char_length(${t.name}) BETWEEN 1 AND 120 AND coalesce(char_length(${t.role}), 0) <= 120 AND coalesce(char_length(${t.organisation}), 0) <= 120`,
    ),
  ],
);

export const locationChanges = pgTable(
  'location_changes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    apiKeyId: integer('api_key_id').references(() => apiKeys.id, { onDelete: 'set null' }),
    actor: text('actor'),
    action: text('action').notNull(),
    changes: jsonb('changes').notNull().$type<Record<string, { from: unknown; to: unknown }>>(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('location_changes_location_at_idx').on(t.locationId, t.at),
    index('location_changes_organisation_idx').on(t.organisationId),
    index('location_changes_api_key_idx').on(t.apiKeyId),
  ],
);

/**
 * The audit trail, append-only: what staff and coordinators did (suspend, approve, reject, open,
 * postpone, …), by whom, to which organisation, venue or edition, and why. Who is a person, a key
 * or a host link by id, and `actor` keeps the key's prefix or `person:<id>` when those rows go —
 * never a name or an address. Written in the same transaction as the change (locations/audit.ts).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    action: text('action').notNull(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    apiKeyId: integer('api_key_id').references(() => apiKeys.id, { onDelete: 'set null' }),
    hostLinkId: integer('host_link_id').references(() => hostLinks.id, { onDelete: 'set null' }),
    /** A key's or host link's prefix, `person:<id>`, or `cli:<user>`. */
    actor: text('actor').notNull(),
    organisationId: integer('organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    locationId: integer('location_id').references(() => locations.id, { onDelete: 'set null' }),
    editionId: integer('edition_id').references(() => editions.id, { onDelete: 'set null' }),
    reason: text('reason'),
    /** What changed, e.g. `{ "status": { "from": "OPEN", "to": "POSTPONED" } }`. */
    details: jsonb('details').notNull().default({}).$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at, t.id),
    index('audit_events_person_idx').on(t.personId),
    index('audit_events_api_key_idx').on(t.apiKeyId),
    index('audit_events_host_link_idx').on(t.hostLinkId),
    index('audit_events_organisation_idx').on(t.organisationId),
    index('audit_events_location_idx').on(t.locationId),
    index('audit_events_edition_idx').on(t.editionId),
  ],
);

/**
 * Rate-limit counters that every API process shares (http/rate-limit.ts, through
 * rate-limiter-flexible): one row per client and window, `expire` its end. UNLOGGED (see its
 * migration): counters need no crash safety and no replica, and counting a request then never
 * waits for the WAL to reach the disk.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: timestamp('expire', { withTimezone: true }),
});

export type Federation = typeof federations.$inferSelect;
export type Series = typeof series.$inferSelect;
export type Edition = typeof editions.$inferSelect;
export type NewEdition = typeof editions.$inferInsert;
export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type Location = typeof locations.$inferSelect;
export type NewLocation = typeof locations.$inferInsert;
export type ApiKey = typeof apiKeys.$inferSelect;
export type LocationCohost = typeof locationCohosts.$inferSelect;
export type ParticipationLogEntry = typeof participationLog.$inferSelect;
export type LocationChange = typeof locationChanges.$inferSelect;
export type Person = typeof people.$inferSelect;
export type PersonLink = typeof personLinks.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type ParticipationRequest = typeof participationRequests.$inferSelect;
export type HostLink = typeof hostLinks.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type ProgrammeSession = typeof programmeSessions.$inferSelect;
export type ProgrammeSpeaker = typeof programmeSpeakers.$inferSelect;
export type ClosingReport = typeof closingReports.$inferSelect;
export type Story = typeof stories.$inferSelect;
