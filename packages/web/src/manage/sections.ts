/**
 * The sections of /manage, by role. Each is loaded only when opened (its own chunk) and defines
 * the element `tafel-section-<id>`, which gets `.context` (the language and who is signed in).
 * A section for a new part of the portal or the console is one entry here.
 */
import type { Lang } from '../lib/i18n.ts';
import type { Me, Role } from './context.ts';

export type { Me, Role, SectionContext } from './context.ts';

export interface Section {
  id: string;
  roles: readonly Role[];
  label: Record<Lang, string>;
  load(): Promise<unknown>;
}

export function roleOf(me: Me): Role {
  return me.role ?? 'COORDINATOR';
}

export const SECTIONS: Section[] = [
  {
    id: 'venues',
    roles: ['COORDINATOR'],
    label: { nl: 'Locaties', en: 'Venues', de: 'Orte', da: 'Steder' },
    load: () => import('../portal/venues.ts'),
  },
  {
    id: 'keys',
    roles: ['COORDINATOR'],
    label: { nl: 'API-sleutels', en: 'API keys', de: 'API-Schlüssel', da: 'API-nøgler' },
    load: () => import('../portal/keys.ts'),
  },
  {
    id: 'profile',
    roles: ['COORDINATOR'],
    label: { nl: 'Profiel', en: 'Profile', de: 'Profil', da: 'Profil' },
    load: () => import('../portal/profile.ts'),
  },
  {
    id: 'host-links',
    roles: ['COORDINATOR'],
    label: { nl: 'Tellinks', en: 'Host links', de: 'Zähllinks', da: 'Tællelinks' },
    load: () => import('../portal/host-links.ts'),
  },
  {
    id: 'outcomes',
    roles: ['COORDINATOR'],
    label: { nl: 'Na afloop', en: 'Afterwards', de: 'Danach', da: 'Bagefter' },
    load: () => import('../portal/outcomes.ts'),
  },
  {
    id: 'import',
    roles: ['COORDINATOR'],
    label: { nl: 'Importeren', en: 'Import', de: 'Importieren', da: 'Importér' },
    load: () => import('../portal/import.ts'),
  },
  {
    id: 'applications',
    roles: ['ADMIN', 'MODERATOR'],
    label: { nl: 'Aanmeldingen', en: 'Applications', de: 'Anmeldungen', da: 'Ansøgninger' },
    load: () => import('../applications/section.ts'),
  },
  {
    id: 'people',
    roles: ['ADMIN', 'MODERATOR'],
    label: { nl: 'Mensen', en: 'People', de: 'Personen', da: 'Personer' },
    load: () => import('../people/section.ts'),
  },
  {
    id: 'organisations',
    roles: ['ADMIN'],
    label: { nl: 'Organisaties', en: 'Organisations', de: 'Organisationen', da: 'Organisationer' },
    load: () => import('../console/organisations/element.ts'),
  },
  {
    id: 'all-keys',
    roles: ['ADMIN'],
    label: {
      nl: 'Alle API-sleutels',
      en: 'All API keys',
      de: 'Alle API-Schlüssel',
      da: 'Alle API-nøgler',
    },
    load: () => import('../console/keys/element.ts'),
  },
  {
    id: 'moderation',
    roles: ['ADMIN', 'MODERATOR'],
    label: { nl: 'Locaties', en: 'Venues', de: 'Standorte', da: 'Steder' },
    load: () => import('../console/venues/element.ts'),
  },
  {
    id: 'editions',
    roles: ['ADMIN'],
    label: { nl: 'Edities', en: 'Editions', de: 'Ausgaben', da: 'Udgaver' },
    load: () => import('../console/editions/element.ts'),
  },
  {
    id: 'federations',
    roles: ['ADMIN'],
    label: { nl: 'Federaties', en: 'Federations', de: 'Verbünde', da: 'Netværk' },
    load: () => import('../console/federations/element.ts'),
  },
  {
    id: 'audit',
    roles: ['ADMIN', 'MODERATOR'],
    label: { nl: 'Logboek', en: 'Audit trail', de: 'Protokoll', da: 'Log' },
    load: () => import('../console/audit/element.ts'),
  },
  {
    id: 'day',
    roles: ['ADMIN', 'MODERATOR'],
    label: { nl: 'De dag', en: 'The day', de: 'Der Tag', da: 'Dagen' },
    load: () => import('./day/day-section.ts'),
  },
  {
    id: 'passkeys',
    roles: ['COORDINATOR', 'ADMIN', 'MODERATOR', 'PRESS'],
    label: { nl: 'Passkeys', en: 'Passkeys', de: 'Passkeys', da: 'Adgangsnøgler' },
    load: () => import('../passkeys/section.ts'),
  },
];

/** The sections a person may open, in the order above. */
export function sectionsFor(me: Me): Section[] {
  const role = roleOf(me);
  return SECTIONS.filter((section) => section.roles.includes(role));
}
