/** /join: the page's one element. */
import './join-page.ts';
