import { describe, expect, it } from 'vitest';
import {
  COUNTRIES,
  LANGS,
  label,
  MEAL_LABELS,
  MEALS,
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  pickLang,
  REGIONS,
  TARGET_GROUP_LABELS,
  TARGET_GROUPS,
} from '../src/index.ts';

describe('the vocabulary', () => {
  it('labels every meal, target group, organisation kind, region and country in nl, en, de and da', () => {
    const sets = [
      [MEALS, MEAL_LABELS],
      [TARGET_GROUPS, TARGET_GROUP_LABELS],
      [ORGANISATION_KINDS, ORGANISATION_KIND_LABELS],
      [Object.keys(REGIONS), REGIONS],
      [
        Object.keys(COUNTRIES),
        Object.fromEntries(Object.entries(COUNTRIES).map(([k, v]) => [k, v.labels])),
      ],
    ] as const;
    for (const [keys, labels] of sets) {
      for (const key of keys) {
        for (const lang of LANGS)
          expect(
            (labels as Record<string, Record<string, string>>)[key]?.[lang],
            `${key} in ${lang}`,
          ).toMatch(/\S/);
      }
    }
  });

  it('has the twelve Dutch provinces as regions', () => {
    expect(Object.keys(REGIONS)).toHaveLength(12);
    expect(label('NL-NB', 'de')).toBe('Nordbrabant');
  });

  it('labels by key and language, leaving unknown keys as they are', () => {
    expect(label('DINNER', 'nl')).toBe('Diner');
    expect(label('ELDERLY', 'da')).toBe('Ældre');
    expect(label('asito', 'en')).toBe('asito');
  });

  it('picks a supported language from a page’s lang tag, else Dutch', () => {
    expect(pickLang('de-AT')).toBe('de');
    expect(pickLang('EN_gb')).toBe('en');
    expect(pickLang('fr')).toBe('nl');
    expect(pickLang(undefined)).toBe('nl');
  });

  it('has country boxes that hold their own capital and not a swapped pair', () => {
    const inside = (c: keyof typeof COUNTRIES, lat: number, lng: number) => {
      const b = COUNTRIES[c].bbox;
      return lat >= b.south && lat <= b.north && lng >= b.west && lng <= b.east;
    };
    expect(inside('NL', 52.37, 4.9)).toBe(true);
    expect(inside('NL', 4.9, 52.37)).toBe(false);
    expect(inside('DK', 55.68, 12.57)).toBe(true);
    expect(inside('DE', 52.52, 13.4)).toBe(true);
  });
});
