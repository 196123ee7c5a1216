/**
 * An edition's public venues as one plain HTML page (/editions/<slug>): for visitors without
 * JavaScript, for the `<noscript>` link of the embed snippet, and for search engines, with a
 * schema.org `Event` per venue as JSON-LD. It shows exactly what the open-data feeds carry
 * (publicVenues): a sensitive venue at its town only, marked approximate, with no street or
 * postal code.
 */
import { createHash } from 'node:crypto';
import { LANGS, type Lang, labelOf } from '@tafel/schema';
import type { Edition } from '../db/schema.ts';
import { type Licence, licenceStatement, type PublicVenue } from './feeds.ts';

const TEXT: Record<Lang, Record<string, string>> = {
  nl: {
    venues: 'Locaties',
    count: '{n} locaties van {o} organisaties',
    none: 'Er zijn nog geen openbare locaties.',
    organisation: 'Organisatie',
    cohosts: 'Mede-organisatoren',
    place: 'Plaats',
    approximate: 'Adres niet openbaar; de plaats is bij benadering.',
    meal: 'Maaltijd',
    time: 'Tijd',
    participants: 'Deelnemers',
    of: 'van',
    targetGroups: 'Brengt samen',
    languages: 'Talen',
    access: 'Rolstoeltoegankelijk',
    yes: 'Ja',
    no: 'Nee',
    register: 'Aanmelden bij {name}',
    language: 'Taal',
    data: 'Open data',
    licence: 'Licentie',
    notFound: 'Niet gevonden',
    notFoundText: 'Er is geen editie met deze naam.',
    allDay: 'Tijd volgt',
  },
  en: {
    venues: 'Venues',
    count: '{n} venues of {o} organisations',
    none: 'There are no public venues yet.',
    organisation: 'Organisation',
    cohosts: 'Co-hosts',
    place: 'Place',
    approximate: 'Address not public; the place is approximate.',
    meal: 'Meal',
    time: 'Time',
    participants: 'Participants',
    of: 'of',
    targetGroups: 'Brings together',
    languages: 'Languages',
    access: 'Wheelchair accessible',
    yes: 'Yes',
    no: 'No',
    register: 'Register for {name}',
    language: 'Language',
    data: 'Open data',
    licence: 'Licence',
    notFound: 'Not found',
    notFoundText: 'There is no edition by this name.',
    allDay: 'Time to follow',
  },
  de: {
    venues: 'Orte',
    count: '{n} Orte von {o} Organisationen',
    none: 'Es gibt noch keine öffentlichen Orte.',
    organisation: 'Organisation',
    cohosts: 'Mitveranstalter',
    place: 'Ort',
    approximate: 'Adresse nicht öffentlich; der Ort ist ungefähr.',
    meal: 'Mahlzeit',
    time: 'Zeit',
    participants: 'Teilnehmende',
    of: 'von',
    targetGroups: 'Bringt zusammen',
    languages: 'Sprachen',
    access: 'Rollstuhlgerecht',
    yes: 'Ja',
    no: 'Nein',
    register: 'Anmelden: {name}',
    language: 'Sprache',
    data: 'Offene Daten',
    licence: 'Lizenz',
    notFound: 'Nicht gefunden',
    notFoundText: 'Es gibt keine Ausgabe mit diesem Namen.',
    allDay: 'Zeit folgt',
  },
  da: {
    venues: 'Steder',
    count: '{n} steder fra {o} organisationer',
    none: 'Der er endnu ingen offentlige steder.',
    organisation: 'Organisation',
    cohosts: 'Medarrangører',
    place: 'Sted',
    approximate: 'Adressen er ikke offentlig; stedet er omtrentligt.',
    meal: 'Måltid',
    time: 'Tid',
    participants: 'Deltagere',
    of: 'af',
    targetGroups: 'Samler',
    languages: 'Sprog',
    access: 'Kørestolsvenlig',
    yes: 'Ja',
    no: 'Nej',
    register: 'Tilmeld dig: {name}',
    language: 'Sprog',
    data: 'Åbne data',
    licence: 'Licens',
    notFound: 'Ikke fundet',
    notFoundText: 'Der er ingen udgave med dette navn.',
    allDay: 'Tid følger',
  },
};

const LANG_NAMES: Record<Lang, string> = {
  nl: 'Nederlands',
  en: 'English',
  de: 'Deutsch',
  da: 'Dansk',
};

