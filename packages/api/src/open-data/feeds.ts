/**
 * Open data: an edition's public venues as GeoJSON, CSV and iCalendar. The same public view as
 * the API (publicLocationCondition: published and approved), with a sensitive venue at its
 * public, approximate point and without street or postal code — withheld in the SQL itself.
 */
import { label } from '@tafel/schema';
import { stringify } from 'csv-stringify/sync';
import { asc, eq, sql } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Db } from '../db/client.ts';
import {
  type Edition,
  editions,
  federationTargetGroups,
  locationCohosts,
  locations,
  organisations,
  series,
} from '../db/schema.ts';
import { decodeLocationId, encodeGlobalId } from '../graphql/global-id.ts';
import { publicLocationCondition } from '../locations/filter.ts';
import { type Programme, programmesOf, publicSpeakerLine } from '../locations/programme.ts';

export interface Licence {
  name: string;
  url: string;
}

export async function publicVenues(db: Db, editionId: number) {
  const rows = await db
    .select({
      id: locations.id,
      name: locations.name,
      organisationSlug: organisations.slug,
      organisationName: organisations.name,
      // The co-hosts, by name then id (as `Location.cohosts`), in the same statement.
      cohosts: sql<
        { slug: string; name: string }[]
      >`coalesce((SELECT json_agg(json_build_object('slug', o.slug, 'name', o.name) ORDER BY o.name, o.id) FROM ${locationCohosts} JOIN ${organisations} o ON o.id = ${locationCohosts.organisationId} WHERE ${locationCohosts.locationId} = ${locations.id}), '[]'::json)`,
      meal: locations.meal,
      startsAt: locations.startsAt,
      endsAt: locations.endsAt,
      schedule: locations.schedule,
      capacity: locations.capacity,
      participants: locations.participants,
      expected: locations.expected,
      full: locations.full,
      targetGroups: locations.targetGroups,
      ownTargetGroups: locations.ownTargetGroups,
      // Their names, as the edition's federation gives them (in its order).
      ownTargetGroupLabels: sql<
        Record<'nl' | 'en' | 'de' | 'da', string>[]
      >`CASE WHEN cardinality(${locations.ownTargetGroups}) = 0 THEN '[]'::jsonb ELSE coalesce((SELECT jsonb_agg(g.labels ORDER BY g.position, g.code) FROM ${federationTargetGroups} g JOIN ${series} s ON s.federation_id = g.federation_id JOIN ${editions} e ON e.series_id = s.id WHERE e.id = ${locations.editionId} AND g.code = ANY(${locations.ownTargetGroups})), '[]'::jsonb) END`,
      languages: locations.languages,
      wheelchairAccessible: locations.wheelchairAccessible,
      hearingLoop: locations.hearingLoop,
      accessibilityNote: locations.accessibilityNote,
      interpreters: locations.interpreters,
      interpreterLanguages: locations.interpreterLanguages,
      support: locations.support,
      cookedByGuests: locations.cookedByGuests,
      description: locations.description,
      descriptions: locations.descriptions,
      registrationUrl: locations.registrationUrl,
      street: sql<
        string | null
      >`CASE WHEN ${locations.sensitive} THEN NULL ELSE ${locations.street} END`,
      postalCode: sql<
        string | null
      >`CASE WHEN ${locations.sensitive} THEN NULL ELSE ${locations.postalCode} END`,
      city: locations.city,
      region: locations.region,
      country: locations.country,
      lat: locations.publicLat,
      lng: locations.publicLng,
      sensitive: locations.sensitive,
      updatedAt: locations.updatedAt,
    })
    .from(locations)
    .innerJoin(organisations, eq(organisations.id, locations.organisationId))
    .where(publicLocationCondition(locations, editionId, {}))
    .orderBy(asc(locations.id));
  return rows.map(({ id, sensitive, ...row }) => ({
    id: encodeGlobalId('Location', id),
    ...row,
    locationPrecision: sensitive ? ('APPROXIMATE' as const) : ('EXACT' as const),
  }));
}

