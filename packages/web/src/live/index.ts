/** /live/<edition>: the page's one element. */
import './live-page.ts';
