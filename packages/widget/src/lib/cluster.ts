/**
 * The cluster index behind the map. It runs in an inline worker so that indexing 100,000 venues
 * never blocks the page; where the partner's Content-Security-Policy forbids `blob:` workers it
 * runs the same code on the main thread instead.
 */
import ClusterWorker from './cluster.worker.ts?worker&inline';
import { answer, type BBoxQuery, type Clusters, type Index, type Request } from './cluster-core.ts';

export { type Clusters, STRIDE } from './cluster-core.ts';

type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

export class ClusterIndex {
  #worker: Worker | undefined;
  #local: Index | undefined;
  #next = 1;
  #pending = new Map<number, { request: Request; resolve: (result: unknown) => void }>();
  /** The last load, replayed on the main thread if the worker dies before answering. */
  #lastLoad: Body<Request> | undefined;

  constructor() {
    try {
      this.#worker = new ClusterWorker();
      this.#worker.onmessage = ({ data }: MessageEvent<{ id: number; result: unknown }>) => {
        this.#pending.get(data.id)?.resolve(data.result);
        this.#pending.delete(data.id);
      };
      this.#worker.onerror = () => this.#fallBack();
    } catch {
      this.#worker = undefined; // blocked by CSP (worker-src): cluster on the main thread
    }
  }

  get offMainThread(): boolean {
    return this.#worker !== undefined;
  }

  load(coords: Float64Array, meals: Uint8Array): Promise<void> {
    this.#lastLoad = { type: 'load', coords, meals };
    return this.#send({
      type: 'load',
      coords: coords.slice(),
      meals: meals.slice(),
    }) as Promise<void>;
  }

  query(q: BBoxQuery): Promise<Clusters> {
    return this.#send({ type: 'query', ...q }) as Promise<Clusters>;
  }

  expansionZoom(cluster: number): Promise<number> {
    return this.#send({ type: 'expand', cluster }) as Promise<number>;
  }

  terminate(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#local = undefined;
    this.#pending.clear();
  }

  #send(body: Body<Request>): Promise<unknown> {
    const request = { ...body, id: this.#next++ } as Request;
    if (!this.#worker) return Promise.resolve(this.#answerLocally(request));
    return new Promise((resolve) => {
      this.#pending.set(request.id, { request, resolve });
      const transfer = request.type === 'load' ? [request.coords.buffer, request.meals.buffer] : [];
      this.#worker!.postMessage(request, transfer);
    });
  }

  #answerLocally(request: Request): unknown {
    const { index, result } = answer(this.#local, request);
    if (index) this.#local = index;
    return result;
  }

  #fallBack(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    if (this.#lastLoad) this.#answerLocally({ ...this.#lastLoad, id: 0 } as Request);
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const { request, resolve } of pending)
      resolve(request.type === 'load' ? null : this.#answerLocally(request));
  }
}
