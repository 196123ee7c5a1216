/**
 * The demo edition: the size of the real Nationaal Integratiediner (320 published venues at real
 * Dutch places, 98 organisations, about 20,000 participants, the seed texts' named venues among
 * them), and its day of arrivals.
 */
import { REGION_CODES, type RegionCode } from '@tafel/schema';
import { AZC_TOWNS, ORGANISATIONS, type OrganisationSpec, SEED_VENUES } from './catalogue.ts';
import type { DemoArrival, DemoCohosts, DemoData, DemoEdition, DemoLocation } from './data.ts';
import { dutchPlaces, placeNamed } from './places.ts';
import { createRandom, type Random, weightedSampler } from './random.ts';
import { DEMO_DATE, DEMO_TIME_ZONE, MEAL_SLOTS, mealSlots } from './time.ts';
import { hostOf, VenueFactory, type VenueHost, website } from './venues.ts';

const DEMO_EDITION_NAME = 'Nationaal Integratiediner 2027';

const PUBLISHED_VENUES = 320;
const CANCELLED_VENUES = 5;
const DRAFT_VENUES = 6;
/** "ruim 20.000 mensen". */
const TARGET_PARTICIPANTS = 20_400;

/** The seed texts' venues, with the numbers they give: as many places as people, all come. */
function seedVenues(factory: VenueFactory, host: (slug: string) => VenueHost): DemoLocation[] {
  return SEED_VENUES.map(({ organisation, city, people, slot, cohosts: _cohosts, ...venue }) => {
    const [start, end] = MEAL_SLOTS[venue.meal][0]!;
    return factory.make(host(organisation), placeNamed(city), {
      ...venue,
      slot: slot ?? [start, end],
      capacity: people,
      participants: people,
      wheelchairAccessible: true,
    });
  });
}

/** The seed texts' co-hosts (the Turkish mosque beside the Moroccan one in Bergen op Zoom). */
function seedCohosts(): DemoCohosts[] {
  return SEED_VENUES.filter((v) => v.cohosts?.length).map((v) => ({
    externalId: v.externalId,
    organisationSlug: v.organisation,
    cohosts: v.cohosts!,
  }));
}

/** Split `total` over keys in proportion to their weights (largest remainder). */
function apportion<K extends string>(total: number, weights: Record<K, number>): Record<K, number> {
  const keys = Object.keys(weights) as K[];
  const sum = keys.reduce((s, k) => s + weights[k], 0);
  const exact = keys.map((k) => ({ k, share: (total * weights[k]) / sum }));
  const result = {} as Record<K, number>;
  for (const { k, share } of exact) result[k] = Math.floor(share);
  let left = total - keys.reduce((s, k) => s + result[k], 0);
  for (const { k } of [...exact].sort(
    (a, b) => (b.share % 1) - (a.share % 1) || a.k.localeCompare(b.k),
  )) {
    if (left-- <= 0) break;
    result[k] += 1;
  }
  return result;
}

/** How an edition is drawn: the live demo day before it happens, or a past day as it went. */
export interface EditionShape {
  date?: string;
  name?: string;
  /** People present on the day (a past day), or expected (the live day). */
  people?: number;
  /**
   * A past day: the venues' counts are the people present, with the day's arrivals as the log,
   * and their expectations drawn around them. Otherwise (the live demo day, before it happens)
   * the drawn numbers are the registrations, nobody is present yet and the log is empty.
   */
  past?: boolean;
}

