/**
 * The clustering that both the worker and the main-thread fallback run: supercluster over the
 * venues' coordinates, each cluster carrying how many of its venues serve each meal.
 */
import Supercluster, {
  type PointFeature,
  type ClusterProperties as SuperclusterProps,
} from 'supercluster';

interface PointProps {
  i: number;
  m: number;
}
/** Counts per meal, in the order of MEALS. */
interface ClusterProps {
  c0: number;
  c1: number;
  c2: number;
  c3: number;
}

export type Index = Supercluster<PointProps, ClusterProps>;

/** Values per entry of a query's result. */
export const STRIDE = 8;
/**
 * A query's result, flat for a cheap transfer from the worker: per entry
 * `lng, lat, count, id, breakfasts, lunches, dinners, others`, where `id` is the venue's
 * position in the loaded arrays when `count` is 1 and the cluster's id otherwise.
 */
export type Clusters = Float64Array;

export interface BBoxQuery {
  west: number;
  south: number;
  east: number;
  north: number;
  zoom: number;
}

export function createIndex(coords: Float64Array, meals: Uint8Array): Index {
  const features: PointFeature<PointProps>[] = new Array(meals.length);
  for (let i = 0; i < meals.length; i++) {
    features[i] = {
      type: 'Feature',
      properties: { i, m: meals[i]! },
      geometry: { type: 'Point', coordinates: [coords[2 * i]!, coords[2 * i + 1]!] },
    };
  }
  const index: Index = new Supercluster<PointProps, ClusterProps>({
    radius: 80,
    maxZoom: 16,
    map: (p) => ({ c0: +(p.m === 0), c1: +(p.m === 1), c2: +(p.m === 2), c3: +(p.m === 3) }),
    reduce: (a, b) => {
      a.c0 += b.c0;
      a.c1 += b.c1;
      a.c2 += b.c2;
      a.c3 += b.c3;
    },
  });
  return index.load(features);
}

export function queryIndex(index: Index, q: BBoxQuery): Clusters {
  const found = index.getClusters([q.west, q.south, q.east, q.north], Math.round(q.zoom));
  const out = new Float64Array(found.length * STRIDE);
  found.forEach((f, k) => {
    const o = k * STRIDE;
    const [lng, lat] = f.geometry.coordinates as [number, number];
    out[o] = lng;
    out[o + 1] = lat;
    const p = f.properties as Partial<SuperclusterProps & ClusterProps & PointProps>;
    if (p.cluster) {
      out[o + 2] = p.point_count!;
      out[o + 3] = p.cluster_id!;
      out[o + 4] = p.c0!;
      out[o + 5] = p.c1!;
      out[o + 6] = p.c2!;
      out[o + 7] = p.c3!;
    } else {
      out[o + 2] = 1;
      out[o + 3] = p.i!;
      out[o + 4 + p.m!] = 1;
    }
  });
  return out;
}

export type Request =
  | { id: number; type: 'load'; coords: Float64Array; meals: Uint8Array }
  | ({ id: number; type: 'query' } & BBoxQuery)
  | { id: number; type: 'expand'; cluster: number };

/** Answers one request; shared by the worker and the main-thread fallback. */
export function answer(
  index: Index | undefined,
  request: Request,
): { index?: Index; result: Clusters | number | null } {
  switch (request.type) {
    case 'load':
      return { index: createIndex(request.coords, request.meals), result: null };
    case 'query':
      return { result: index ? queryIndex(index, request) : new Float64Array(0) };
    case 'expand':
      return { result: index ? index.getClusterExpansionZoom(request.cluster) : 0 };
  }
}
