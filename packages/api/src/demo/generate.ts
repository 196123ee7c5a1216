/**
 * The deterministic demo data: an edition the size of the real Nationaal Integratiediner (320
 * published venues at real Dutch places, 98 organisations, about 20,000 participants, the seed
 * texts' named venues among them), or a synthetic edition of any size for benchmarks.
 *
 * Pure: the same options give the same data on every machine (a seeded generator, no clock).
 */
import {
  REGION_CODES,
  TARGET_GROUPS,
  TARGET_GROUP_LABELS,
  type Meal,
  type OrganisationKind,
  type RegionCode,
  type TargetGroup,
} from '@tafel/schema';
import type { NewLocation } from '../db/schema.ts';
import {
  AZC_TOWNS,
  COMMON_LANGUAGES,
  COMMUNITY_BUILDINGS,
  COMMUNITY_NAMES,
  COMPANY_VENUES,
  LANGUAGE_NAMES_NL,
  ORGANISATIONS,
  SEED_VENUES,
  STREETS,
  VENUE_PROFILES,
  slugify,
  type OrganisationSpec,
  type VenueType,
} from './catalogue.ts';
import { dutchPlaces, jitter, placeNamed, postalCode, type Place } from './places.ts';
import { createRandom, weightedSampler, type Random } from './random.ts';

export interface DemoEdition {
  slug: string;
  name: string;
  /** YYYY-MM-DD, in the edition's time zone. */
  date: string;
  timeZone: string;
  country: string;
}

export interface DemoOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  website: string | null;
}

export type DemoLocation = Omit<NewLocation, 'id' | 'editionId' | 'organisationId' | 'createdAt' | 'updatedAt'> & {
  organisationSlug: string;
};

/** A change in a venue's count during the day: the sum of a venue's deltas is its participants. */
export interface DemoArrival {
  externalId: string;
  organisationSlug: string;
  /** ISO instant. */
  at: string;
  delta: number;
}

export interface DemoData {
  edition: DemoEdition;
  organisations: DemoOrganisation[];
  locations: DemoLocation[];
  /** Arrivals over the day, so the day's timeline has a shape; in time order. */
  arrivals: DemoArrival[];
}

export interface DemoOptions {
  /** A synthetic edition of this many published venues instead of the demo edition. */
  venues?: number;
  seed?: number;
  editionSlug?: string;
}

export const DEMO_EDITION_SLUG = 'nid-2027';
const DEMO_EDITION_NAME = 'Nationaal Integratiediner 2027';
/** A Thursday, like every Nationaal Integratiediner. */
const DEMO_DATE = '2027-10-14';
const DEMO_TIME_ZONE = 'Europe/Amsterdam';
const DEFAULT_SEED = 20_271_014;

const PUBLISHED_VENUES = 320;
const CANCELLED_VENUES = 5;
const DRAFT_VENUES = 6;
/** "ruim 20.000 mensen". */
const TARGET_PARTICIPANTS = 20_400;
/** Synthetic editions get about a third as many organisations as venues, up to this many. */
const MAX_SYNTHETIC_ORGANISATIONS = 5_000;

export function generateDemo(options: DemoOptions = {}): DemoData {
  const seed = options.seed ?? DEFAULT_SEED;
  if (options.venues === undefined) return generateEdition(seed, options.editionSlug ?? DEMO_EDITION_SLUG);
  const venues = options.venues;
  if (!Number.isInteger(venues) || venues < 1) throw new RangeError(`venues must be a positive integer, got ${venues}`);
  return generateSynthetic(seed, venues, options.editionSlug ?? `synthetic-${venues}`);
}

// ---------------------------------------------------------------------------------------------
// Time

/** The instant at a wall-clock time of a date in a time zone (correct across DST changes). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  let instant = naive - offsetMs(naive, timeZone);
  instant = naive - offsetMs(instant, timeZone);
  return new Date(instant);
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - instant;
}

/** Local opening hours of each meal, by weight: breakfast 08:00–10:00, lunch 12:00–14:00, dinner 18:00–21:00 mostly. */
const MEAL_SLOTS: Readonly<Record<Meal, readonly (readonly [string, string, number])[]>> = {
  BREAKFAST: [['08:00', '10:00', 5], ['07:30', '09:30', 2], ['08:30', '10:00', 2], ['09:00', '11:00', 1]],
  LUNCH: [['12:00', '14:00', 6], ['12:30', '14:00', 2], ['11:30', '13:30', 2], ['13:00', '15:00', 1]],
  DINNER: [['18:00', '21:00', 6], ['17:30', '20:30', 3], ['18:30', '21:30', 2], ['19:00', '22:00', 1]],
  OTHER: [['15:00', '17:00', 4], ['10:00', '12:00', 2], ['16:00', '18:00', 2], ['14:00', '16:30', 1]],
};

