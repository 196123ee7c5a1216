/** The embed: `<script type="module" src=".../widget/tafel.js">` registers both elements. */
import './define.ts';

export { TafelMap } from './tafel-map.ts';
export type { TafelLocationSelectDetail, TafelLoadDetail } from './lib/events.ts';
export { TafelCounter } from './tafel-counter.ts';
