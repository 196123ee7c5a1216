/** The staff console's sections, for the /manage registry (manage/sections.ts). */
import type { Section } from '../manage/sections.ts';

export const CONSOLE_SECTIONS: Section[] = [
  {
    id: 'organisations',
    roles: ['ADMIN'],
    label: { nl: 'Organisaties', en: 'Organisations', de: 'Organisationen', da: 'Organisationer' },
    load: () => import('./organisations/element.ts'),
  },
  {
    id: 'venues',
    roles: ['ADMIN', 'MODERATOR'],
    label: { nl: 'Locaties', en: 'Venues', de: 'Standorte', da: 'Steder' },
    load: () => import('./venues/element.ts'),
  },
  {
    id: 'editions',
    roles: ['ADMIN'],
    label: { nl: 'Edities', en: 'Editions', de: 'Ausgaben', da: 'Udgaver' },
    load: () => import('./editions/element.ts'),
  },
  {
    id: 'audit',
    roles: ['ADMIN', 'MODERATOR'],
    label: { nl: 'Logboek', en: 'Audit trail', de: 'Protokoll', da: 'Log' },
    load: () => import('./audit/element.ts'),
  },
];
