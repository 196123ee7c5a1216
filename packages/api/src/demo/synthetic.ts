/** Synthetic editions of any size, for benchmarks. */
import type { OrganisationKind } from '@tafel/schema';
import type { VenueType } from './catalogue.ts';
import type { DemoArrival, DemoData, DemoEdition, DemoLocation, DemoOrganisation } from './data.ts';
import { dutchPlaces } from './places.ts';
import { createRandom, weightedSampler } from './random.ts';
import { DEMO_DATE, DEMO_TIME_ZONE, mealSlots } from './time.ts';
import { VenueFactory, type VenueHost, website } from './venues.ts';

/** Synthetic editions get about a third as many organisations as venues, up to this many. */
const MAX_SYNTHETIC_ORGANISATIONS = 5_000;

const SYNTHETIC_KINDS: readonly (readonly [OrganisationKind, number])[] = [
  ['COMPANY', 30],
  ['CHARITY', 20],
  ['MUNICIPALITY', 10],
  ['FAITH_COMMUNITY', 12],
  ['SCHOOL', 10],
  ['CARE', 10],
  ['GOVERNMENT', 3],
  ['OTHER', 5],
];
const SYNTHETIC_PREFIX: Readonly<Record<OrganisationKind, readonly string[]>> = {
  COMPANY: [
    'Bouwbedrijf',
    'Schoonmaakbedrijf',
    'Cateringbedrijf',
    'Adviesbureau',
    'Transportbedrijf',
    'Installatiebedrijf',
  ],
  CHARITY: ['Stichting Samen', 'Stichting Welkom', 'Vereniging Buurtkracht'],
  MUNICIPALITY: ['Gemeente'],
  FAITH_COMMUNITY: ['Moskee', 'Protestantse Gemeente', 'Parochie'],
  SCHOOL: ['ROC', 'Hogeschool', 'Taalschool'],
  CARE: ['Zorggroep', 'Woonzorg'],
  GOVERNMENT: ['Dienst'],
  OTHER: ['Sportclub', 'Buurtvereniging'],
};
const SYNTHETIC_VENUE_TYPE: Readonly<Record<OrganisationKind, VenueType>> = {
  COMPANY: 'company',
  CHARITY: 'charity',
  MUNICIPALITY: 'municipality',
  FAITH_COMMUNITY: 'church',
  SCHOOL: 'school',
  CARE: 'care',
  GOVERNMENT: 'ministry',
  OTHER: 'other',
};

export function generateSynthetic(seed: number, venues: number, slug: string): DemoData {
  const random = createRandom(seed);
  const edition: DemoEdition = {
    slug,
    name: `Synthetische editie (${venues.toLocaleString('nl-NL')} locaties)`,
    date: DEMO_DATE,
    timeZone: DEMO_TIME_ZONE,
    country: 'NL',
  };
  const factory = new VenueFactory(random, edition, mealSlots(edition), false);
  const pickPlace = weightedSampler(dutchPlaces(), (p) => p.population);

  const organisationCount = Math.min(
    MAX_SYNTHETIC_ORGANISATIONS,
    Math.max(1, Math.round(venues / 3)),
  );
  const organisations: DemoOrganisation[] = [];
  const hosts: VenueHost[] = [];
  const digits = String(MAX_SYNTHETIC_ORGANISATIONS).length;
  for (let i = 1; i <= organisationCount; i++) {
    const kind = random.weighted(SYNTHETIC_KINDS);
    const prefix = random.pick(SYNTHETIC_PREFIX[kind]);
    const home = pickPlace(random);
    const orgSlug = `synthetic-org-${String(i).padStart(digits, '0')}`;
    const name = `${prefix} ${home.name} ${i}`;
    organisations.push({ slug: orgSlug, name, kind, website: website(orgSlug) });
    const venueType =
      kind === 'FAITH_COMMUNITY' && prefix === 'Moskee' ? 'mosque' : SYNTHETIC_VENUE_TYPE[kind];
    hosts.push({ slug: orgSlug, short: name, venueType, languages: [] });
  }

  const locations: DemoLocation[] = new Array(venues);
  for (let i = 0; i < venues; i++) {
    const host = hosts[Math.floor(random.next() * hosts.length)]!;
    locations[i] = factory.make(host, pickPlace(random), { externalId: `syn-${i + 1}` });
  }

  // One report per venue, around the start of its meal: enough for a timeline, cheap to load.
  const arrivals: DemoArrival[] = [];
  for (const venue of locations) {
    if (!venue.participants || !venue.startsAt) continue;
    const at = venue.startsAt.getTime() + random.int(-30, 45) * 60_000;
    arrivals.push({
      externalId: venue.externalId!,
      organisationSlug: venue.organisationSlug,
      at: new Date(at).toISOString(),
      delta: venue.participants,
    });
  }
  arrivals.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { edition, organisations, locations, arrivals };
}