interface Slot {
  startsAt: number;
  endsAt: number;
}
type Slots = Record<Meal, readonly (readonly [Slot, number])[]>;

function mealSlots(edition: DemoEdition): Slots {
  const slots = {} as Record<Meal, (readonly [Slot, number])[]>;
  for (const [meal, list] of Object.entries(MEAL_SLOTS) as [Meal, (typeof MEAL_SLOTS)[Meal]][]) {
    slots[meal] = list.map(([start, end, weight]) => [
      {
        startsAt: zonedInstant(edition.date, start, edition.timeZone).getTime(),
        endsAt: zonedInstant(edition.date, end, edition.timeZone).getTime(),
      },
      weight,
    ]);
  }
  return slots;
}

// ---------------------------------------------------------------------------------------------
// Venues

interface VenueHost {
  slug: string;
  short: string;
  venueType: VenueType;
  languages: readonly string[];
}

interface VenueOverrides {
  status?: DemoLocation['status'];
  externalId?: string;
  name?: string;
  street?: string;
  postalCode?: string;
  coordinates?: { lat: number; lng: number };
  meal?: Meal;
  slot?: readonly [string, string];
  capacity?: number;
  participants?: number;
  targetGroups?: TargetGroup[];
  languages?: string[];
  wheelchairAccessible?: boolean;
  description?: string;
  sensitive?: boolean;
}

const MOSQUE_NAMES = ['Al Fath', 'Mevlana', 'Al Ihsan', 'Selimiye', 'Al Houda', 'Yunus Emre', 'An-Nour', 'Al Amal', 'Ulu', 'Fatih'];
const DUTCH_LIST = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;

class VenueFactory {
  private readonly usedNames = new Set<string>();
  private readonly counters = new Map<string, number>();

  constructor(
    private readonly random: Random,
    private readonly edition: DemoEdition,
    private readonly slots: Slots,
    /** Keep venue names unique within a city (off for synthetic editions, for speed). */
    private readonly uniqueNames: boolean,
  ) {}

  make(host: VenueHost, place: Place, o: VenueOverrides = {}): DemoLocation {
    const { random } = this;
    const profile = VENUE_PROFILES[host.venueType];
    const status = o.status ?? 'PUBLISHED';
    const externalId = o.externalId ?? this.nextExternalId(host.slug, place);
    const meal = o.meal ?? random.weighted(profile.meals);
    const slot = o.slot
      ? {
          startsAt: zonedInstant(this.edition.date, o.slot[0], this.edition.timeZone).getTime(),
          endsAt: zonedInstant(this.edition.date, o.slot[1], this.edition.timeZone).getTime(),
        }
      : random.weighted(this.slots[meal]);
    const [low, high] = profile.capacity;
    const capacity = o.capacity ?? Math.max(10, Math.round((low * (high / low) ** random.next()) / 5) * 5);
    const participants =
      o.participants ?? (status === 'PUBLISHED' ? Math.round(capacity * (0.65 + 0.35 * random.next())) : 0);
    const targetGroups = o.targetGroups ?? this.targetGroups(profile.groups);
    const languages = o.languages ?? this.languages(host, profile.languages ?? COMMON_LANGUAGES);
    const { lat, lng } = o.coordinates ?? jitter(place, random);
    const wheelchair = random.next();
    return {
      organisationSlug: host.slug,
      externalId,
      name: o.name ?? this.venueName(host, place),
      street: o.street ?? `${random.pick(STREETS)} ${random.int(1, 180)}`,
      postalCode: o.postalCode ?? postalCode(place, random),
      city: place.name,
      region: place.region,
      country: 'NL',
      lat,
      lng,
      sensitive: o.sensitive ?? false,
      meal,
      startsAt: new Date(slot.startsAt),
      endsAt: new Date(slot.endsAt),
      capacity,
      participants,
      targetGroups,
      languages,
      wheelchairAccessible: o.wheelchairAccessible ?? (wheelchair < 0.75 ? true : wheelchair < 0.9 ? false : null),
      description: o.description ?? this.description(profile.sentences, targetGroups, languages),
      registrationUrl: random.chance(0.9)
        ? `https://aanmelden.example.org/${this.edition.slug}/${host.slug}/${encodeURIComponent(externalId)}`
        : null,
      status,
    };
  }

