/**
 * The federation's terms that an organisation consents to when it applies to join. The version
 * consented to is stored with each application: when the text changes, give it a new version
 * (the date it takes effect), and forms opened before then are asked to reload.
 */
import type { LANGS } from '@tafel/schema';

export const TERMS_VERSION = '2026-12-01';

export const TERMS_TEXT: Record<(typeof LANGS)[number], string> = {
  nl: 'Wij organiseren als lid van de federatie ontmoetingen aan tafel voor iedereen, zonder onderscheid. Wij houden de gegevens van onze locaties juist en actueel. De federatie bewaart de naam en het e-mailadres van onze contactpersoon alleen om met ons te werken, toont ze nooit openbaar en verwijdert ze op verzoek. De federatie mag onze organisatie en onze locaties openbaar tonen en als open data delen.',
  en: 'As a member of the federation, we host meetings at the table for everyone, without distinction. We keep the details of our venues correct and up to date. The federation keeps the name and e-mail address of our contact person only to work with us, never shows them publicly, and deletes them on request. The federation may show our organisation and our venues publicly and share them as open data.',
  de: 'Als Mitglied der Föderation richten wir Begegnungen am Tisch für alle aus, ohne Unterschied. Wir halten die Angaben zu unseren Orten richtig und aktuell. Die Föderation speichert Name und E-Mail-Adresse unserer Kontaktperson nur für die Zusammenarbeit mit uns, zeigt sie nie öffentlich und löscht sie auf Wunsch. Die Föderation darf unsere Organisation und unsere Orte öffentlich zeigen und als offene Daten teilen.',
  da: 'Som medlem af føderationen holder vi møder ved bordet for alle, uden forskel. Vi holder oplysningerne om vores steder korrekte og opdaterede. Føderationen gemmer kun navn og e-mailadresse på vores kontaktperson for at arbejde sammen med os, viser dem aldrig offentligt og sletter dem på anmodning. Føderationen må vise vores organisation og vores steder offentligt og dele dem som åbne data.',
};
