/**
 * The stories' own embed: `<script type="module" src=".../widget/tafel-stories.js">` registers
 * `<tafel-stories>`, apart from `tafel.js` so that a page with a map carries no stories and a
 * page with stories no map. Loading it twice is harmless: the first registration wins.
 */
import { TafelStories } from './tafel-stories.ts';

if (!customElements.get('tafel-stories')) customElements.define('tafel-stories', TafelStories);

export { TafelStories };
