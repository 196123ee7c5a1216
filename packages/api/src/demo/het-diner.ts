/**
 * The 2019 employers' dinner in 's-Hertogenbosch (seeds/001), as the text writes it: "Het
 * diner", a project group of Lab XL, "een restaurant in ’s-Hertogenbosch", 28 October 2019, "25
 * werkgevers en 25 statushouders", "een slimme tafelindeling", "collega’s van het
 * werkgeversservicepunt en vier tolken". Its own series (it is not a Nationaal Integratiediner),
 * one closed edition, one venue, everyone present. What the text does not say stays unsaid: the
 * restaurant is not named, the hours are not given (the evening's 18:30–21:30 stands for them),
 * the interpreters' languages are not named.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { closingReports, editions, locations } from '../db/schema.ts';
import { ORGANISATIONS } from './catalogue.ts';
import type { DemoData } from './data.ts';
import { placeNamed } from './places.ts';
import { zonedInstant } from './time.ts';
import { website } from './venues.ts';

export const HET_DINER_SLUG = 'het-diner-2019';
export const HET_DINER_SERIES = { slug: 'het-diner', name: 'Het diner (Lab XL)' } as const;
const DATE = '2019-10-28';
const TIME_ZONE = 'Europe/Amsterdam';

export function generateHetDiner(): DemoData {
  const spec = ORGANISATIONS.find((o) => o.slug === 'lab-xl')!;
  const city = placeNamed("'s-Hertogenbosch");
  const seats = { EMPLOYERS: 25, STATUS_HOLDERS: 25 };
  return {
    edition: {
      slug: HET_DINER_SLUG,
      name: 'Het diner 2019: werkgevers en statushouders',
      date: DATE,
      timeZone: TIME_ZONE,
      country: 'NL',
      status: 'CLOSED',
    },
    organisations: [
      { slug: spec.slug, name: spec.name, kind: spec.kind, website: website(spec.slug, spec) },
    ],
    locations: [
      {
        organisationSlug: spec.slug,
        externalId: 'het-diner-2019',
        name: 'Het diner',
        street: null,
        postalCode: null,
        city: "'s-Hertogenbosch",
        region: city.region,
        country: 'NL',
        lat: city.lat,
        lng: city.lng,
        meal: 'DINNER',
        startsAt: zonedInstant(DATE, '18:30', TIME_ZONE),
        endsAt: zonedInstant(DATE, '21:30', TIME_ZONE),
        capacity: 50,
        seatsByRole: seats,
        presentByRole: seats,
        participants: 50,
        expected: 50,
        targetGroups: ['EMPLOYERS', 'STATUS_HOLDERS'],
        languages: ['nl'],
        // "collega’s van het werkgeversservicepunt en vier tolken" (their languages unnamed).
        interpreters: 4,
        support: ['Werkgeversservicepunt'],
        description:
          'Een diner in stijl, in een restaurant in ’s-Hertogenbosch, voor 25 werkgevers en 25 statushouders, met een slimme tafelindeling. Het doel: ontmoeting en bewustwording. Collega’s van het werkgeversservicepunt en vier tolken sloten aan.',
        status: 'PUBLISHED',
      },
    ],
    arrivals: [],
  };
}

/**
 * What came of it, as the text tells it: "vervolggesprekken gepland" (plural, no number: two stands
 * for it), one introduction ("een werkgever … die een werkloze Syrische kleermaker in contact
 * heeft gebracht met iemand in zijn netwerk"), and the evaluation by phone in the note.
 */
export const HET_DINER_REPORT = {
  followUps: 2,
  introductions: 1,
  note: 'Vervolggesprekken gepland. Een werkgever bracht een werkloze Syrische kleermaker in contact met iemand in zijn netwerk. Na afloop telefonisch contact met enkele werkgevers en statushouders: volgende keer een betere match via de tafelschikking en meer nazorg ("het diner op maat").',
} as const;

/** The evening's closing report, unless there is one. */
export async function loadHetDinerReport(db: Db): Promise<void> {
  const [venue] = await db
    .select({ id: locations.id })
    .from(locations)
    .innerJoin(editions, eq(editions.id, locations.editionId))
    .where(and(eq(editions.slug, HET_DINER_SLUG), eq(locations.externalId, 'het-diner-2019')));
  if (!venue) return;
  await db
    .insert(closingReports)
    .values({ locationId: venue.id, ...HET_DINER_REPORT, filedBy: 'demo' })
    .onConflictDoNothing();
}
