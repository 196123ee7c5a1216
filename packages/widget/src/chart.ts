/**
 * The chart's own embed: `<script type="module" src=".../widget/tafel-chart.js">` registers
 * `<tafel-chart>`, apart from `tafel.js` so that a page with a map loads no chart library and a
 * page with a chart no map. Loading it twice is harmless: the first registration wins.
 */
import { TafelChart } from './tafel-chart.ts';

if (!customElements.get('tafel-chart')) customElements.define('tafel-chart', TafelChart);

export { TafelChart };
