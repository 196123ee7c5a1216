/**
 * The programme's own embed: `<script type="module" src=".../widget/tafel-programme.js">`
 * registers `<tafel-programme>`, apart from `tafel.js` so that a page with a programme loads no
 * map. Loading it twice is harmless: the first registration wins.
 */
import { TafelProgramme } from './tafel-programme.ts';

if (!customElements.get('tafel-programme'))
  customElements.define('tafel-programme', TafelProgramme);

export { TafelProgramme };
