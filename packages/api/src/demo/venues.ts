/** One demo venue, drawn from its host organisation's profile at a place. */
import { type Meal, TARGET_GROUP_LABELS, TARGET_GROUPS, type TargetGroup } from '@tafel/schema';
import {
  COMMON_LANGUAGES,
  COMMUNITY_BUILDINGS,
  COMMUNITY_NAMES,
  COMPANY_VENUES,
  LANGUAGE_NAMES_NL,
  type OrganisationSpec,
  STREETS,
  slugify,
  VENUE_PROFILES,
  type VenueType,
} from './catalogue.ts';
import type { DemoEdition, DemoLocation } from './data.ts';
import { jitter, type Place, postalCode } from './places.ts';
import type { Random } from './random.ts';
import { type Slots, zonedInstant } from './time.ts';

export interface VenueHost {
  slug: string;
  short: string;
  venueType: VenueType;
  languages: readonly string[];
}

export interface VenueOverrides {
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

const MOSQUE_NAMES = [
  'Al Fath',
  'Mevlana',
  'Al Ihsan',
  'Selimiye',
  'Al Houda',
  'Yunus Emre',
  'An-Nour',
  'Al Amal',
  'Ulu',
  'Fatih',
];
const DUTCH_LIST = (items: readonly string[]) =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;

export class VenueFactory {
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
    const capacity =
      o.capacity ?? Math.max(10, Math.round((low * (high / low) ** random.next()) / 5) * 5);
    const participants =
      o.participants ??
      (status === 'PUBLISHED' ? Math.round(capacity * (0.65 + 0.35 * random.next())) : 0);
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
      wheelchairAccessible:
        o.wheelchairAccessible ?? (wheelchair < 0.75 ? true : wheelchair < 0.9 ? false : null),
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

  private description(
    sentences: readonly string[],
    groups: readonly TargetGroup[],
    languages: readonly string[],
  ): string {
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

export function website(slug: string, spec?: OrganisationSpec): string | null {
  return spec?.noWebsite ? null : `https://${slug}.example.org`;
}

export function hostOf(spec: OrganisationSpec): VenueHost {
  return {
    slug: spec.slug,
    short: spec.short ?? spec.name,
    venueType: spec.venueType,
    languages: spec.languages ?? [],
  };
}
