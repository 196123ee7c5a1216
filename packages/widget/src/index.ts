/** The embed: `<script type="module" src=".../widget/tafel.js">` registers both elements. */
import './define.ts';

export { TafelMap, type TafelLocationSelectDetail, type TafelLoadDetail } from './tafel-map.ts';
export { TafelCounter } from './tafel-counter.ts';