const STYLE =
  'body{font:1rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:48rem;padding:1rem;color:#1a1a1a;background:#fff}' +
  'a{color:#0b4f9c}a:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}' +
  'header nav ul,footer ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}' +
  'article{border-top:1px solid #767676;padding:.5rem 0}' +
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}dt{font-weight:600}dd{margin:0}';

/** The page's Content-Security-Policy: nothing runs, only its own inline style applies. */
export const EDITION_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** A page language from `?lang=`: one of the four, else the default (no error for a bad value). */
export function pageLang(value: string | null): Lang {
  return (LANGS as readonly string[]).includes(value ?? '') ? (value as Lang) : 'nl';
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const html = (value: string | number) => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** JSON inside a <script>: nothing in it can close the element or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Only a web address may become a link: no `javascript:` or `data:` from a member's input. */
function webUrl(value: string | null): string | null {
  if (!value || !URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

function languageName(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function schemaEvent(edition: Edition, v: PublicVenue, lang: Lang) {
  const register = webUrl(v.registrationUrl);
  return {
    '@type': 'Event',
    '@id': `#${v.id}`,
    name: `${v.name} (${labelOf(v.meal, lang)})`,
    startDate: v.startsAt ? v.startsAt.toISOString() : edition.date,
    ...(v.endsAt ? { endDate: v.endsAt.toISOString() } : {}),
    // schema.org has no "tentative": such a meeting is still scheduled, the page marks it.
    eventStatus:
      v.schedule === 'POSTPONED'
        ? 'https://schema.org/EventPostponed'
        : 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    superEvent: { '@type': 'Event', name: edition.name },
    // The host, then its co-hosts.
    organizer: v.cohosts.length
      ? [v.organisationName, ...v.cohosts.map((o) => o.name)].map((name) => ({
          '@type': 'Organization',
          name,
        }))
      : { '@type': 'Organization', name: v.organisationName },
    location: {
      '@type': 'Place',
      name: v.name,
      address: {
        '@type': 'PostalAddress',
        ...(v.street ? { streetAddress: v.street } : {}),
        ...(v.postalCode ? { postalCode: v.postalCode } : {}),
        ...(v.city ? { addressLocality: v.city } : {}),
        ...(v.region ? { addressRegion: v.region } : {}),
        addressCountry: v.country,
      },
      geo: { '@type': 'GeoCoordinates', latitude: v.lat, longitude: v.lng },
    },
    ...(v.capacity != null ? { maximumAttendeeCapacity: v.capacity } : {}),
    ...(v.languages.length ? { inLanguage: v.languages } : {}),
    ...(v.description ? { description: v.description } : {}),
    ...(register ? { url: register } : {}),
  };
}

function venueArticle(
  edition: Edition,
  v: PublicVenue,
  lang: Lang,
  t: Record<string, string>,
): string {
  const time = new Intl.DateTimeFormat(lang, {
    timeZone: edition.timeZone,
    hour: '2-digit',
    minute: '2-digit',
  });
  const place = [
    v.street,
    [v.postalCode, v.city].filter(Boolean).join(' '),
    v.region ? labelOf(v.region, lang) : '',
  ]
    .filter(Boolean)
    .join(', ');
  const rows: [string, string][] = [
    [t['organisation']!, html(v.organisationName)],
    ...(v.cohosts.length
      ? [[t['cohosts']!, html(v.cohosts.map((o) => o.name).join(', '))] as [string, string]]
      : []),
    [
      t['place']!,
      html(place) +
        (v.locationPrecision === 'APPROXIMATE'
          ? ` <small>(${html(t['approximate']!)})</small>`
          : ''),
    ],
    [t['meal']!, html(labelOf(v.meal, lang))],
    [
      t['time']!,
      v.startsAt
        ? `<time datetime="${v.startsAt.toISOString()}">${time.format(v.startsAt)}</time>` +
          (v.endsAt
            ? `–<time datetime="${v.endsAt.toISOString()}">${time.format(v.endsAt)}</time>`
            : '')
        : html(t['allDay']!),
    ],
    [
      t['participants']!,
      html(
        v.capacity != null ? `${v.participants} ${t['of']} ${v.capacity}` : String(v.participants),
      ),
    ],
  ];
  if (v.targetGroups.length + v.ownTargetGroups.length)
    rows.push([
      t['targetGroups']!,
      html(
        [
          ...v.targetGroups.map((g) => labelOf(g, lang)),
          ...v.ownTargetGroupLabels.map((l) => l[lang]),
        ].join(', '),
      ),
    ]);
  if (v.languages.length)
    rows.push([
      t['languages']!,
      html(v.languages.map((code) => languageName(code, lang)).join(', ')),
    ]);
  if (v.wheelchairAccessible != null)
    rows.push([t['access']!, html(v.wheelchairAccessible ? t['yes']! : t['no']!)]);
  const register = webUrl(v.registrationUrl);
  const headingId = `v-${v.id}`;
  return (
    `<article aria-labelledby="${html(headingId)}"><h2 id="${html(headingId)}">${html(v.name)}</h2>` +
    (v.description ? `<p>${html(v.description)}</p>` : '') +
    `<dl>${rows.map(([term, value]) => `<dt>${html(term)}</dt><dd>${value}</dd>`).join('')}</dl>` +
    (register
      ? `<p><a href="${html(register)}" rel="nofollow noopener">${html(fill(t['register']!, { name: v.name }))}</a></p>`
      : '') +
    '</article>'
  );
}

function page(
  lang: Lang,
  title: string,
  description: string,
  head: string,
  main: string,
  nav: string,
  footer: string,
): string {
  return (
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${html(title)}</title><meta name="description" content="${html(description)}">` +
    `${head}<style>${STYLE}</style></head><body>` +
    `${nav ? `<header>${nav}</header>` : ''}<main>${main}</main>${footer ? `<footer>${footer}</footer>` : ''}</body></html>\n`
  );
}

function languageNav(path: string, lang: Lang): string {
  const links = LANGS.map((l) =>
    l === lang
      ? `<li><a href="${path}?lang=${l}" hreflang="${l}" lang="${l}" aria-current="page">${LANG_NAMES[l]}</a></li>`
      : `<li><a href="${path}?lang=${l}" hreflang="${l}" lang="${l}">${LANG_NAMES[l]}</a></li>`,
  ).join('');
  return `<nav aria-label="${html(TEXT[lang]['language']!)}"><ul>${links}</ul></nav>`;
}

/** The whole page of an edition's public venues, in one of the four languages. */
export function editionPage(
  edition: Edition,
  venues: PublicVenue[],
  lang: Lang,
  licence: Licence,
  publicUrl: string,
): string {
  const t = TEXT[lang];
  const path = `/editions/${edition.slug}`;
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${edition.date}T12:00:00Z`),
  );
  const organisations = new Set(venues.map((v) => v.organisationSlug)).size;
  const summary = fill(t['count']!, { n: venues.length, o: organisations });
  const alternates = LANGS.map(
    (l) => `<link rel="alternate" hreflang="${l}" href="${html(`${publicUrl}${path}?lang=${l}`)}">`,
  ).join('');
  const jsonLd = {
    '@context': 'https://schema.org',
    '@graph': venues.map((v) => schemaEvent(edition, v, lang)),
  };
  const head =
    `<link rel="canonical" href="${html(`${publicUrl}${path}${lang === 'nl' ? '' : `?lang=${lang}`}`)}">${alternates}` +
    `<script type="application/ld+json">${scriptJson(jsonLd)}</script>`;
  const main =
    `<h1>${html(edition.name)}: ${html(t['venues']!.toLowerCase())}</h1>` +
    `<p><time datetime="${edition.date}">${html(day)}</time>. ${html(summary)}.</p>` +
    (venues.length
      ? venues.map((v) => venueArticle(edition, v, lang, t)).join('')
      : `<p>${html(t['none']!)}</p>`);
  const feeds = (['geojson', 'csv', 'ics'] as const)
    .map((format) => `<li><a href="${path}/locations.${format}">${format.toUpperCase()}</a></li>`)
    .join('');
  const footer =
    `<h2>${html(t['data']!)}</h2><ul>${feeds}</ul>` +
    `<p>${html(t['licence']!)}: ${licence.url ? `<a href="${html(licence.url)}" rel="license">${html(licence.name)}</a>` : html(licence.name)}. ${html(licenceStatement(edition, licence))}</p>`;
  return page(
    lang,
    `${edition.name}: ${t['venues']}`,
    `${edition.name}, ${day}. ${summary}.`,
    head,
    main,
    languageNav(path, lang),
    footer,
  );
}

/** The 404 page for an unknown edition, in the asked language. */
export function editionNotFoundPage(lang: Lang): string {
  const t = TEXT[lang];
  return page(
    lang,
    t['notFound']!,
    t['notFoundText']!,
    '',
    `<h1>${html(t['notFound']!)}</h1><p>${html(t['notFoundText']!)}</p>`,
    '',
    '',
  );
}
