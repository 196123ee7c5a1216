/** The clustering worker: builds and queries the index off the main thread. */
import { answer, type Index, type Request } from './cluster-core.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};
let index: Index | undefined;

scope.onmessage = ({ data }) => {
  const { index: next, result } = answer(index, data);
  if (next) index = next;
  scope.postMessage({ id: data.id, result }, result instanceof Float64Array ? [result.buffer] : []);
};
