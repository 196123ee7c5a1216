/**
 * The embed configurator at /embed/configure: a partner picks the edition, language, presets,
 * view, height, live and element or iframe; the page shows the real element with those options
 * and the snippet to copy, built by demo/snippet.js (the same builder as the demo page's), with
 * the Content-Security-Policy lines it needs. Text only (textContent, attributes), never HTML
 * strings into the page; no inline script, so the page runs under `script-src 'self'`.
 */
import {
  LANGS,
  type Lang,
  MEAL_LABELS,
  MEALS,
  pickLang,
  REGIONS,
  regionLabels,
  regionsOf,
  TARGET_GROUP_LABELS,
  TARGET_GROUPS,
} from '@tafel/schema';
import {
  counterTag,
  cspLines,
  DEFAULT_HEIGHT,
  head,
  iframeTag,
  mapTag,
  styleRules,
} from '../demo/snippet.js';
import { type WordKey, word } from './words.ts';

const origin = location.origin;
const endpoint = `${origin}/graphql`;

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
};

const form = byId<HTMLFormElement>('options');
const pageLangSelect = byId<HTMLSelectElement>('page-lang');
const editionSelect = byId<HTMLSelectElement>('edition');
const langSelect = byId<HTMLSelectElement>('lang');
const counterBox = byId<HTMLInputElement>('counter');
const organisationSelect = byId<HTMLSelectElement>('organisation');
const regionSelect = byId<HTMLSelectElement>('region');
const heightInput = byId<HTMLInputElement>('height');
const latInput = byId<HTMLInputElement>('lat');
const lngInput = byId<HTMLInputElement>('lng');
const zoomInput = byId<HTMLInputElement>('zoom');
const liveBox = byId<HTMLInputElement>('live');
const linkStateBox = byId<HTMLInputElement>('link-state');
const preview = byId<HTMLDivElement>('preview');
const snippetBox = byId<HTMLTextAreaElement>('snippet');
const cspBox = byId<HTMLTextAreaElement>('csp');
const copyButton = byId<HTMLButtonElement>('copy');
const copyStatus = byId<HTMLSpanElement>('copy-status');

/** The page's language: `?lang=`, else the first of the browser's languages we have, else Dutch. */
function initialLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked) return pickLang(asked);
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if ((LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return 'nl';
}

let pageLang = initialLang();

// ---------------------------------------------------------------------------------------------
// The choices that come from the vocabulary: checkboxes for meals and target groups, regions.

function checkboxes(fieldset: HTMLFieldSetElement, name: string, values: readonly string[]): void {
  for (const value of values) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = name;
    input.value = value;
    const text = document.createElement('span');
    text.dataset['label'] = value;
    label.append(input, ' ', text);
    fieldset.append(label);
  }
}
checkboxes(byId('meals'), 'meals', MEALS);
checkboxes(byId('target-groups'), 'target-groups', TARGET_GROUPS);
for (const code of Object.keys(REGIONS)) regionSelect.append(new Option(code, code));

/** Each edition's country, by slug, as the API lists them. */
const countries = new Map<string, string>();

/** The region preset offers the regions of the chosen edition's country (the Dutch provinces until the editions are in). */
function fillRegions(): void {
  const country = countries.get(editionSelect.value);
  if (!country) return;
  const chosen = regionSelect.value;
  regionSelect.length = 1;
  for (const { code, labels } of regionsOf(country))
    regionSelect.append(new Option(labels[pageLang], code, false, code === chosen));
}

const LABELS: Record<string, Record<Lang, string>> = {
  ...MEAL_LABELS,
  ...TARGET_GROUP_LABELS,
  ...REGIONS,
};

/** Every text of the page in its language. */
function translate(): void {
  document.documentElement.lang = pageLang;
  pageLangSelect.value = pageLang;
  document.title = `Tafel — ${word(pageLang, 'title')}`;
  for (const element of document.querySelectorAll<HTMLElement>('[data-word]')) {
    element.textContent = word(pageLang, element.dataset['word'] as WordKey);
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-label]')) {
    element.textContent =
      LABELS[element.dataset['label']!]?.[pageLang] ?? element.dataset['label']!;
  }
  for (const option of regionSelect.options) {
    if (option.value) option.text = regionLabels(option.value)?.[pageLang] ?? option.value;
  }
}

// ---------------------------------------------------------------------------------------------
// What the API offers: the editions and the organisations.