export function generateEdition(seed: number, slug: string, shape: EditionShape = {}): DemoData {
  const random = createRandom(seed);
  const edition: DemoEdition = {
    slug,
    name: shape.name ?? DEMO_EDITION_NAME,
    date: shape.date ?? DEMO_DATE,
    timeZone: DEMO_TIME_ZONE,
    country: 'NL',
    ...(shape.past ? { status: 'CLOSED' as const } : {}),
  };
  const target = shape.people ?? TARGET_PARTICIPANTS;
  const factory = new VenueFactory(random, edition, mealSlots(edition), true);
  const specs = new Map(ORGANISATIONS.map((spec) => [spec.slug, spec]));
  const host = (orgSlug: string) => {
    const spec = specs.get(orgSlug);
    if (!spec) throw new Error(`no demo organisation ${orgSlug}`);
    return hostOf(spec);
  };

  // Venues with a fixed home: the seeds', local organisations' and the asylum seekers' centres.
  const seeds = seedVenues(factory, host);
  const fixed: DemoLocation[] = [...seeds];
  for (const spec of ORGANISATIONS) {
    if (typeof spec.home !== 'object' || !('city' in spec.home)) continue;
    const place = placeNamed(spec.home.city);
    for (const name of spec.home.venues) fixed.push(factory.make(hostOf(spec), place, { name }));
  }
  for (const town of AZC_TOWNS)
    fixed.push(factory.make(host('coa'), placeNamed(town), { sensitive: true }));

  // The rest by province, in proportion to where people live; in a province, by town size.
  const places = dutchPlaces();
  const population = Object.fromEntries(REGION_CODES.map((r) => [r, 0])) as Record<
    RegionCode,
    number
  >;
  for (const place of places) population[place.region] += place.population;
  const quotas = apportion(PUBLISHED_VENUES, population);
  for (const venue of fixed) quotas[venue.region as RegionCode] -= 1;

  const provincial = (region: RegionCode) =>
    ORGANISATIONS.find(
      (spec) =>
        typeof spec.home === 'object' && 'region' in spec.home && spec.home.region === region,
    );
  const roaming = ORGANISATIONS.filter(
    (spec) => spec.home === 'national' && spec.venueType !== 'azc',
  );
  const counts = new Map<string, number>();
  const counted = (spec: OrganisationSpec): VenueHost => {
    counts.set(spec.slug, (counts.get(spec.slug) ?? 0) + 1);
    return hostOf(spec);
  };
  /** A national organisation or the province's own charity, favouring those with few venues so far. */
  const roamingHost = (region: RegionCode): VenueHost => {
    const own = provincial(region);
    const candidates = own ? [...roaming, own] : roaming;
    const weight = (spec: OrganisationSpec) =>
      spec.venueType === 'cleaning' ? 1.4 : spec.home === 'national' ? 1 : 2;
    return counted(
      random.weighted(
        candidates.map(
          (spec) => [spec, weight(spec) / (1 + (counts.get(spec.slug) ?? 0))] as const,
        ),
      ),
    );
  };

  const flexible: DemoLocation[] = [];
  for (const region of REGION_CODES) {
    const inRegion = places.filter((p) => p.region === region);
    const pickPlace = weightedSampler(inRegion, (p) => p.population ** 0.85);
    // The province's own charity first, so that every organisation has a venue.
    const own = provincial(region);
    for (let i = 0; i < Math.max(1, quotas[region]); i++) {
      const place = pickPlace(random);
      flexible.push(factory.make(i === 0 && own ? counted(own) : roamingHost(region), place));
    }
  }

  // Scale the drawn venues so the day has about 20,000 participants, the seeds' numbers untouched.
  const drawn = [...fixed.slice(seeds.length), ...flexible];
  const seedSum = seeds.reduce((s, v) => s + (v.participants ?? 0), 0);
  const drawnSum = drawn.reduce((s, v) => s + (v.participants ?? 0), 0);
  const factor = (target - seedSum) / drawnSum;
  for (const venue of drawn) {
    const participants = Math.max(1, Math.round((venue.participants ?? 0) * factor));
    venue.participants = participants;
    venue.capacity = Math.max(participants, Math.ceil(((venue.capacity ?? 0) * factor) / 5) * 5);
  }

  // A few venues that are not (or no longer) public.
  const anywhere = weightedSampler(places, (p) => p.population ** 0.85);
  const hidden: DemoLocation[] = [];
  const statuses: DemoLocation['status'][] = [
    ...Array.from({ length: CANCELLED_VENUES }, () => 'CANCELLED' as const),
    ...Array.from({ length: DRAFT_VENUES }, () => 'DRAFT' as const),
  ];
  for (const status of statuses) {
    const place = anywhere(random);
    hidden.push(factory.make(roamingHost(place.region), place, { status }));
  }

  const locations = [...fixed, ...flexible, ...hidden];
  const organisations = ORGANISATIONS.map((spec) => ({
    slug: spec.slug,
    name: spec.name,
    kind: spec.kind,
    website: website(spec.slug, spec),
  }));
  if (!shape.past) {
    // Before the day: the numbers are registrations; the hosts count who comes on the day.
    for (const venue of locations) {
      venue.expected = venue.participants ?? 0;
      venue.participants = 0;
    }
    return { edition, organisations, locations, arrivals: [], cohosts: seedCohosts() };
  }
  const arrivals = arrivalsOf(locations, createRandom(seed ^ 0x5eed));
  // A past day: some who registered stayed away, some came unannounced.
  const registrations = createRandom(seed ^ 0xe4bec7);
  for (const venue of locations) {
    const present = venue.participants ?? 0;
    venue.expected =
      venue.status === 'PUBLISHED' ? Math.round(present * (0.95 + registrations.next() * 0.2)) : 0;
  }
  return { edition, organisations, locations, arrivals, cohosts: seedCohosts() };
}

/**
 * The day as it happens: guests arrive in small groups from half an hour before a meal to an
 * hour after its start, now and then a count is corrected; per venue the deltas add up to its
 * participants and the running count never exceeds its capacity.
 */
function arrivalsOf(locations: readonly DemoLocation[], random: Random): DemoArrival[] {
  const arrivals: { arrival: DemoArrival; at: number; order: number }[] = [];
  let order = 0;
  for (const venue of locations) {
    const participants = venue.participants ?? 0;
    if (venue.status !== 'PUBLISHED' || participants <= 0 || !venue.startsAt || !venue.externalId)
      continue;
    const start = venue.startsAt.getTime();
    const deltas: number[] = [];
    for (let left = participants; left > 0; ) {
      const group = Math.min(left, 1 + Math.floor(random.next() ** 2 * 14));
      deltas.push(group);
      left -= group;
    }
    const room = (venue.capacity ?? participants) - participants;
    if (participants >= 10 && room >= 1 && random.chance(0.15)) {
      // Counted a group twice, then corrected.
      const extra = random.int(1, Math.min(2, room));
      const at = random.int(1, deltas.length - 1);
      deltas.splice(at, 0, extra, -extra);
    }
    const times = deltas
      .map(() => start + triangular(random, -30, -5, 60) * 60_000)
      .sort((a, b) => a - b);
    deltas.forEach((delta, i) => {
      const at = Math.round(times[i]! / 1000) * 1000;
      arrivals.push({
        arrival: {
          externalId: venue.externalId!,
          organisationSlug: venue.organisationSlug,
          at: new Date(at).toISOString(),
          delta,
        },
        at,
        order: order++,
      });
    });
  }
  arrivals.sort((a, b) => a.at - b.at || a.order - b.order);
  return arrivals.map((a) => a.arrival);
}

function triangular(random: Random, min: number, mode: number, max: number): number {
  const u = random.next();
  const split = (mode - min) / (max - min);
  return u < split
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}
