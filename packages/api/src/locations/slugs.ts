/** The checks an edition's and an organisation's slug and name pass, wherever they are written. */
import type { UserErrors } from './errors.ts';
import { freeText } from './fields.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function checkSlug(errors: UserErrors, slug: string) {
  if (!SLUG.test(slug) || slug.length > 60)
    errors.add(
      ['slug'],
      'INVALID',
      `slug "${slug.slice(0, 60)}" must be lowercase letters and digits joined by single hyphens, at most 60 characters.`,
    );
}
/** A name checked by the venues' text rules; returns it trimmed and normalised (null when not given). */
export function checkName(errors: UserErrors, name: string | null | undefined): string | null {
  if (name == null) return null;
  return freeText(errors, ['name'], name, 200, true);
}

/** A slug made from a name: letters without accents, digits, single hyphens; `organisation` if none remain. */
export function slugFrom(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || 'organisation';
}
