/**
 * Registers the elements. A partner page may load the script twice (or two versions of it):
 * the first registration wins and the second load changes nothing.
 */
import { TafelCounter } from './tafel-counter.ts';
import { TafelMap } from './tafel-map.ts';

const elements: [string, CustomElementConstructor][] = [
  ['tafel-map', TafelMap],
  ['tafel-counter', TafelCounter],
];

for (const [name, element] of elements) {
  if (!customElements.get(name)) customElements.define(name, element);
}