async function query<T>(document: string, variables: object = {}): Promise<T> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors?.length)
    throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return body.data;
}

async function loadEditions(): Promise<void> {
  const error = byId('edition-error');
  try {
    const { editions } = await query<{
      editions: { slug: string; name: string; date: string; country: string }[];
    }>('{ editions { slug name date country } }');
    const wanted = new URLSearchParams(location.search).get('edition');
    for (const edition of editions) {
      editionSelect.append(new Option(`${edition.name} (${edition.date})`, edition.slug));
      countries.set(edition.slug, edition.country);
    }
    if (wanted && editions.some((e) => e.slug === wanted)) editionSelect.value = wanted;
    fillRegions();
    error.hidden = true;
    editionSelect.removeAttribute('aria-invalid');
  } catch {
    error.hidden = false;
    editionSelect.setAttribute('aria-invalid', 'true');
  }
}

async function loadOrganisations(): Promise<void> {
  type Page = {
    organisations: {
      nodes: { slug: string; name: string }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
  let after: string | null = null;
  for (;;) {
    const { organisations }: Page = await query<Page>(
      'query ($after: String) { organisations(first: 100, after: $after) { nodes { slug name } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    for (const organisation of organisations.nodes)
      organisationSelect.append(new Option(organisation.name, organisation.slug));
    if (!organisations.pageInfo.hasNextPage) return;
    after = organisations.pageInfo.endCursor;
  }
}

// ---------------------------------------------------------------------------------------------
// The options as the form holds them, checked the way a person wrote them.

interface Options {
  edition: string;
  lang: Lang;
  form: 'element' | 'iframe';
  counter: boolean;
  presets: Record<string, string | undefined>;
  /** Keep the chosen venue and filters in the partner page's address (element only). */
  linkState: boolean;
  counterPresets: Record<string, string | undefined>;
  height: number;
}

let lastHeight = DEFAULT_HEIGHT;

/** Show or hide a field's error message, and mark the inputs it is about. */
function fieldError(id: string, shown: boolean, inputs: HTMLInputElement[]): void {
  byId(id).hidden = !shown;
  for (const input of inputs) {
    if (shown) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

const numberIn = (input: HTMLInputElement, min: number, max: number): number | null => {
  if (input.value.trim() === '') return null;
  const value = Number(input.value);
  return Number.isFinite(value) && value >= min && value <= max ? value : Number.NaN;
};

function readOptions(): Options {
  const data = new FormData(form);
  const height = numberIn(heightInput, 200, 2000);
  const heightOk = height !== null && Number.isInteger(height);
  fieldError('height-error', !heightOk, [heightInput]);
  if (heightOk) lastHeight = height;

  const lat = numberIn(latInput, -90, 90);
  const lng = numberIn(lngInput, -180, 180);
  const centreOk =
    (lat === null && lng === null) ||
    (lat !== null && lng !== null && !Number.isNaN(lat) && !Number.isNaN(lng));
  fieldError('centre-error', !centreOk, [latInput, lngInput]);
  const zoom = numberIn(zoomInput, 1, 18);
  const zoomOk = zoom === null || Number.isInteger(zoom);
  fieldError('zoom-error', !zoomOk, [zoomInput]);
  const center = centreOk && lat !== null && lng !== null ? `${lat},${lng}` : undefined;

  const list = (name: string) => data.getAll(name).map(String).join(' ') || undefined;
  const organisation = organisationSelect.value || undefined;
  const region = regionSelect.value || undefined;
  const live = liveBox.checked ? undefined : 'false';
  return {
    edition: editionSelect.value,
    lang: pickLang(langSelect.value),
    form: data.get('form') === 'iframe' ? 'iframe' : 'element',
    counter: counterBox.checked,
    presets: {
      organisation,
      region,
      meals: list('meals'),
      'target-groups': list('target-groups'),
      center,
      zoom: center && zoomOk && zoom !== null ? String(zoom) : undefined,
      live,
    },
    linkState: data.get('form') !== 'iframe' && linkStateBox.checked,
    counterPresets: { organisation, region, live },
    height: lastHeight,
  };
}

// ---------------------------------------------------------------------------------------------
// The snippet, the policy lines and the preview, all from the same options.

function snippetOf(options: Options): string {
  const { edition, lang, presets, height } = options;
  if (options.form === 'iframe')
    return iframeTag(origin, edition, lang, presets, { height, title: word(lang, 'iframeTitle') });
  const counter = options.counter
    ? `${counterTag(origin, edition, lang, options.counterPresets)}\n`
    : '';
  const mapPresets = { ...presets, 'link-state': options.linkState };
  return `${head(origin, { height })}\n${counter}${mapTag(origin, edition, lang, mapPresets)}`;
}

/** The CSP hash of the snippet's <style> (only in a secure context, where the browser can hash). */
async function styleHash(height: number): Promise<string | undefined> {
  if (!crypto.subtle) return undefined;
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(styleRules(height)),
  );
  return `sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
}

function setAttributes(element: Element, attributes: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(attributes))
    if (value !== undefined) element.setAttribute(name, value);
}

let previewKey = '';

/** The real element (or the real iframe page) with the chosen options; rebuilt only when they change. */
function showPreview(options: Options): void {
  const key = JSON.stringify(options);
  if (key === previewKey || !options.edition) return;
  previewKey = key;
  const { edition, lang, presets, height } = options;
  if (options.form === 'iframe') {
    const iframe = document.createElement('iframe');
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries({ edition, lang, ...presets }))
      if (value !== undefined) params.set(name, value);
    iframe.src = `${origin}/embed?${params}`;
    iframe.title = word(lang, 'iframeTitle');
    iframe.width = '100%';
    iframe.height = String(height);
    preview.replaceChildren(iframe);
    return;
  }
  const elements: HTMLElement[] = [];
  if (options.counter) {
    const counter = document.createElement('tafel-counter');
    setAttributes(counter, { endpoint, edition, lang, ...options.counterPresets });
    elements.push(counter);
  }
  const map = document.createElement('tafel-map');
  setAttributes(map, { endpoint, edition, lang, ...presets });
  map.style.setProperty('--tafel-map-height', `${height}px`);
  elements.push(map);
  preview.replaceChildren(...elements);
}

let generation = 0;

async function update(): Promise<void> {
  const options = readOptions();
  counterBox.disabled = options.form === 'iframe';
  linkStateBox.disabled = options.form === 'iframe';
  if (!options.edition) return;
  snippetBox.value = snippetOf(options);
  snippetBox.rows = snippetBox.value.split('\n').length + 1;
  showPreview(options);
  const iframe = options.form === 'iframe';
  byId('csp-hint').textContent = word(pageLang, iframe ? 'cspIframeHint' : 'cspHint');
  const mine = ++generation;
  const hash = iframe ? undefined : await styleHash(options.height);
  if (mine !== generation) return; // a newer update has written the lines meanwhile
  const lines = cspLines(origin, { iframe, styleHash: hash });
  cspBox.value = lines.join('\n');
  cspBox.rows = lines.length + 1;
}

let typing: ReturnType<typeof setTimeout> | undefined;
form.addEventListener('input', (event) => {
  clearTimeout(typing);
  // Numbers are typed a digit at a time: wait for a pause before rebuilding the preview.
  const delay = (event.target as HTMLInputElement).type === 'number' ? 400 : 0;
  typing = setTimeout(() => void update(), delay);
});
form.addEventListener('submit', (event) => event.preventDefault());
editionSelect.addEventListener('change', fillRegions);

pageLangSelect.addEventListener('change', () => {
  pageLang = pickLang(pageLangSelect.value);
  const url = new URL(location.href);
  url.searchParams.set('lang', pageLang);
  history.replaceState(null, '', url);
  translate();
  void update();
});

copyButton.addEventListener('click', async () => {
  copyStatus.textContent = '';
  let message: WordKey = 'copied';
  try {
    await navigator.clipboard.writeText(snippetBox.value);
  } catch {
    // No clipboard (an insecure page, a refused permission): leave the text selected to copy by hand.
    snippetBox.focus();
    snippetBox.select();
    message = 'copyFailed';
  }
  // A fresh text a moment later, so that a second copy is announced again.
  setTimeout(() => (copyStatus.textContent = word(pageLang, message)), 50);
});

langSelect.value = pageLang;
translate();
await Promise.all([loadEditions(), loadOrganisations().catch(() => undefined)]);
const wantedOrganisation = new URLSearchParams(location.search).get('organisation');
if (wantedOrganisation) organisationSelect.value = wantedOrganisation;
await update();
document.documentElement.dataset['ready'] = 'true';
