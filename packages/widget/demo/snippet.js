// The embed snippets, built in one place for the demo page, the docs and the tests.
//
// The elements take no room until their script has defined them, and everything below them
// would jump when it arrives (a partner's cumulative layout shift). The style rules reserve
// each element's default box first: the map's height (480 px unless --tafel-map-height), the
// counter's three lines (measured in Chromium at its default 14 px font). The counter's rule
// holds after definition too, so the line of venues that arrives with the data moves nothing.
// The map's rule has no specificity (:where), so a page's own `tafel-map { height: … }` wins.

/** The rules that reserve the elements' boxes, for a `<style>` or a partner's own stylesheet. */
export const RESERVE_CSS =
  ':where(tafel-map:not(:defined)){display:block;height:var(--tafel-map-height,480px)}' +
  'tafel-counter{display:inline-block;min-height:80px}';

const LINK_TEXT = {
  nl: 'Alle locaties als lijst',
  en: 'All venues as a list',
  de: 'Alle Orte als Liste',
  da: 'Alle steder som liste',
};

/** A link to the edition's plain HTML page, for visitors without JavaScript. */
export function noscript(origin, edition, lang = 'nl') {
  return `<noscript><a href="${origin}/editions/${edition}?lang=${lang}">${LINK_TEXT[lang] ?? LINK_TEXT.nl}</a></noscript>`;
}

/** The script tag and the style rules: once per page, in its <head> or before the first element. */
export function head(origin) {
  return `<style>${RESERVE_CSS}</style>\n<script type="module" src="${origin}/widget/tafel.js"></script>`;
}

export function mapTag(origin, edition, lang = 'nl') {
  return `<tafel-map endpoint="${origin}/graphql" edition="${edition}" lang="${lang}"></tafel-map>\n${noscript(origin, edition, lang)}`;
}

export function counterTag(origin, edition, lang = 'nl') {
  return `<tafel-counter endpoint="${origin}/graphql" edition="${edition}" lang="${lang}"></tafel-counter>`;
}
