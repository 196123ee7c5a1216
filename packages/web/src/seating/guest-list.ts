/**
 * Guests pasted as text, one per line — typed, or columns copied from a spreadsheet:
 * `name; role; languages; interpreter needed for` (semicolons or tabs between the columns,
 * commas or spaces between languages). The role by its code (EMPLOYERS) or its name in any of
 * the four languages. All lines or none: each bad line is named, and nothing is added.
 */
import { LANGS, TARGET_GROUP_LABELS, TARGET_GROUPS, type TargetGroup } from '@tafel/schema';
import type { Guest } from './plan.ts';

export type LineProblem =
  | { line: number; code: 'NO_NAME' }
  | { line: number; code: 'NO_LANGUAGE' }
  | { line: number; code: 'UNKNOWN_ROLE'; role: string };

const ROLES = new Map<string, TargetGroup>();
for (const group of TARGET_GROUPS) {
  ROLES.set(group.toLowerCase(), group);
  for (const lang of LANGS) ROLES.set(TARGET_GROUP_LABELS[group][lang].toLowerCase(), group);
}

/** The guests of a pasted list (ids from `newId`), or the problem of each bad line. */
export function parseGuests(
  text: string,
  newId: () => string,
): { guests: Guest[]; problems: LineProblem[] } {
  const guests: Guest[] = [];
  const problems: LineProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    const [name = '', roleText = '', languageText = '', needs = ''] = raw
      .split(/[;\t]/)
      .map((cell) => cell.trim());
    const role = ROLES.get(roleText.toLowerCase());
    const languages = [...new Set(languageText.split(/[,\s]+/).filter(Boolean))];
    if (!name) problems.push({ line, code: 'NO_NAME' });
    else if (!role) problems.push({ line, code: 'UNKNOWN_ROLE', role: roleText });
    else if (languages.length === 0) problems.push({ line, code: 'NO_LANGUAGE' });
    else
      guests.push({
        id: newId(),
        name,
        role,
        languages,
        ...(needs ? { interpreterFor: needs } : {}),
      });
  });
  return { guests, problems };
}
