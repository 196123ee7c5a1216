/**
 * What a section of /manage is given: the language and who is signed in. Types only, apart
 * from the registry (sections.ts), so a section can name them without importing the registry
 * that loads it.
 */
import type { Lang } from '../lib/i18n.ts';

export type Role = 'COORDINATOR' | 'ADMIN' | 'MODERATOR' | 'PRESS';

export interface Me {
  id: string;
  name: string | null;
  email: string;
  role: 'ADMIN' | 'MODERATOR' | 'PRESS' | null;
  organisation: { id: string; slug: string; name: string } | null;
}

export interface SectionContext {
  lang: Lang;
  me: Me;
}
