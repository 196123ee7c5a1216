import { builder } from '../builder.ts';
import { MealEnum, TargetGroupEnum } from './enums.ts';

export const BBoxInput = builder.inputType('BBox', {
  description: 'A box in decimal degrees; south ≤ north and west ≤ east.',
  fields: (t) => ({
    south: t.float({ required: true, description: 'Southern edge (latitude).' }),
    west: t.float({ required: true, description: 'Western edge (longitude).' }),
    north: t.float({ required: true, description: 'Northern edge (latitude).' }),
    east: t.float({ required: true, description: 'Eastern edge (longitude).' }),
  }),
});

export const NearInput = builder.inputType('Near', {
  description: 'A circle: venues within radiusKm of a point.',
  fields: (t) => ({
    lat: t.float({ required: true, description: 'Latitude of the centre.' }),
    lng: t.float({ required: true, description: 'Longitude of the centre.' }),
    radiusKm: t.float({
      required: true,
      description: 'Radius in kilometres, more than 0 and at most 500.',
    }),
  }),
});

export const LocationFilterInput = builder.inputType('LocationFilter', {
  description:
    'Narrow a list of venues. Every part given must match; list parts match any of their values.',
  fields: (t) => ({
    bbox: t.field({
      type: BBoxInput,
      description: 'Only venues inside this box (a map viewport).',
    }),
    near: t.field({ type: NearInput, description: 'Only venues within a radius of a point.' }),
    organisation: t.string({ description: 'Only this organisation’s venues (its slug).' }),
    region: t.string({ description: 'Only this region (ISO 3166-2 code, e.g. `NL-UT`).' }),
    city: t.string({ description: 'Only this city (case-insensitive, exact name).' }),
    meals: t.field({ type: [MealEnum], description: 'Only these meals.' }),
    targetGroups: t.field({
      type: [TargetGroupEnum],
      description: 'Only venues welcoming any of these groups.',
    }),
    ownTargetGroups: t.stringList({
      description:
        'Only venues naming any of these of their federation’s own target groups (codes, at most 30); with `targetGroups`, venues welcoming any group of either list.',
    }),
    languages: t.stringList({
      description:
        'Only venues speaking any of these languages (ISO 639 codes as `Location.languages`, at most 20).',
    }),
    interpreter: t.boolean({
      description:
        'true: only venues with an interpreter (`interpreters` above 0); false: only venues stating none.',
    }),
    interpreterLanguage: t.string({
      description: 'Only venues with an interpreter for this language (an ISO 639 code).',
    }),
    wheelchairAccessible: t.boolean({
      description:
        'Only venues stating step-free access (true) or its lack (false); a venue that states nothing matches neither.',
    }),
    hearingLoop: t.boolean({
      description:
        'Only venues stating a hearing loop (true) or none (false); a venue that states nothing matches neither.',
    }),
    cookedByGuests: t.boolean({
      description: 'Only venues where the guests cook (true), or where they do not (false).',
    }),
    search: t.string({
      description: 'Part of the name, city or postal code (at most 100 characters).',
    }),
  }),
});
