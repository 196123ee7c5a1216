/**
 * The join form's checks in the browser: the server's own rules (packages/api
 * locations/applications.ts and fields.ts), so a person hears of a problem before sending. The
 * server checks again and its userErrors land at the same fields.
 */
import type { JoinKey } from './messages.ts';

export const FIELDS = [
  'federation',
  'organisationName',
  'kind',
  'website',
  'contactName',
  'email',
  'consent',
] as const;
export type Field = (typeof FIELDS)[number];

export interface Answers {
  /** A federation's slug, or '' for none (the instance's own); the select offers known ones only. */
  federation: string;
  organisationName: string;
  kind: string;
  website: string;
  contactName: string;
  email: string;
  consent: boolean;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each joiner and selector is matched alone, on purpose.
const INVISIBLE = /[\s\p{Cf}\u034f\u115f\u1160\u3164\uffa0\u2800\ufe00-\ufe0f]/gu;
/** The server's pattern of an e-mail address, and its longest. */
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

function name(value: string, prefix: 'organisationName' | 'contactName'): JoinKey | null {
  const text = value.normalize('NFC').trim();
  if (text === '' || text.replace(INVISIBLE, '') === '') return `${prefix}Required`;
  if (CONTROL.test(text) || BIDI.test(text)) return `${prefix}Invalid`;
  if (text.length > 200) return `${prefix}TooLong`;
  return null;
}

function website(value: string): JoinKey | null {
  const text = value.trim();
  if (text === '') return null;
  if (text.length > 500) return 'websiteTooLong';
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'websiteInvalid';
  } catch {
    return 'websiteInvalid';
  }
}

/** Each field's problem, as a message key; an empty map when all is well. */
export function check(answers: Answers): Map<Field, JoinKey> {
  const problems = new Map<Field, JoinKey>();
  const set = (field: Field, key: JoinKey | null) => key && problems.set(field, key);
  set('organisationName', name(answers.organisationName, 'organisationName'));
  set('kind', answers.kind ? null : 'kindRequired');
  set('website', website(answers.website));
  set('contactName', name(answers.contactName, 'contactName'));
  const email = answers.email.trim();
  set(
    'email',
    email === ''
      ? 'emailRequired'
      : EMAIL.test(email) && email.length <= 254
        ? null
        : 'emailInvalid',
  );
  set('consent', answers.consent ? null : 'consentRequired');
  return problems;
}

/** The message for one of the server's userErrors at a field of the form, by its code. */
export function serverProblem(field: Field, code: string): JoinKey {
  const byCode: Record<string, JoinKey | undefined> = {
    organisationName: { REQUIRED: 'organisationNameRequired', TOO_LONG: 'organisationNameTooLong' }[
      code
    ] as JoinKey | undefined,
    contactName: { REQUIRED: 'contactNameRequired', TOO_LONG: 'contactNameTooLong' }[code] as
      | JoinKey
      | undefined,
    website: code === 'TOO_LONG' ? 'websiteTooLong' : undefined,
    email: code === 'REQUIRED' ? 'emailRequired' : undefined,
  };
  const fallback: Record<Field, JoinKey> = {
    federation: 'federationNotFound',
    organisationName: 'organisationNameInvalid',
    kind: 'kindRequired',
    website: 'websiteInvalid',
    contactName: 'contactNameInvalid',
    email: 'emailInvalid',
    consent: 'consentRequired',
  };
  return byCode[field] ?? fallback[field];
}
