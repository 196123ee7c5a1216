/** The console's People section, in nl, en, de and da. */
import type { Messages } from '../lib/i18n.ts';

export type PeopleKey =
  | 'heading'
  | 'intro'
  | 'inviteTitle'
  | 'name'
  | 'nameHint'
  | 'email'
  | 'emailHint'
  | 'who'
  | 'asCoordinator'
  | 'asStaff'
  | 'organisation'
  | 'chooseOrganisation'
  | 'role'
  | 'roleADMIN'
  | 'roleMODERATOR'
  | 'rolePRESS'
  | 'invite'
  | 'invited'
  | 'invitationLink'
  | 'copy'
  | 'copied'
  | 'emailed'
  | 'notEmailed'
  | 'listTitle'
  | 'you'
  | 'coordinatorOf'
  | 'staff'
  | 'noName'
  | 'remove'
  | 'removeTitle'
  | 'removeWarning'
  | 'removeSelfWarning'
  | 'confirmRemove'
  | 'removed'
  | 'emailRequired'
  | 'emailInvalid'
  | 'messageLanguage'
  | 'messageLanguageHint'
  | 'emailTaken'
  | 'nameTooLong'
  | 'organisationRequired'
  | 'organisationUnknown'
  | 'forbidden';

export const PEOPLE: Messages<PeopleKey> = {
  nl: {
    heading: 'Mensen',
    intro:
      'Wie er kan inloggen: medewerkers van de federatie en coördinatoren van organisaties. Namen en e-mailadressen zijn alleen hier te zien, nooit openbaar.',
    inviteTitle: 'Iemand uitnodigen',
    name: 'Naam (niet verplicht)',
    nameHint: 'Zoals de persoon aangesproken wil worden.',
    email: 'E-mailadres',
    emailHint: 'Hierheen gaan de uitnodiging en later de inloglinks.',
    messageLanguage: 'Taal van de berichten',
    messageLanguageHint: 'De uitnodiging en later de inloglinks worden in deze taal geschreven.',
    who: 'Uitnodigen als',
    asCoordinator: 'Coördinator van een organisatie',
    asStaff: 'Medewerker van de federatie',
    organisation: 'Organisatie',
    chooseOrganisation: 'Kies een organisatie',
    role: 'Rol',
    roleADMIN: 'Beheerder',
    roleMODERATOR: 'Moderator',
    rolePRESS: 'Pers',
    invite: 'Uitnodigen',
    invited: '{person} is uitgenodigd.',
    invitationLink: 'Uitnodigingslink (werkt één keer, 7 dagen geldig)',
    copy: 'Link kopiëren',
    copied: 'De link is gekopieerd.',
    emailed: 'De uitnodiging is ook per e-mail verstuurd.',
    notEmailed: 'Er is geen mailserver: geef deze link zelf door.',
    listTitle: 'Wie kan inloggen',
    you: '(u)',
    coordinatorOf: 'Coördinator van {organisation}',
    staff: 'Federatie: {role}',
    noName: 'Zonder naam',
    remove: 'Verwijderen',
    removeTitle: '{person} verwijderen?',
    removeWarning:
      'Naam, e-mailadres, sessies en links worden gewist. De persoon kan niet meer inloggen tot een nieuwe uitnodiging.',
    removeSelfWarning: 'Dit bent u zelf: u wordt meteen uitgelogd.',
    confirmRemove: 'Ja, verwijderen',
    removed: '{person} is verwijderd.',
    emailRequired: 'Vul het e-mailadres in van wie u uitnodigt.',
    emailInvalid: 'Dit is geen e-mailadres zoals naam@voorbeeld.nl.',
    emailTaken:
      'Dit adres hoort al bij iemand met een andere rol of organisatie; verwijder die eerst.',
    nameTooLong: 'Een naam heeft hoogstens 200 tekens.',
    organisationRequired: 'Kies de organisatie.',
    organisationUnknown: 'Deze organisatie bestaat niet (meer).',
    forbidden: 'U mag deze persoon niet uitnodigen of verwijderen.',
  },
  en: {
    heading: 'People',
    intro:
      'Who can sign in: the federation’s staff and the coordinators of organisations. Names and e-mail addresses are shown only here, never in public.',
    inviteTitle: 'Invite someone',
    name: 'Name (optional)',
    nameHint: 'As the person likes to be addressed.',
    email: 'E-mail address',
    emailHint: 'Where the invitation and, later, sign-in links go.',
    messageLanguage: 'Language of their messages',
    messageLanguageHint: 'The invitation, and later sign-in links, are written in this language.',
    who: 'Invite as',
    asCoordinator: 'Coordinator of an organisation',
    asStaff: 'Member of the federation’s staff',
    organisation: 'Organisation',
    chooseOrganisation: 'Choose an organisation',
    role: 'Role',
    roleADMIN: 'Admin',
    roleMODERATOR: 'Moderator',
    rolePRESS: 'Press',
    invite: 'Invite',
    invited: '{person} is invited.',
    invitationLink: 'Invitation link (works once, valid 7 days)',
    copy: 'Copy the link',
    copied: 'The link is copied.',
    emailed: 'The invitation was also sent by e-mail.',
    notEmailed: 'There is no mail server: pass this link on yourself.',
    listTitle: 'Who can sign in',
    you: '(you)',
    coordinatorOf: 'Coordinator of {organisation}',
    staff: 'Federation: {role}',
    noName: 'No name',
    remove: 'Remove',
    removeTitle: 'Remove {person}?',
    removeWarning:
      'Their name, e-mail address, sessions and links are deleted. They cannot sign in again until invited anew.',
    removeSelfWarning: 'This is you: you will be signed out at once.',
    confirmRemove: 'Yes, remove',
    removed: '{person} is removed.',
    emailRequired: 'Enter the e-mail address of the person you invite.',
    emailInvalid: 'This is not an e-mail address like name@example.org.',
    emailTaken:
      'This address already belongs to someone with another role or organisation; remove them first.',
    nameTooLong: 'A name is at most 200 characters.',
    organisationRequired: 'Choose the organisation.',
    organisationUnknown: 'This organisation does not exist (any more).',
    forbidden: 'You may not invite or remove this person.',
  },
  de: {
    heading: 'Personen',
    intro:
      'Wer sich anmelden kann: die Mitarbeitenden des Verbands und die Koordinator:innen der Organisationen. Namen und E-Mail-Adressen stehen nur hier, nie öffentlich.',
    inviteTitle: 'Jemanden einladen',
    name: 'Name (freiwillig)',
    nameHint: 'Wie die Person angesprochen werden möchte.',
    email: 'E-Mail-Adresse',
    emailHint: 'Hierhin gehen die Einladung und später die Anmeldelinks.',
    messageLanguage: 'Sprache der Nachrichten',
    messageLanguageHint:
      'Die Einladung und spätere Anmeldelinks werden in dieser Sprache geschrieben.',
    who: 'Einladen als',
    asCoordinator: 'Koordinator:in einer Organisation',
    asStaff: 'Mitarbeiter:in des Verbands',
    organisation: 'Organisation',
    chooseOrganisation: 'Organisation wählen',
    role: 'Rolle',
    roleADMIN: 'Administrator:in',
    roleMODERATOR: 'Moderator:in',
    rolePRESS: 'Presse',
    invite: 'Einladen',
    invited: '{person} ist eingeladen.',
    invitationLink: 'Einladungslink (funktioniert einmal, 7 Tage gültig)',
    copy: 'Link kopieren',
    copied: 'Der Link ist kopiert.',
    emailed: 'Die Einladung wurde auch per E-Mail verschickt.',
    notEmailed: 'Es gibt keinen Mailserver: Geben Sie diesen Link selbst weiter.',
    listTitle: 'Wer sich anmelden kann',
    you: '(Sie)',
    coordinatorOf: 'Koordination für {organisation}',
    staff: 'Verband: {role}',
    noName: 'Ohne Namen',
    remove: 'Entfernen',
    removeTitle: '{person} entfernen?',
    removeWarning:
      'Name, E-Mail-Adresse, Sitzungen und Links werden gelöscht. Eine Anmeldung ist erst nach einer neuen Einladung wieder möglich.',
    removeSelfWarning: 'Das sind Sie selbst: Sie werden sofort abgemeldet.',
    confirmRemove: 'Ja, entfernen',
    removed: '{person} ist entfernt.',
    emailRequired: 'Geben Sie die E-Mail-Adresse der eingeladenen Person an.',
    emailInvalid: 'Das ist keine E-Mail-Adresse wie name@beispiel.de.',
    emailTaken:
      'Diese Adresse gehört schon jemandem mit einer anderen Rolle oder Organisation; entfernen Sie diese Person zuerst.',
    nameTooLong: 'Ein Name hat höchstens 200 Zeichen.',
    organisationRequired: 'Wählen Sie die Organisation.',
    organisationUnknown: 'Diese Organisation gibt es nicht (mehr).',
    forbidden: 'Sie dürfen diese Person nicht einladen oder entfernen.',
  },
  da: {
    heading: 'Personer',
    intro:
      'Hvem der kan logge ind: forbundets medarbejdere og organisationernes koordinatorer. Navne og e-mailadresser vises kun her, aldrig offentligt.',
    inviteTitle: 'Inviter nogen',
    name: 'Navn (frivilligt)',
    nameHint: 'Som personen gerne vil tiltales.',
    email: 'E-mailadresse',
    emailHint: 'Hertil sendes invitationen og senere links til at logge ind.',
    messageLanguage: 'Sprog i beskederne',
    messageLanguageHint: 'Invitationen og senere login-links skrives på dette sprog.',
    who: 'Inviter som',
    asCoordinator: 'Koordinator for en organisation',
    asStaff: 'Medarbejder i forbundet',
    organisation: 'Organisation',
    chooseOrganisation: 'Vælg en organisation',
    role: 'Rolle',
    roleADMIN: 'Administrator',
    roleMODERATOR: 'Moderator',
    rolePRESS: 'Presse',
    invite: 'Inviter',
    invited: '{person} er inviteret.',
    invitationLink: 'Invitationslink (virker én gang, gyldigt i 7 dage)',
    copy: 'Kopiér linket',
    copied: 'Linket er kopieret.',
    emailed: 'Invitationen er også sendt med e-mail.',
    notEmailed: 'Der er ingen mailserver: giv selv linket videre.',
    listTitle: 'Hvem der kan logge ind',
    you: '(dig)',
    coordinatorOf: 'Koordinator for {organisation}',
    staff: 'Forbundet: {role}',
    noName: 'Uden navn',
    remove: 'Fjern',
    removeTitle: 'Fjern {person}?',
    removeWarning:
      'Navn, e-mailadresse, sessioner og links slettes. Personen kan ikke logge ind igen før en ny invitation.',
    removeSelfWarning: 'Det er dig selv: du bliver logget ud med det samme.',
    confirmRemove: 'Ja, fjern',
    removed: '{person} er fjernet.',
    emailRequired: 'Skriv e-mailadressen på den, du inviterer.',
    emailInvalid: 'Det er ikke en e-mailadresse som navn@eksempel.dk.',
    emailTaken:
      'Adressen hører allerede til en med en anden rolle eller organisation; fjern vedkommende først.',
    nameTooLong: 'Et navn har højst 200 tegn.',
    organisationRequired: 'Vælg organisationen.',
    organisationUnknown: 'Denne organisation findes ikke (længere).',
    forbidden: 'Du må ikke invitere eller fjerne denne person.',
  },
};
