/** The embed: `<script type="module" src=".../widget/tafel.js">` registers both elements. */
import './define.ts';

export type { TafelLoadDetail, TafelLocationSelectDetail } from './lib/events.ts';
export { TafelCounter } from './tafel-counter.ts';
export { TafelMap } from './tafel-map.ts';
