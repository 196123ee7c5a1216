/**
 * `geocode` and `regionAt`: finding a venue's place by its address and the region of a point,
 * for the venue form (graphql/geocoder.ts). Only for a key or a signed-in person: the geocoder
 * behind it is someone else's service, not for the public to query through us.
 */
import { COUNTRY_CODES } from '../../locations/fields.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { type GeocodeHit, geocode, suggestedRegion } from '../geocoder.ts';

const GeocodeSourceEnum = builder.enumType('GeocodeSource', {
  description: 'Where a found place came from.',
  values: {
    GEOCODER: {
      description:
        'The configured geocoder (TAFEL_GEOCODER_NL_URL for the Netherlands, else TAFEL_GEOCODER_URL): an address.',
    },
    PLACES: {
      description: 'The GeoNames places the API ships: a town’s centre; drag the pin to the door.',
    },
  } as const,
});

const GeocodeHitRef = builder.objectRef<GeocodeHit>('GeocodeHit').implement({
  description: 'A place found for an address: a point, and the address parts known for it.',
  fields: (t) => ({
    label: t.exposeString('label', { description: 'The place, as a person reads it.' }),
    lat: t.exposeFloat('lat', { description: 'Latitude.' }),
    lng: t.exposeFloat('lng', { description: 'Longitude.' }),
    street: t.exposeString('street', { nullable: true, description: 'Street and number.' }),
    postalCode: t.exposeString('postalCode', { nullable: true, description: 'Postal code.' }),
    city: t.exposeString('city', { nullable: true, description: 'City or village.' }),
    region: t.exposeString('region', {
      nullable: true,
      description: 'ISO 3166-2 region the point lies in, where known (a suggestion).',
    }),
    country: t.exposeString('country', { description: 'ISO 3166-1 alpha-2.' }),
    source: t.field({ type: GeocodeSourceEnum, resolve: (h) => h.source }),
  }),
});

const GeocodeResultRef = builder
  .objectRef<{ hits: GeocodeHit[]; failed: boolean }>('GeocodeResult')
  .implement({
    description: 'The places found for an address.',
    fields: (t) => ({
      hits: t.field({
        type: [GeocodeHitRef],
        description: 'Up to five places, best first.',
        resolve: (r) => r.hits,
      }),
      geocoderFailed: t.exposeBoolean('failed', {
        description:
          'The configured geocoder did not answer; these are the shipped places instead.',
      }),
    }),
  });

function checkCountry(country: string): string {
  const code = country.trim().toUpperCase();
  if (!COUNTRY_CODES.has(code)) throw badInput('country', 'an ISO 3166-1 alpha-2 code, e.g. NL.');
  return code;
}

builder.queryFields((t) => ({
  geocode: t.field({
    type: GeocodeResultRef,
    description:
      'Find places for an address (a key or a signed-in person): the configured geocoder, or the towns the API ships.',
    args: {
      query: t.arg.string({
        required: true,
        description: 'An address or a town, 2–200 characters.',
      }),
      country: t.arg.string({ defaultValue: 'NL', description: 'ISO 3166-1 alpha-2.' }),
    },
    authScopes: { authenticated: true },
    resolve: (_root, args, ctx) => {
      const query = args.query.trim();
      if (query.length < 2 || query.length > 200)
        throw badInput('query', 'between 2 and 200 characters.');
      return geocode(ctx.geocoders, query, checkCountry(args.country ?? 'NL'));
    },
  }),
  regionAt: t.string({
    nullable: true,
    description:
      'The region (ISO 3166-2) a point most likely lies in, from the nearest known place of the country (the Netherlands, Denmark and Germany); null where unknown or farther than about 50 km from the country. A suggestion for the venue form.',
    args: {
      lat: t.arg.float({ required: true, description: 'Latitude.' }),
      lng: t.arg.float({ required: true, description: 'Longitude.' }),
      country: t.arg.string({ defaultValue: 'NL', description: 'ISO 3166-1 alpha-2.' }),
    },
    authScopes: { authenticated: true },
    resolve: (_root, args) => {
      if (Math.abs(args.lat) > 90 || Math.abs(args.lng) > 180)
        throw badInput('lat', 'latitude −90…90 and longitude −180…180.');
      return suggestedRegion(args.lat, args.lng, checkCountry(args.country ?? 'NL'));
    },
  }),
}));