export type PublicVenue = Awaited<ReturnType<typeof publicVenues>>[number];

export function licenceStatement(edition: Edition, licence: Licence): string {
  return `${edition.name} (${edition.slug}), public venues from Tafel. Licence: ${licence.name}${licence.url ? ` (${licence.url})` : ''}.`;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A FeatureCollection of Points (longitude, latitude), the licence as foreign members. */
export function toGeoJson(edition: Edition, venues: PublicVenue[], licence: Licence) {
  return {
    type: 'FeatureCollection' as const,
    name: `${edition.slug}-locations`,
    licence: licence.name,
    licenceUrl: licence.url || null,
    attribution: licenceStatement(edition, licence),
    features: venues.map(({ lat, lng, ...v }) => ({
      type: 'Feature' as const,
      id: v.id,
      geometry: { type: 'Point' as const, coordinates: [lng, lat] },
      properties: {
        ...v,
        edition: edition.slug,
        startsAt: iso(v.startsAt),
        endsAt: iso(v.endsAt),
        updatedAt: iso(v.updatedAt),
      },
    })),
  };
}

export const CSV_COLUMNS = [
  'id',
  'name',
  'organisation',
  'organisationName',
  'cohosts',
  'cohostNames',
  'meal',
  'startsAt',
  'endsAt',
  'capacity',
  'participants',
  'expected',
  'full',
  'targetGroups',
  'ownTargetGroups',
  'languages',
  'wheelchairAccessible',
  'hearingLoop',
  'accessibilityNote',
  'interpreters',
  'interpreterLanguages',
  'support',
  'cookedByGuests',
  'street',
  'postalCode',
  'city',
  'region',
  'country',
  'lat',
  'lng',
  'locationPrecision',
  'registrationUrl',
  'description',
  'descriptions',
  'updatedAt',
  'licence',
] as const;

/**
 * A text cell a spreadsheet would run as a formula (OWASP's CSV injection list) gets a leading
 * `'`, which spreadsheets show as text. Only strings pass through here: capacity, participants
 * and coordinates are written as numbers, so a negative longitude stays a number.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One row per venue, lists joined with `;`, the licence in its own column (it travels with every copied row). */
export function toCsv(edition: Edition, venues: PublicVenue[], licence: Licence): string {
  const statement = licenceStatement(edition, licence);
  return stringify(
    venues.map((v) => ({
      ...v,
      organisation: v.organisationSlug,
      cohosts: v.cohosts.map((o) => o.slug).join(';'),
      cohostNames: v.cohosts.map((o) => o.name).join(';'),
      startsAt: iso(v.startsAt),
      endsAt: iso(v.endsAt),
      updatedAt: iso(v.updatedAt),
      targetGroups: v.targetGroups.join(';'),
      ownTargetGroups: v.ownTargetGroups.join(';'),
      languages: v.languages.join(';'),
      full: String(v.full),
      wheelchairAccessible: v.wheelchairAccessible == null ? '' : String(v.wheelchairAccessible),
      hearingLoop: v.hearingLoop == null ? '' : String(v.hearingLoop),
      interpreters: v.interpreters ?? '',
      interpreterLanguages: v.interpreterLanguages.join(';'),
      support: v.support.join(';'),
      cookedByGuests: String(v.cookedByGuests),
      // The translations, one a line: `en: …`.
      descriptions: v.descriptions.map((d) => `${d.lang}: ${d.text}`).join('\n'),
      licence: statement,
    })),
    { header: true, columns: [...CSV_COLUMNS], bom: false, cast: { string: neutraliseFormula } },
  );
}

/** The programmes of these public venues, by their global id (two statements for them all). */
export async function publicProgrammes(
  db: Db,
  venues: PublicVenue[],
): Promise<Map<string, Programme>> {
  const ids = venues.map((v) => decodeLocationId(v.id)!);
  const byId = await programmesOf(db, ids);
  return new Map(venues.map((v, i) => [v.id, byId.get(ids[i]!)!]));
}

/**
 * One event per venue's meal; a venue without a time is an all-day event on the edition's day. A
 * meeting with a programme is one event per session instead, each with its own UID, its
 * speakers as the public may read them, and the venue's place.
 */
export function toICalendar(
  edition: Edition,
  venues: PublicVenue[],
  licence: Licence,
  baseUrl: string,
  programmes: Map<string, Programme> = new Map(),
): string {
  const calendar = ical({
    name: `${edition.name}: venues`,
    description: licenceStatement(edition, licence),
    prodId: { company: 'Tafel', product: 'open-data', language: 'EN' },
    source: `${baseUrl}/editions/${edition.slug}/locations.ics`,
    x: { 'X-LICENSE': licence.url || licence.name },
  });
  // Noon UTC is the same calendar day in every time zone a server might run in.
  const day = new Date(`${edition.date}T12:00:00Z`);
  // An edition that spans days: an untimed venue is on all of them (the end is exclusive).
  const dayAfter = new Date(`${edition.endDate ?? edition.date}T12:00:00Z`);
  dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
  for (const v of venues) {
    const place = [v.street, v.postalCode, v.city].filter(Boolean).join(', ');
    const common = {
      stamp: v.updatedAt,
      lastModified: v.updatedAt,
      location: { title: place || v.name, geo: { lat: v.lat, lon: v.lng } },
      url: v.registrationUrl,
    };
    const scheduleNote = [
      v.schedule === 'TENTATIVE' ? 'Not yet confirmed.' : '',
      v.schedule === 'POSTPONED' ? 'Postponed: the new time is not known yet.' : '',
    ];
    const approximate = v.locationPrecision === 'APPROXIMATE' ? 'The place is approximate.' : '';
    const programme = programmes.get(v.id);
    if (programme?.sessions.length) {
      const chair = programme.chair ? `Chair: ${publicSpeakerLine(programme.chair)}.` : '';
      programme.sessions.forEach((s, position) => {
        calendar.createEvent({
          ...common,
          id: `${v.id}-${position}@tafel`,
          summary: s.title,
          start: s.startsAt,
          end: s.endsAt,
          // iCalendar knows no "postponed": not confirmed, as the meeting's own event.
          status:
            v.schedule === 'CONFIRMED' && !s.tentative
              ? ICalEventStatus.CONFIRMED
              : ICalEventStatus.TENTATIVE,
          description: [
            s.tentative && v.schedule !== 'TENTATIVE' ? 'Not yet confirmed.' : '',
            ...scheduleNote,
            ...s.speakers.map(publicSpeakerLine),
            s.abstract ?? '',
            `${v.name} (${v.organisationName}).${chair ? ` ${chair}` : ''}`,
            approximate,
            licenceStatement(edition, licence),
          ]
            .filter(Boolean)
            .join('\n'),
        });
      });
      continue;
    }
    calendar.createEvent({
      ...common,
      id: `${v.id}@tafel`,
      summary: `${label(v.meal, 'en')}: ${v.name}`,
      ...(v.startsAt
        ? { start: v.startsAt, end: v.endsAt ?? v.startsAt }
        : { start: day, ...(edition.endDate ? { end: dayAfter } : {}), allDay: true }),
      // iCalendar knows no "postponed": not confirmed, and the description says why.
      status: v.schedule === 'CONFIRMED' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
      description: [
        ...scheduleNote,
        `${v.organisationName}. ${v.participants}${v.capacity != null ? ` of ${v.capacity}` : ''} participants.`,
        v.targetGroups.length + v.ownTargetGroups.length
          ? `Bringing together: ${[
              ...v.targetGroups.map((g) => label(g, 'en')),
              ...v.ownTargetGroupLabels.map((l) => l.en),
            ].join(', ')}.`
          : '',
        approximate,
        licenceStatement(edition, licence),
      ]
        .filter(Boolean)
        .join('\n'),
    });
  }
  return calendar.toString();
}
