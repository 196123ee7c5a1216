/** The console's Applications section, in nl, en, de and da. */
import type { Messages } from '../lib/i18n.ts';

export type ApplicationsKey =
  | 'heading'
  | 'intro'
  | 'loading'
  | 'offline'
  | 'none'
  | 'federation'
  | 'kind'
  | 'website'
  | 'contact'
  | 'sent'
  | 'terms'
  | 'approve'
  | 'reject'
  | 'reason'
  | 'reasonHint'
  | 'reasonRequired'
  | 'confirmReject'
  | 'cancel'
  | 'approved'
  | 'invitationLink'
  | 'invitationEmailed'
  | 'invitationNotEmailed'
  | 'copy'
  | 'copied'
  | 'rejected'
  | 'rejectedEmailed'
  | 'rejectedNotEmailed'
  | 'failed'
  | 'decided'
  | 'emailTaken';

export const APPLICATIONS: Messages<ApplicationsKey> = {
  nl: {
    heading: 'Aanmeldingen',
    intro:
      'Organisaties die zich via het aanmeldformulier hebben aangemeld en op een besluit wachten.',
    loading: 'Laden…',
    offline: 'De server is niet bereikbaar. Probeer het zo opnieuw.',
    none: 'Er wachten geen aanmeldingen.',
    federation: 'Netwerk',
    kind: 'Soort',
    website: 'Website',
    contact: 'Contactpersoon',
    sent: 'Verstuurd',
    terms: 'Voorwaarden (versie)',
    approve: 'Goedkeuren',
    reject: 'Afwijzen',
    reason: 'Reden van afwijzing',
    reasonHint: 'De aanvrager krijgt deze tekst te lezen.',
    reasonRequired: 'Schrijf waarom de aanmelding wordt afgewezen.',
    confirmReject: 'Aanmelding afwijzen',
    cancel: 'Annuleren',
    approved: '{organisation} is toegelaten en de contactpersoon is uitgenodigd als coördinator.',
    invitationLink: 'Uitnodigingslink (werkt één keer, 7 dagen geldig)',
    invitationEmailed: 'De uitnodiging is ook per e-mail verstuurd.',
    invitationNotEmailed: 'Er is geen mailserver: geef deze link zelf door aan de contactpersoon.',
    copy: 'Link kopiëren',
    copied: 'De link is gekopieerd.',
    rejected: 'De aanmelding van {organisation} is afgewezen.',
    rejectedEmailed: 'De aanvrager krijgt de reden per e-mail.',
    rejectedNotEmailed: 'Er is geen mailserver: laat de aanvrager zelf de reden weten ({email}).',
    failed: 'Dat lukte niet. Laad de lijst opnieuw en probeer het nog eens.',
    decided: 'Over deze aanmelding is al besloten.',
    emailTaken:
      'Dit e-mailadres hoort al bij iemand met een andere rol of organisatie. Verwijder die persoon eerst, of vraag om een ander adres.',
  },
  en: {
    heading: 'Applications',
    intro: 'Organisations that applied on the join form and are waiting for a decision.',
    loading: 'Loading…',
    offline: 'The server cannot be reached. Try again in a moment.',
    none: 'No applications are waiting.',
    federation: 'Network',
    kind: 'Kind',
    website: 'Website',
    contact: 'Contact person',
    sent: 'Sent',
    terms: 'Terms (version)',
    approve: 'Approve',
    reject: 'Reject',
    reason: 'Reason for rejecting',
    reasonHint: 'The applicant is told this text.',
    reasonRequired: 'Write why the application is rejected.',
    confirmReject: 'Reject application',
    cancel: 'Cancel',
    approved: '{organisation} is admitted and its contact person invited as coordinator.',
    invitationLink: 'Invitation link (works once, valid 7 days)',
    invitationEmailed: 'The invitation was also sent by e-mail.',
    invitationNotEmailed:
      'There is no mail server: pass this link on to the contact person yourself.',
    copy: 'Copy link',
    copied: 'The link is copied.',
    rejected: 'The application of {organisation} is rejected.',
    rejectedEmailed: 'The applicant is e-mailed the reason.',
    rejectedNotEmailed:
      'There is no mail server: tell the applicant the reason yourself ({email}).',
    failed: 'That did not work. Reload the list and try again.',
    decided: 'This application was already decided.',
    emailTaken:
      'This e-mail address already belongs to someone with another role or organisation. Remove that person first, or ask for another address.',
  },
  de: {
    heading: 'Anmeldungen',
    intro:
      'Organisationen, die sich über das Anmeldeformular angemeldet haben und auf eine Entscheidung warten.',
    loading: 'Wird geladen…',
    offline: 'Der Server ist nicht erreichbar. Bitte gleich noch einmal versuchen.',
    none: 'Es warten keine Anmeldungen.',
    federation: 'Netzwerk',
    kind: 'Art',
    website: 'Website',
    contact: 'Kontaktperson',
    sent: 'Gesendet',
    terms: 'Bedingungen (Version)',
    approve: 'Annehmen',
    reject: 'Ablehnen',
    reason: 'Grund der Ablehnung',
    reasonHint: 'Die antragstellende Organisation erhält diesen Text.',
    reasonRequired: 'Schreiben Sie, warum die Anmeldung abgelehnt wird.',
    confirmReject: 'Anmeldung ablehnen',
    cancel: 'Abbrechen',
    approved: '{organisation} ist aufgenommen, die Kontaktperson als Koordinator eingeladen.',
    invitationLink: 'Einladungslink (funktioniert einmal, 7 Tage gültig)',
    invitationEmailed: 'Die Einladung wurde auch per E-Mail verschickt.',
    invitationNotEmailed:
      'Es gibt keinen Mailserver: Geben Sie diesen Link selbst an die Kontaktperson weiter.',
    copy: 'Link kopieren',
    copied: 'Der Link ist kopiert.',
    rejected: 'Die Anmeldung von {organisation} ist abgelehnt.',
    rejectedEmailed: 'Die antragstellende Organisation erhält den Grund per E-Mail.',
    rejectedNotEmailed: 'Es gibt keinen Mailserver: Teilen Sie den Grund selbst mit ({email}).',
    failed: 'Das hat nicht geklappt. Laden Sie die Liste neu und versuchen Sie es noch einmal.',
    decided: 'Über diese Anmeldung wurde bereits entschieden.',
    emailTaken:
      'Diese E-Mail-Adresse gehört schon jemandem mit einer anderen Rolle oder Organisation. Entfernen Sie diese Person zuerst oder fragen Sie nach einer anderen Adresse.',
  },
  da: {
    heading: 'Ansøgninger',
    intro: 'Organisationer, der har søgt via tilmeldingsformularen og venter på en afgørelse.',
    loading: 'Indlæser…',
    offline: 'Serveren kan ikke nås. Prøv igen om lidt.',
    none: 'Ingen ansøgninger venter.',
    federation: 'Netværk',
    kind: 'Type',
    website: 'Hjemmeside',
    contact: 'Kontaktperson',
    sent: 'Sendt',
    terms: 'Vilkår (version)',
    approve: 'Godkend',
    reject: 'Afvis',
    reason: 'Begrundelse for afvisning',
    reasonHint: 'Ansøgeren får denne tekst at se.',
    reasonRequired: 'Skriv hvorfor ansøgningen afvises.',
    confirmReject: 'Afvis ansøgning',
    cancel: 'Annuller',
    approved: '{organisation} er optaget, og kontaktpersonen er inviteret som koordinator.',
    invitationLink: 'Invitationslink (virker én gang, gyldigt i 7 dage)',
    invitationEmailed: 'Invitationen er også sendt pr. e-mail.',
    invitationNotEmailed: 'Der er ingen mailserver: giv selv linket videre til kontaktpersonen.',
    copy: 'Kopiér link',
    copied: 'Linket er kopieret.',
    rejected: 'Ansøgningen fra {organisation} er afvist.',
    rejectedEmailed: 'Ansøgeren får begrundelsen pr. e-mail.',
    rejectedNotEmailed: 'Der er ingen mailserver: fortæl selv ansøgeren begrundelsen ({email}).',
    failed: 'Det lykkedes ikke. Genindlæs listen og prøv igen.',
    decided: 'Der er allerede truffet afgørelse om denne ansøgning.',
    emailTaken:
      'Denne e-mailadresse tilhører allerede en person med en anden rolle eller organisation. Fjern den person først, eller bed om en anden adresse.',
  },
};
