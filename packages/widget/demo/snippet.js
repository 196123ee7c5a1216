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
  const href = `${origin}/editions/${encodeURIComponent(edition)}?lang=${encodeURIComponent(lang)}`;
  return `<noscript><a href="${escapeAttribute(href)}">${LINK_TEXT[lang] ?? LINK_TEXT.nl}</a></noscript>`;
}

/** The map's default height in pixels (the element's own, and the reserved box's). */
export const DEFAULT_HEIGHT = 480;

/** Where the map's tiles come from unless `tile-url` says otherwise (the element's DEFAULT_TILE_URL). */
export const TILE_ORIGIN = 'https://tile.openstreetmap.org';

/** A value inside a double-quoted HTML attribute. */
export const escapeAttribute = (value) =>
  String(value)
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

/**
 * The style rules of the snippet: the reserved boxes, and a chosen map height through the
 * custom property both the reserved box and the defined element read.
 */
export function styleRules(height = DEFAULT_HEIGHT) {
  // The height is a number of pixels: Number() keeps anything else out of the rules.
  return height === DEFAULT_HEIGHT
    ? RESERVE_CSS
    : `${RESERVE_CSS}tafel-map{--tafel-map-height:${Number(height)}px}`;
}

/**
 * The script tag and the style rules: once per page, in its <head> or before the first element.
 * @param {string} origin @param {{ height?: number }} [options]
 */
export function head(origin, { height = DEFAULT_HEIGHT } = {}) {
  return `<style>${styleRules(height)}</style>\n<script type="module" src="${origin}/widget/tafel.js"></script>`;
}

/**
 * ` name="value"` for each attribute that has a value, in the given order; ` name` alone for a
 * boolean attribute given as `true`.
 * @param {Record<string, string | number | boolean | undefined>} attributes
 */
function attributeList(attributes) {
  return Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== null && value !== '' && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
}

/**
 * The map and its <noscript> link; `presets` are further attributes (organisation, meals, …).
 * @param {string} origin @param {string} edition @param {string} [lang]
 * @param {Record<string, string | number | boolean | undefined>} [presets]
 */
export function mapTag(origin, edition, lang = 'nl', presets = {}) {
  const attributes = attributeList({ endpoint: `${origin}/graphql`, edition, lang, ...presets });
  return `<tafel-map${attributes}></tafel-map>\n${noscript(origin, edition, lang)}`;
}

/**
 * @param {string} origin @param {string} edition @param {string} [lang]
 * @param {Record<string, string | number | undefined>} [presets]
 */
export function counterTag(origin, edition, lang = 'nl', presets = {}) {
  return `<tafel-counter${attributeList({ endpoint: `${origin}/graphql`, edition, lang, ...presets })}></tafel-counter>`;
}

/**
 * The iframe page with the same options as URL parameters; its height attribute reserves the box.
 * @param {string} origin @param {string} edition @param {string} [lang]
 * @param {Record<string, string | number | undefined>} [presets]
 * @param {{ height?: number, title?: string }} [options]
 */
export function iframeTag(
  origin,
  edition,
  lang = 'nl',
  presets = {},
  { height = DEFAULT_HEIGHT, title = 'Tafel' } = {},
) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ edition, lang, ...presets })) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  return (
    `<iframe src="${escapeAttribute(`${origin}/embed?${params}`)}" title="${escapeAttribute(title)}" ` +
    `width="100%" height="${Number(height)}" style="border:0" loading="lazy"></iframe>\n${noscript(origin, edition, lang)}`
  );
}

/**
 * The Content-Security-Policy directives a partner page with a strict policy needs for the
 * snippet, one per line: the script, the API (queries and the live stream), the tiles, the
 * clustering worker and, when given, the hash of the snippet's <style>. For an iframe only
 * `frame-src`.
 * @param {string} origin
 * @param {{ iframe?: boolean, tileOrigin?: string, styleHash?: string }} [options]
 */
export function cspLines(origin, { iframe = false, tileOrigin = TILE_ORIGIN, styleHash } = {}) {
  if (iframe) return [`frame-src ${origin};`];
  return [
    `script-src ${origin};`,
    `connect-src ${origin};`,
    `img-src ${tileOrigin} data:;`,
    'worker-src blob:;',
    ...(styleHash ? [`style-src '${styleHash}';`] : []),
  ];
}
