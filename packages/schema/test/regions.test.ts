import { describe, expect, it } from 'vitest';
import { readIsoCodes, regionTable } from '../scripts/regions.ts';
import {
  COUNTRY_CODES,
  LANGS,
  labelOf,
  REGIONS,
  REGIONS_BY_COUNTRY,
  regionLabels,
  regionName,
  regionsOf,
} from '../src/index.ts';
import * as data from '../src/regions.data.ts';

describe('the regions of every country in use', () => {
  it('are what scripts/regions.ts makes from the installed iso-codes package', () => {
    const iso = readIsoCodes();
    const { countries } = regionTable(iso);
    const committed = Object.fromEntries(
      Object.entries(data)
        .filter(([name]) => name.endsWith('_REGIONS'))
        .map(([name, regions]) => [name.slice(0, 2), regions]),
    );
    expect(
      committed,
      `src/regions.data.ts was made from iso-codes ${data.ISO_CODES_VERSION}, this machine has ${iso.version}: run pnpm --filter @tafel/schema regions and review the change`,
    ).toEqual(countries);
  });

  it('covers every country an edition can be held in, each region labelled in the four languages', () => {
    expect(Object.keys(REGIONS_BY_COUNTRY).sort()).toEqual([...COUNTRY_CODES].sort());
    for (const country of COUNTRY_CODES) {
      const regions = regionsOf(country);
      expect(regions.length, country).toBeGreaterThan(4);
      for (const { code, labels } of regions) {
        expect(code.startsWith(`${country}-`)).toBe(true);
        for (const lang of LANGS) expect(labels[lang], `${code} ${lang}`).toMatch(/\S/);
      }
    }
  });

  it('has the five Danish regions, the sixteen German Länder, the Belgian provinces and Brussels', () => {
    expect(regionsOf('DK').map((r) => r.code)).toEqual([
      'DK-81',
      'DK-82',
      'DK-83',
      'DK-84',
      'DK-85',
    ]);
    expect(regionsOf('DE')).toHaveLength(16);
    expect(regionsOf('BE').map((r) => r.code)).toEqual([
      'BE-BRU',
      'BE-VAN',
      'BE-VBR',
      'BE-VLI',
      'BE-VOV',
      'BE-VWV',
      'BE-WBR',
      'BE-WHT',
      'BE-WLG',
      'BE-WLX',
      'BE-WNA',
    ]);
    expect(regionName('DK-81', 'nl')).toBe('Noord-Jutland');
    expect(regionName('DE-BY', 'nl')).toBe('Beieren');
    expect(regionName('BE-WLG', 'de')).toBe('Lüttich');
    expect(regionsOf('FR')).toEqual([]);
  });

  it('keeps the Dutch provinces’ labels as they were', () => {
    expect(REGIONS_BY_COUNTRY.NL).toBe(REGIONS);
    expect(regionLabels('NL-FR')).toEqual({
      nl: 'Fryslân',
      en: 'Friesland',
      de: 'Friesland',
      da: 'Friesland',
    });
    expect(labelOf('NL-ZH', 'en')).toBe('South Holland');
    expect(labelOf('NL-ZH', 'de')).toBe('Südholland');
  });

  it('names a region in its country’s language when none is asked for, and leaves unknown codes as they are', () => {
    expect(regionName('NL-UT')).toBe('Utrecht');
    expect(regionName('DE-BY')).toBe('Bayern');
    expect(regionName('DK-84')).toBe('Hovedstaden');
    expect(regionName('NL-XX')).toBe('NL-XX');
    expect(regionName('NL-constructor')).toBe('NL-constructor');
    expect(labelOf('DINNER', 'da')).toBe('Middag');
  });
});
