/**
 * Registers the elements. A partner page may load the script twice (or two versions of it):
 * the first registration wins and the second load changes nothing.
 */
import { TafelCounter } from './tafel-counter.ts';
import { TafelMap } from './tafel-map.ts';

if (!customElements.get('tafel-map')) customElements.define('tafel-map', TafelMap);
if (!customElements.get('tafel-counter')) customElements.define('tafel-counter', TafelCounter);