  private nextExternalId(orgSlug: string, place: Place): string {
    const key = `${orgSlug}|${place.id}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return `${slugify(place.name)}-${n}`;
  }

  private targetGroups(pool: readonly [TargetGroup, ...TargetGroup[]]): TargetGroup[] {
    const [first, ...rest] = pool;
    const chosen = new Set([first, ...this.random.sample(rest, this.random.int(1, 3))]);
    return TARGET_GROUPS.filter((group) => chosen.has(group));
  }

  private languages(host: VenueHost, pool: readonly (readonly [string, number])[]): string[] {
    const chosen = new Set(['nl', ...host.languages]);
    const extra = this.random.int(0, 3);
    for (let i = 0; i < extra; i++) chosen.add(this.random.weighted(pool));
    return [...chosen];
  }

  private description(sentences: readonly string[], groups: readonly TargetGroup[], languages: readonly string[]): string {
    const guests = DUTCH_LIST(groups.map((g) => TARGET_GROUP_LABELS[g].nl.toLowerCase()));
    const spoken = DUTCH_LIST(languages.map((l) => LANGUAGE_NAMES_NL[l] ?? l));
    return `${this.random.pick(sentences)} Aan tafel: ${guests}. Er wordt ${spoken} gesproken.`;
  }

  private venueName(host: VenueHost, place: Place): string {
    for (let attempt = 0; ; attempt++) {
      const name = this.drawName(host, place);
      if (!this.uniqueNames) return name;
      const key = `${place.id}|${name}`;
      if (!this.usedNames.has(key) || attempt >= 20) {
        const unique = this.usedNames.has(key) ? `${name} (${attempt})` : name;
        this.usedNames.add(`${place.id}|${unique}`);
        return unique;
      }
    }
  }

  private drawName(host: VenueHost, place: Place): string {
    const { random } = this;
    const community = () => random.pick(COMMUNITY_NAMES);
    switch (host.venueType) {
      case 'company':
      case 'cleaning':
        return `${random.pick(COMPANY_VENUES)} ${host.short} ${place.name}`;
      case 'charity':
        return place.population < 15_000
          ? `Dorpshuis ${community()}`
          : `${random.pick(COMMUNITY_BUILDINGS)} ${community()}`;
      case 'municipality':
        return random.chance(0.5)
          ? `${place.population >= 50_000 ? 'Stadhuis' : 'Gemeentehuis'} ${place.name}`
          : `Wijkcentrum ${community()}`;
      case 'ministry':
        return `Kantoor ${host.short} ${place.name}`;
      case 'mosque':
        return `Moskee ${random.pick(MOSQUE_NAMES)}`;
      case 'church':
        return `Kerkzaal ${community()}`;
      case 'school':
        return `Aula ${host.short}`;
      case 'care':
        return `Woonzorgcentrum ${community()}`;
      case 'azc':
        return `AZC ${place.name}`;
      case 'other':
        return `Clubhuis ${community()}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The demo edition

function website(slug: string, spec?: OrganisationSpec): string | null {
  return spec?.noWebsite ? null : `https://${slug}.example.org`;
}

function hostOf(spec: OrganisationSpec): VenueHost {
  return {
    slug: spec.slug,
    short: spec.short ?? spec.name,
    venueType: spec.venueType,
    languages: spec.languages ?? [],
  };
}

/** The seed texts' venues, with the numbers they give: as many places as people, all come. */
function seedVenues(factory: VenueFactory, host: (slug: string) => VenueHost): DemoLocation[] {
  return SEED_VENUES.map(({ organisation, city, people, slot, ...venue }) => {
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

/** Split `total` over keys in proportion to their weights (largest remainder). */
function apportion<K extends string>(total: number, weights: Record<K, number>): Record<K, number> {
  const keys = Object.keys(weights) as K[];
  const sum = keys.reduce((s, k) => s + weights[k], 0);
  const exact = keys.map((k) => ({ k, share: (total * weights[k]) / sum }));
  const result = {} as Record<K, number>;
  for (const { k, share } of exact) result[k] = Math.floor(share);
  let left = total - keys.reduce((s, k) => s + result[k], 0);
  for (const { k } of [...exact].sort((a, b) => (b.share % 1) - (a.share % 1) || a.k.localeCompare(b.k))) {
    if (left-- <= 0) break;
    result[k] += 1;
  }
  return result;
}

function generateEdition(seed: number, slug: string): DemoData {
  const random = createRandom(seed);
  const edition: DemoEdition = { slug, name: DEMO_EDITION_NAME, date: DEMO_DATE, timeZone: DEMO_TIME_ZONE, country: 'NL' };
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
  for (const town of AZC_TOWNS) fixed.push(factory.make(host('coa'), placeNamed(town), { sensitive: true }));

  // The rest by province, in proportion to where people live; in a province, by town size.
  const places = dutchPlaces();
  const population = Object.fromEntries(REGION_CODES.map((r) => [r, 0])) as Record<RegionCode, number>;
  for (const place of places) population[place.region] += place.population;
  const quotas = apportion(PUBLISHED_VENUES, population);
  for (const venue of fixed) quotas[venue.region as RegionCode] -= 1;

  const provincial = (region: RegionCode) =>
    ORGANISATIONS.find((spec) => typeof spec.home === 'object' && 'region' in spec.home && spec.home.region === region);
  const roaming = ORGANISATIONS.filter((spec) => spec.home === 'national' && spec.venueType !== 'azc');
  const counts = new Map<string, number>();
  const counted = (spec: OrganisationSpec): VenueHost => {
    counts.set(spec.slug, (counts.get(spec.slug) ?? 0) + 1);
    return hostOf(spec);
  };
  /** A national organisation or the province's own charity, favouring those with few venues so far. */
  const roamingHost = (region: RegionCode): VenueHost => {
    const own = provincial(region);
    const candidates = own ? [...roaming, own] : roaming;
    const weight = (spec: OrganisationSpec) => spec.venueType === 'cleaning' ? 1.4 : spec.home === 'national' ? 1 : 2;
    return counted(random.weighted(candidates.map((spec) => [spec, weight(spec) / (1 + (counts.get(spec.slug) ?? 0))] as const)));
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
  const factor = (TARGET_PARTICIPANTS - seedSum) / drawnSum;
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
  return { edition, organisations, locations, arrivals: arrivalsOf(locations, createRandom(seed ^ 0x5eed)) };
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
    if (venue.status !== 'PUBLISHED' || participants <= 0 || !venue.startsAt || !venue.externalId) continue;
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
    const times = deltas.map(() => start + triangular(random, -30, -5, 60) * 60_000).sort((a, b) => a - b);
    deltas.forEach((delta, i) => {
      const at = Math.round(times[i]! / 1000) * 1000;
      arrivals.push({
        arrival: { externalId: venue.externalId!, organisationSlug: venue.organisationSlug, at: new Date(at).toISOString(), delta },
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
  return u < split ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

// ---------------------------------------------------------------------------------------------
// Synthetic editions, for benchmarks

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
  COMPANY: ['Bouwbedrijf', 'Schoonmaakbedrijf', 'Cateringbedrijf', 'Adviesbureau', 'Transportbedrijf', 'Installatiebedrijf'],
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

function generateSynthetic(seed: number, venues: number, slug: string): DemoData {
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

  const organisationCount = Math.min(MAX_SYNTHETIC_ORGANISATIONS, Math.max(1, Math.round(venues / 3)));
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
    const venueType = kind === 'FAITH_COMMUNITY' && prefix === 'Moskee' ? 'mosque' : SYNTHETIC_VENUE_TYPE[kind];
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
    arrivals.push({ externalId: venue.externalId!, organisationSlug: venue.organisationSlug, at: new Date(at).toISOString(), delta: venue.participants });
  }
  arrivals.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { edition, organisations, locations, arrivals };
}
