/**
 * A Vite plugin that turns Natural Earth country shapes (the `world-atlas` package, public domain)
 * into a tiny outline module, `virtual:tafel-outline`, at build time. The widget draws it under
 * the markers so that the map still shows where things are when no tile can load.
 *
 * Only the European parts of the countries an edition can be held in are kept, simplified with
 * Douglas–Peucker and rounded to 0.01° (about a kilometre): a light outline, not a basemap.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Plugin } from 'vite';

const ID = 'virtual:tafel-outline';
const RESOLVED = `\0${ID}`;

/** ISO 3166 numeric codes of the countries in the contract's vocabulary: NL, BE, DE, DK. */
const COUNTRIES = ['528', '056', '276', '208'];
/** Europe only: the Caribbean Netherlands and Greenland stay out. */
const EUROPE = { west: -10, east: 30, south: 45, north: 60 };
const TOLERANCE = 0.02;

type Point = [number, number];

function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    const [ax, ay] = points[first]!;
    const [bx, by] = points[last]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let worst = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i]!;
      // A closed ring starts and ends on one point: measure from that point instead of a line.
      const distance = length
        ? Math.abs(dy * px - dx * py + bx * ay - by * ax) / length
        : Math.hypot(px - ax, py - ay);
      if (distance > worst) [worst, index] = [distance, i];
    }
    if (index > 0 && worst > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function inEurope(ring: Point[]): boolean {
  return ring.every(
    ([x, y]) => x > EUROPE.west && x < EUROPE.east && y > EUROPE.south && y < EUROPE.north,
  );
}

/**
 * Rings as flat arrays of hundredths of a degree: [lat0, lng0, lat1, lng1, ...]; of the given
 * countries (ISO 3166 numeric codes), by default all four.
 */
export function outlineRings(codes: readonly string[] = COUNTRIES): number[][] {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Topology;
  const countries = topology.objects['countries'] as GeometryCollection;
  const rings: number[][] = [];
  for (const geometry of countries.geometries) {
    if (!codes.includes(String(geometry.id))) continue;
    const shape = (feature(topology, geometry) as GeoJSON.Feature).geometry;
    const polygons =
      shape.type === 'Polygon'
        ? [shape.coordinates]
        : shape.type === 'MultiPolygon'
          ? shape.coordinates
          : [];
    for (const polygon of polygons) {
      const outer = polygon[0] as Point[];
      if (!inEurope(outer)) continue;
      const simple = simplify(outer, TOLERANCE);
      if (simple.length < 4) continue;
      rings.push(simple.flatMap(([x, y]) => [Math.round(y * 100), Math.round(x * 100)]));
    }
  }
  return rings;
}

/**
 * A ring as an encoded polyline (Google's algorithm, at 0.01° precision): each value is the
 * difference from the previous point, zigzagged and written in 5-bit groups as printable ASCII.
 * About a third of the size of the same numbers as JSON.
 */
export function encodeRing(ring: number[]): string {
  let out = '';
  const previous = [0, 0];
  for (let i = 0; i < ring.length; i += 2) {
    for (const k of [0, 1]) {
      const value = ring[i + k]!;
      let delta = value - previous[k]!;
      previous[k] = value;
      delta = delta < 0 ? ~(delta << 1) : delta << 1;
      while (delta >= 0x20) {
        out += String.fromCharCode((0x20 | (delta & 0x1f)) + 63);
        delta >>= 5;
      }
      out += String.fromCharCode(delta + 63);
    }
  }
  return out;
}

export function outline(): Plugin {
  return {
    name: 'tafel-outline',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: (id) =>
      id === RESOLVED
        ? `export default ${JSON.stringify(outlineRings().map(encodeRing))};`
        : undefined,
  };
}
