/**
 * What each field of the public read types is in SQL, for the compiler (compile.ts). Every rule
 * gives exactly what the field's resolver gives — the same visibility and privacy rules, the same
 * formats — and the golden answers (test/golden.test.ts) hold both to it.
 */
import { COUNTRY_CODES, type Lang, regionName, regionsOf } from '@tafel/schema';
import { type SQL, sql } from 'drizzle-orm';
import { editions, locationCohosts, locations, organisations } from '../../db/schema.ts';
import { federationEditions } from '../../locations/federation-scope.ts';
import { publicVenue } from '../../locations/visibility.ts';
import type { Context } from '../context.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../paging.ts';
import { type Compiler, type FieldRule, literal, type Row, type TypeRules } from './compile.ts';

type L = typeof locations;
type O = typeof organisations;
type E = typeof editions;

/** A column as it is. */
const column =
  <T>(pick: (t: T) => unknown): FieldRule =>
  (_f, row) =>
    sql`${pick(row.t as T)}`;

/** An instant as `DateTime` prints it: ISO 8601 in UTC with milliseconds, like `Date#toISOString`. */
export function isoInstant(value: unknown): SQL {
  return sql`to_char(${value} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

const instant =
  <T>(pick: (t: T) => unknown): FieldRule =>
  (_f, row) =>
    isoInstant(pick(row.t as T));

/** A Relay global ID as global-id.ts encodes it: base64url of `Type:id`, unpadded. */
function globalId(typename: string): FieldRule {
  return (_f, row) =>
    sql`rtrim(translate(encode(convert_to(${literal(typename)} || ':' || ${(row.t as { id: unknown }).id}, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;
}

/** May this viewer see the venue's private parts (its exact place)? `readsAsHost` in SQL. */
function seesPrivate(ctx: Context, t: L): SQL {
  if (!ctx.viewer) return sql`false`;
  if (ctx.viewer.organisation === null) {
    const federation = ctx.viewer.federation;
    return federation ? sql`(${t.editionId} IN ${federationEditions(federation.id)})` : sql`true`;
  }
  // Its co-hosts read it as its host does (location.ts `readsAsHost`).
  return sql`(${t.organisationId} = ${ctx.viewer.organisation.id} OR EXISTS (SELECT 1 FROM ${locationCohosts} WHERE ${locationCohosts.locationId} = ${t.id} AND ${locationCohosts.organisationId} = ${ctx.viewer.organisation.id}))`;
}

/** Does the viewer get the venue's exact place? As location.ts's `exact`. */
function exact(c: Compiler, row: Row): SQL {
  const t = row.t as L;
  return sql`(NOT ${t.sensitive} OR ${seesPrivate(c.ctx, t)})`;
}

/** Every region's name in a language (or its country's, for `default`), as SQL CASE branches. */
const regionCases = new Map<Lang | 'default', SQL>();
function regionCasesFor(lang: Lang | 'default'): SQL {
  let cases = regionCases.get(lang);
  if (!cases) {
    const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
    cases = sql.raw(
      COUNTRY_CODES.flatMap((country) => regionsOf(country))
        .map(
          ({ code }) =>
            `WHEN ${quote(code)} THEN ${quote(regionName(code, lang === 'default' ? undefined : lang))}`,
        )
        .join(' '),
    );
    regionCases.set(lang, cases);
  }
  return cases;
}

/** The region's name, as Address.regionName: the code itself when it names no known region. */
function regionNameSql(region: unknown, lang: Lang | null | undefined): SQL {
  return sql`CASE ${region} ${regionCasesFor(lang ?? 'default')} ELSE ${region} END`;
}

/** The fields of Address and Coordinates are the venue row's, under the viewer's privacy rule. */
const address: TypeRules = {
  street: (_f, row, c) => sql`CASE WHEN ${exact(c, row)} THEN ${(row.t as L).street} END`,
  postalCode: (_f, row, c) => sql`CASE WHEN ${exact(c, row)} THEN ${(row.t as L).postalCode} END`,
  city: column<L>((t) => t.city),
  region: column<L>((t) => t.region),
  regionName: (f, row) =>
    regionNameSql((row.t as L).region, (f.args() as { lang?: Lang | null }).lang),
  country: column<L>((t) => t.country),
};

/**
 * A float as JSON.stringify writes it, for the spliced answer: PostgreSQL writes the same
 * shortest digits, but `1e-05` where JavaScript writes `0.00001`, `1e-07` for `1e-7`, and `-0`.
 */
function jsFloat(value: SQL): SQL {
  return sql`(SELECT CASE WHEN v = 0 THEN '0'::json WHEN abs(v) >= 1e-4 THEN to_json(v) ELSE (SELECT (CASE WHEN m[3]::int <= 6 THEN m[1] || '0.' || repeat('0', m[3]::int - 1) || replace(m[2], '.', '') ELSE m[1] || m[2] || 'e-' || m[3]::int END)::json FROM regexp_match(v::text, '^(-?)([0-9.]+)e-([0-9]+)$') m) END FROM (SELECT ${value} AS v) f)`;
}

const float =
  (pick: (row: Row, c: Compiler) => SQL): FieldRule =>
  (_f, row, c) =>
    c.spliced ? jsFloat(pick(row, c)) : pick(row, c);

const coordinates: TypeRules = {
  lat: float(
    (row, c) =>
      sql`CASE WHEN ${exact(c, row)} THEN ${(row.t as L).lat} ELSE ${(row.t as L).publicLat} END`,
  ),
  lng: float(
    (row, c) =>
      sql`CASE WHEN ${exact(c, row)} THEN ${(row.t as L).lng} ELSE ${(row.t as L).publicLng} END`,
  ),
};

const location: TypeRules = {
  id: globalId('Location'),
  externalId: column<L>((t) => t.externalId),
  name: column<L>((t) => t.name),
  status: column<L>((t) => t.status),
  schedule: column<L>((t) => t.schedule),
  organisation: (f, row, c) =>
    c.relation(
      f,
      row,
      'Organisation',
      organisations,
      (o) => sql`${o.id} = ${(row.t as L).organisationId}`,
    ),
  edition: (f, row, c) =>
    c.relation(f, row, 'Edition', editions, (e) => sql`${e.id} = ${(row.t as L).editionId}`),
  // As location.ts's relation: by name, then id.
  cohosts: (f, row, c) =>
    c.list(
      f,
      'Organisation',
      organisations,
      (o) =>
        sql`${o.id} IN (SELECT ${locationCohosts.organisationId} FROM ${locationCohosts} WHERE ${locationCohosts.locationId} = ${(row.t as L).id})`,
      (o) => sql`${o.name}, ${o.id}`,
    ),
  address: (f, row, c) => c.object('Address', f.nodes, row),
  coordinates: (f, row, c) => c.object('Coordinates', f.nodes, row),
  locationPrecision: (_f, row, c) =>
    sql`CASE WHEN ${exact(c, row)} THEN 'EXACT' ELSE 'APPROXIMATE' END`,
  sensitive: column<L>((t) => t.sensitive),
  meal: column<L>((t) => t.meal),
  startsAt: instant<L>((t) => t.startsAt),
  endsAt: instant<L>((t) => t.endsAt),
  capacity: column<L>((t) => t.capacity),
  participants: column<L>((t) => t.participants),
  expected: column<L>((t) => t.expected),
  targetGroups: column<L>((t) => t.targetGroups),
  ownTargetGroups: column<L>((t) => t.ownTargetGroups),
  languages: column<L>((t) => t.languages),
  wheelchairAccessible: column<L>((t) => t.wheelchairAccessible),
  hearingLoop: column<L>((t) => t.hearingLoop),
  accessibilityNote: column<L>((t) => t.accessibilityNote),
  interpreters: column<L>((t) => t.interpreters),
  interpreterLanguages: column<L>((t) => t.interpreterLanguages),
  support: column<L>((t) => t.support),
  cookedByGuests: column<L>((t) => t.cookedByGuests),
  // As location.ts's describedIn: the translation in `lang` where there is one, else the original.
  // (`descriptions`, a list of objects in a JSON column, is left to its resolver.)
  description: (f, row) => {
    const t = row.t as L;
    const lang = (f.args() as { lang?: string | null }).lang;
    if (!lang) return sql`${t.description}`;
    return sql`coalesce((SELECT d->>'text' FROM jsonb_array_elements(${t.descriptions}) d WHERE d->>'lang' = lower(trim(${lang})) LIMIT 1), ${t.description})`;
  },
  registrationUrl: column<L>((t) => t.registrationUrl),
  awaitingApproval: column<L>((t) => t.awaitingApproval),
  createdAt: instant<L>((t) => t.createdAt),
  updatedAt: instant<L>((t) => t.updatedAt),
};

/** Venues ordered by id, as the lists and the drizzle plugin order them. */
export function byId(t: L) {
  return [
    {
      column: t.id,
      direction: 'asc' as const,
      chunk: sql`'N:' || ${t.id}`,
      type: 'number' as const,
    },
  ];
}

const organisation: TypeRules = {
  id: globalId('Organisation'),
  slug: column<O>((t) => t.slug),
  name: column<O>((t) => t.name),
  kind: column<O>((t) => t.kind),
  website: column<O>((t) => t.website),
  logoUrl: column<O>((t) => t.logoUrl),
  // No `contact`: it is not public, and a query asking for it is left to its resolver's check
  // (organisation-profile.ts).
  // As organisation.ts's relatedConnection: the organisation's public venues of the edition named.
  locations: (f, row, c) => {
    const args = f.args() as { edition: string };
    const from = c.source(locations, 'l');
    const l = from.t;
    return c.connection(
      f,
      'OrganisationLocationsConnection',
      {
        from,
        where: sql`${l.organisationId} = ${(row.t as O).id} AND ${l.editionId} = (SELECT id FROM editions WHERE slug = ${args.edition}) AND ${publicVenue(l)}`,
        order: byId(l),
        node: 'Location',
        defaultSize: DEFAULT_PAGE_SIZE,
        maxSize: MAX_PAGE_SIZE,
      },
      args,
    );
  },
};

const edition: TypeRules = {
  id: globalId('Edition'),
  slug: column<E>((t) => t.slug),
  name: column<E>((t) => t.name),
  date: (_f, row) => sql`to_char(${(row.t as E).date}, 'YYYY-MM-DD')`,
  endDate: (_f, row) => sql`to_char(${(row.t as E).endDate}, 'YYYY-MM-DD')`,
  timeZone: column<E>((t) => t.timeZone),
  country: column<E>((t) => t.country),
  status: column<E>((t) => t.status),
  requireApproval: column<E>((t) => t.requireApproval),
  statusReason: column<E>((t) => t.statusReason),
  postponedFrom: (_f, row) => sql`to_char(${(row.t as E).postponedFrom}, 'YYYY-MM-DD')`,
};

/** `__typename` of any compiled object. */
function withTypename(typename: string, rules: TypeRules): TypeRules {
  return { ...rules, __typename: () => literal(typename) };
}

export const RULES: Record<string, TypeRules> = {
  Location: withTypename('Location', location),
  Organisation: withTypename('Organisation', organisation),
  Edition: withTypename('Edition', edition),
  Address: withTypename('Address', address),
  Coordinates: withTypename('Coordinates', coordinates),
};
