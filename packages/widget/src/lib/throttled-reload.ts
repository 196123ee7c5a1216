/**
 * A refetch after live changes, at most once per interval: for an element whose numbers cannot
 * be read from the edition's stream (a filtered counter or chart), each message only says that
 * something changed. The first change after a quiet spell is fetched at once.
 */
export class ThrottledReload {
  #reload: () => void;
  #every: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #last = 0;

  constructor(reload: () => void, every: number) {
    this.#reload = reload;
    this.#every = every;
  }

  /** A fetch starts now (whoever started it): the next scheduled one waits from here. */
  started(): void {
    this.#last = Date.now();
  }

  /** Something changed: fetch once the interval since the last fetch has passed. */
  schedule(): void {
    if (this.#timer) return;
    const wait = Math.max(0, this.#last + this.#every - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#reload();
    }, wait);
  }

  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
