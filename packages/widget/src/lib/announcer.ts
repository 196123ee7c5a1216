/** What a screen reader is told, through the element's polite live region. */
import type { ReactiveControllerHost } from 'lit';

export class Announcer {
  #host: ReactiveControllerHost;
  /** The live region's words. */
  text = '';

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  announce(text: string): void {
    // Re-announce the same words: clear first, then set on the next frame.
    this.text = '';
    this.#host.requestUpdate();
    requestAnimationFrame(() => {
      this.text = text;
      this.#host.requestUpdate();
    });
  }
}
