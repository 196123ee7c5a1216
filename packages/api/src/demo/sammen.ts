/**
 * Sammen om integration (seeds/004) in 2016: "88 virksomheder … har i alt stillet knap 1000
 * virksomhedspladser til rådighed", "en lang række møder … rundt i landet" for the rest of the
 * year, and "Folkemødet på Bornholm" the week after the release of 11 June 2016.
 *
 * What the text does not say is marked: "knap 1000" is 990 here, spread over the 88 companies by
 * a made-up rule (the text gives the total only); the Thursday of the next week, 16 June, stands
 * for "i næste uge"; a point in Allinge stands for "på Bornholm". The other meetings around the
 * country are not named, so they are not here.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { editions, organisationCounts, organisations } from '../db/schema.ts';
import type { DemoData } from './data.ts';
import { zonedInstant } from './time.ts';

export const SAMMEN_EDITION = 'sammen-om-integration-2016';
export const SAMMEN_SERIES = {
  slug: 'sammen-om-integration',
  name: 'Sammen om integration',
} as const;
export const PLACEMENTS_TOTAL = 990;
const TZ = 'Europe/Copenhagen';

/** The companies' placements: 88 counts adding up to 990, the same on every machine. */
export function placements(companies: readonly string[]): Map<string, number> {
  const weights = companies.map((_, i) => 3 + ((i * 7) % 11));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w * PLACEMENTS_TOTAL) / sum));
  // The rounding's remainder to the first companies, one each.
  let left = PLACEMENTS_TOTAL - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i++, left--) counts[i % counts.length]! += 1;
  return new Map(companies.map((slug, i) => [slug, counts[i]!]));
}

export function generateSammen(): DemoData {
  return {
    edition: {
      slug: SAMMEN_EDITION,
      name: 'Sammen om integration 2016',
      date: '2016-06-11',
      endDate: '2016-12-31',
      timeZone: TZ,
      country: 'DK',
      status: 'CLOSED',
    },
    organisations: [
      {
        slug: 'udlaendinge-og-integrationsministeriet',
        name: 'Udlændinge-, Integrations- og Boligministeriet',
        kind: 'GOVERNMENT',
        website: null,
      },
    ],
    locations: [
      {
        organisationSlug: 'udlaendinge-og-integrationsministeriet',
        externalId: 'folkemoedet-2016',
        name: 'Folkemødet på Bornholm: integration og virksomhederne',
        street: null,
        postalCode: null,
        city: 'Allinge',
        region: 'DK-84',
        country: 'DK',
        lat: 55.2766,
        lng: 14.8008,
        meal: 'OTHER',
        startsAt: zonedInstant('2016-06-16', '10:00', TZ),
        endsAt: zonedInstant('2016-06-16', '11:00', TZ),
        capacity: null,
        participants: 0,
        expected: 0,
        targetGroups: ['EMPLOYERS', 'REFUGEES'],
        languages: ['da'],
        description:
          'Integrationsministeren debatterer integration på Folkemødet og inviterer flere virksomheder med i partnerskabet Sammen om integration.',
        status: 'PUBLISHED',
      },
    ],
    arrivals: [],
  };
}

/** The 88 companies' placements in 2016, unless they are there. */
export async function loadSammenCounts(db: Db, companies: readonly string[]): Promise<void> {
  const [edition] = await db
    .select({ id: editions.id })
    .from(editions)
    .where(eq(editions.slug, SAMMEN_EDITION));
  if (!edition) return;
  const ids = await db
    .select({ id: organisations.id, slug: organisations.slug })
    .from(organisations)
    .where(inArray(organisations.slug, [...companies]));
  const counts = placements(companies);
  const have = await db
    .select({ id: organisationCounts.organisationId })
    .from(organisationCounts)
    .where(
      and(
        eq(organisationCounts.editionId, edition.id),
        eq(organisationCounts.measure, 'PLACEMENTS'),
      ),
    )
    .limit(1);
  if (have.length || !ids.length) return;
  await db.insert(organisationCounts).values(
    ids.map((o) => ({
      editionId: edition.id,
      organisationId: o.id,
      measure: 'PLACEMENTS',
      value: counts.get(o.slug) ?? 0,
    })),
  );
}
