/**
 * Writes `src/regions.data.ts`: the ISO 3166-2 regions of the countries an edition can be held in
 * (NL, BE, DE, DK), labelled in nl, en, de and da, from Debian's `iso-codes` package (maintained
 * by Debian's iso-codes team; data and translations under LGPL-2.1-or-later). Only these few
 * countries' principal subdivisions are kept, so what reaches a page stays small.
 *
 *   pnpm --filter @tafel/schema regions
 *
 * Where the package has no translation for a language, the label is the subdivision's ISO name
 * (usually its local name) and the generated file lists it. The Dutch provinces keep the labels
 * Tafel had before (`NL_OVERRIDES`). `test/regions.test.ts` checks that the committed file is what
 * this script makes from the installed package.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mo } from 'gettext-parser';

const LANGS = ['nl', 'en', 'de', 'da'] as const;
type Lang = (typeof LANGS)[number];
type Labels = Record<Lang, string>;

/** Where Debian installs the package's data (another prefix for another install of it). */
export const PREFIX = process.env['ISO_CODES_PREFIX'] ?? '/usr/share';
export const JSON_PATH = `${PREFIX}/iso-codes/json/iso_3166-2.json`;

interface Subdivision {
  code: string;
  name: string;
  type: string;
  parent?: string;
}

/**
 * Which subdivisions are an edition's regions: the level people name a place by. Belgium's
 * provinces lie within its regions, except the Brussels-Capital Region, which has none.
 */
export const SELECTION: Record<string, (s: Subdivision) => boolean> = {
  NL: (s) => s.type === 'Province',
  BE: (s) => s.type === 'Province' || s.code === 'BE-BRU',
  DE: (s) => s.type === 'Land',
  DK: (s) => s.type === 'Region',
};

/**
 * The Dutch provinces' labels in use before this table (in the API's answers, the widget, the
 * pages and their tests), where they differ from the package's: the Frisian name in Dutch, and
 * English and Danish names where the package has only the Dutch one.
 */
export const NL_OVERRIDES: Record<string, Partial<Labels>> = {
  'NL-FR': { nl: 'Fryslân', en: 'Friesland', de: 'Friesland', da: 'Friesland' },
  'NL-NB': { en: 'North Brabant', da: 'Nordbrabant' },
  'NL-NH': { en: 'North Holland', da: 'Nordholland' },
  'NL-ZE': { de: 'Seeland' },
  'NL-ZH': { en: 'South Holland', da: 'Sydholland' },
};

export interface IsoCodes {
  version: string;
  subdivisions: Subdivision[];
  /** ISO name → translated name, per language. */
  translations: Record<Lang, Map<string, string>>;
}

/** The installed package: its subdivisions and their translations. */
export function readIsoCodes(): IsoCodes {
  if (!existsSync(JSON_PATH))
    throw new Error(`${JSON_PATH} is missing: install Debian's iso-codes package.`);
  const subdivisions = (JSON.parse(readFileSync(JSON_PATH, 'utf8')) as { '3166-2': Subdivision[] })[
    '3166-2'
  ];
  const translations = {} as Record<Lang, Map<string, string>>;
  for (const lang of LANGS) {
    const path = `${PREFIX}/locale/${lang}/LC_MESSAGES/iso_3166-2.mo`;
    const map = new Map<string, string>();
    if (existsSync(path)) {
      for (const context of Object.values(mo.parse(readFileSync(path)).translations))
        for (const t of Object.values(context))
          if (t.msgid && t.msgstr[0]) map.set(t.msgid, t.msgstr[0]);
    }
    translations[lang] = map;
  }
  let version = 'unknown';
  try {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format, not a template.
    version = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'iso-codes'], {
      encoding: 'utf8',
    });
  } catch {
    // Not installed through dpkg (another prefix): the data still says what it is.
  }
  return { version, subdivisions, translations };
}

export interface RegionTable {
  /** Per country, its regions in code order with their labels. */
  countries: Record<string, Record<string, Labels>>;
  /** The labels that are the ISO name because the package has no translation: `NL-DR en`. */
  fallbacks: string[];
}

export function regionTable(iso: IsoCodes): RegionTable {
  const countries: Record<string, Record<string, Labels>> = {};
  const fallbacks: string[] = [];
  for (const [country, chosen] of Object.entries(SELECTION)) {
    const regions: Record<string, Labels> = {};
    const list = iso.subdivisions
      .filter((s) => s.code.startsWith(`${country}-`) && chosen(s))
      .sort((a, b) => a.code.localeCompare(b.code));
    for (const s of list) {
      const override = country === 'NL' ? NL_OVERRIDES[s.code] : undefined;
      const labels = {} as Labels;
      for (const lang of LANGS) {
        const given = override?.[lang];
        const translated = iso.translations[lang].get(s.name);
        if (!given && !translated) fallbacks.push(`${s.code} ${lang}`);
        labels[lang] = given ?? translated ?? s.name;
      }
      regions[s.code] = labels;
    }
    countries[country] = regions;
  }
  return { countries, fallbacks };
}

/** The module's text; Biome formats it after. */
export function moduleText(table: RegionTable, version: string): string {
  const consts = Object.entries(table.countries).map(
    ([country, regions]) =>
      `/** ${country}'s regions (ISO 3166-2), labelled in nl, en, de and da. */\nexport const ${country}_REGIONS = ${JSON.stringify(regions, null, 2)} as const satisfies Record<string, Record<'nl' | 'en' | 'de' | 'da', string>>;\n`,
  );
  return `/**
 * Generated by scripts/regions.ts from Debian's iso-codes ${version} (LGPL-2.1-or-later): do not
 * edit; run \`pnpm --filter @tafel/schema regions\` instead. The Dutch provinces keep Tafel's own
 * labels (NL_OVERRIDES there).
 *
 * No translation in the package, so the ISO name stands: ${table.fallbacks.join(', ')}.
 */

/** The version of iso-codes this table was made from. */
export const ISO_CODES_VERSION = ${JSON.stringify(version)};

${consts.join('\n')}`;
}

export const OUTPUT = fileURLToPath(new URL('../src/regions.data.ts', import.meta.url));

if (import.meta.url === `file://${process.argv[1]}`) {
  const iso = readIsoCodes();
  writeFileSync(OUTPUT, moduleText(regionTable(iso), iso.version));
  execFileSync('npx', ['biome', 'format', '--write', OUTPUT], { stdio: 'inherit' });
  console.log(`wrote ${OUTPUT} from iso-codes ${iso.version}`);
}
