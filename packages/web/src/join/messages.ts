/** The join form's words, in nl, en, de and da. */
import type { Messages } from '../lib/i18n.ts';

export type JoinKey =
  | 'title'
  | 'heading'
  | 'intro'
  | 'language'
  | 'loading'
  | 'offline'
  | 'problem'
  | 'federation'
  | 'federationHint'
  | 'federationNone'
  | 'federationNotFound'
  | 'organisationName'
  | 'organisationNameHint'
  | 'organisationNameRequired'
  | 'organisationNameTooLong'
  | 'organisationNameInvalid'
  | 'kind'
  | 'kindChoose'
  | 'kindRequired'
  | 'website'
  | 'websiteHint'
  | 'websiteInvalid'
  | 'websiteTooLong'
  | 'contactName'
  | 'contactNameHint'
  | 'contactNameRequired'
  | 'contactNameTooLong'
  | 'contactNameInvalid'
  | 'email'
  | 'emailHint'
  | 'emailRequired'
  | 'emailInvalid'
  | 'terms'
  | 'consent'
  | 'consentRequired'
  | 'termsChanged'
  | 'honeypot'
  | 'send'
  | 'sending'
  | 'refused'
  | 'rateLimited'
  | 'stale'
  | 'thanksHeading'
  | 'thanks'
  | 'optional';

export const JOIN: Messages<JoinKey> = {
  nl: {
    title: 'Aanmelden als organisatie — Tafel',
    heading: 'Meld je organisatie aan',
    intro:
      'Wil je organisatie tafels organiseren? Vul dit formulier in. Een medewerker van de federatie bekijkt je aanmelding en stuurt de contactpersoon een uitnodiging.',
    language: 'Taal',
    loading: 'Laden…',
    offline: 'De server is niet bereikbaar. Probeer het zo opnieuw.',
    problem: 'Er is iets niet in orde',
    federation: 'Bij welk netwerk wil je je aansluiten?',
    federationHint: 'De medewerkers van dat netwerk bekijken je aanmelding.',
    federationNone: '— geen bepaald netwerk',
    federationNotFound: 'Dit netwerk bestaat niet (meer). Kies een ander of geen bepaald netwerk.',
    organisationName: 'Naam van de organisatie',
    organisationNameHint: 'Zoals je organisatie zich noemt, bijvoorbeeld Buurthuis De Linde',
    organisationNameRequired: 'Vul de naam van de organisatie in.',
    organisationNameTooLong: 'De naam mag hoogstens 200 tekens lang zijn.',
    organisationNameInvalid: 'De naam bevat tekens die niet kunnen. Typ hem op één regel.',
    kind: 'Soort organisatie',
    kindChoose: 'Kies…',
    kindRequired: 'Kies wat voor organisatie het is.',
    website: 'Website (niet verplicht)',
    websiteHint: 'Het volledige adres, bijvoorbeeld https://www.voorbeeld.nl',
    websiteInvalid: 'Vul een webadres in dat begint met https:// of http://.',
    websiteTooLong: 'Het webadres mag hoogstens 500 tekens lang zijn.',
    contactName: 'Naam van de contactpersoon',
    contactNameHint: 'Deze persoon krijgt de uitnodiging en beheert straks de tafels',
    contactNameRequired: 'Vul de naam van de contactpersoon in.',
    contactNameTooLong: 'De naam mag hoogstens 200 tekens lang zijn.',
    contactNameInvalid: 'De naam bevat tekens die niet kunnen. Typ hem op één regel.',
    email: 'E-mailadres van de contactpersoon',
    emailHint: 'Hier komt de uitnodiging naartoe, bijvoorbeeld naam@organisatie.nl',
    emailRequired: 'Vul het e-mailadres van de contactpersoon in.',
    emailInvalid: 'Vul een geldig e-mailadres in, zoals naam@organisatie.nl.',
    terms: 'Voorwaarden van de federatie',
    consent: 'Namens de organisatie ga ik akkoord met deze voorwaarden',
    consentRequired: 'Ga akkoord met de voorwaarden om je aan te melden.',
    termsChanged: 'De voorwaarden zijn veranderd. Laad de pagina opnieuw en lees ze.',
    honeypot: 'Laat dit veld leeg',
    send: 'Aanmelding versturen',
    sending: 'Bezig met versturen…',
    refused:
      'Je aanmelding kon niet worden aangenomen. Wacht even, controleer je antwoorden en verstuur opnieuw.',
    rateLimited:
      'Er zijn vanaf jouw adres te veel aanmeldingen verstuurd. Probeer het over een uur opnieuw.',
    stale: 'Dit formulier is te oud. Laad de pagina opnieuw en verstuur het nog eens.',
    thanksHeading: 'Bedankt voor je aanmelding',
    thanks:
      'We hebben je aanmelding ontvangen. Een medewerker van de federatie bekijkt haar. Wordt ze goedgekeurd, dan krijgt de contactpersoon een e-mail met een link om in te loggen.',
    optional: 'niet verplicht',
  },
  en: {
    title: 'Apply to join — Tafel',
    heading: 'Apply to join',
    intro:
      'Would your organisation like to host tables? Fill in this form. A member of the federation’s staff reviews your application and sends the contact person an invitation.',
    language: 'Language',
    loading: 'Loading…',
    offline: 'The server cannot be reached. Try again in a moment.',
    problem: 'There is a problem',
    federation: 'Which network do you want to join?',
    federationHint: 'The staff of that network review your application.',
    federationNone: '— no particular network',
    federationNotFound:
      'This network does not exist (any more). Choose another, or no particular network.',
    organisationName: 'Name of the organisation',
    organisationNameHint:
      'As your organisation calls itself, for example Community Centre The Lime',
    organisationNameRequired: 'Enter the name of the organisation.',
    organisationNameTooLong: 'The name can be at most 200 characters long.',
    organisationNameInvalid:
      'The name contains characters that are not allowed. Type it on one line.',
    kind: 'Kind of organisation',
    kindChoose: 'Choose…',
    kindRequired: 'Choose what kind of organisation it is.',
    website: 'Website (optional)',
    websiteHint: 'The full address, for example https://www.example.org',
    websiteInvalid: 'Enter a web address that starts with https:// or http://.',
    websiteTooLong: 'The web address can be at most 500 characters long.',
    contactName: 'Name of the contact person',
    contactNameHint: 'This person gets the invitation and will manage the tables',
    contactNameRequired: 'Enter the name of the contact person.',
    contactNameTooLong: 'The name can be at most 200 characters long.',
    contactNameInvalid: 'The name contains characters that are not allowed. Type it on one line.',
    email: 'E-mail address of the contact person',
    emailHint: 'The invitation goes here, for example name@organisation.org',
    emailRequired: 'Enter the e-mail address of the contact person.',
    emailInvalid: 'Enter a valid e-mail address, like name@organisation.org.',
    terms: 'The federation’s terms',
    consent: 'On behalf of the organisation, I agree to these terms',
    consentRequired: 'Agree to the terms to apply.',
    termsChanged: 'The terms have changed. Reload the page and read them.',
    honeypot: 'Leave this field empty',
    send: 'Send application',
    sending: 'Sending…',
    refused:
      'Your application could not be accepted. Wait a moment, check your answers and send it again.',
    rateLimited: 'Too many applications were sent from your address. Try again in an hour.',
    stale: 'This form is too old. Reload the page and send it again.',
    thanksHeading: 'Thank you for applying',
    thanks:
      'We have received your application. A member of the federation’s staff will review it. If it is approved, the contact person gets an e-mail with a link to sign in.',
    optional: 'optional',
  },
  de: {
    title: 'Mitglied werden — Tafel',
    heading: 'Als Organisation mitmachen',
    intro:
      'Möchte Ihre Organisation Tische ausrichten? Füllen Sie dieses Formular aus. Eine Mitarbeiterin oder ein Mitarbeiter der Föderation prüft Ihre Anmeldung und schickt der Kontaktperson eine Einladung.',
    language: 'Sprache',
    loading: 'Wird geladen…',
    offline: 'Der Server ist nicht erreichbar. Bitte gleich noch einmal versuchen.',
    problem: 'Bitte prüfen Sie Ihre Angaben',
    federation: 'Welchem Netzwerk möchten Sie beitreten?',
    federationHint: 'Die Mitarbeitenden dieses Netzwerks prüfen Ihre Anmeldung.',
    federationNone: '— kein bestimmtes Netzwerk',
    federationNotFound:
      'Dieses Netzwerk gibt es nicht (mehr). Wählen Sie ein anderes oder kein bestimmtes Netzwerk.',
    organisationName: 'Name der Organisation',
    organisationNameHint:
      'So, wie sich Ihre Organisation nennt, zum Beispiel Nachbarschaftshaus Linde',
    organisationNameRequired: 'Geben Sie den Namen der Organisation ein.',
    organisationNameTooLong: 'Der Name darf höchstens 200 Zeichen lang sein.',
    organisationNameInvalid:
      'Der Name enthält Zeichen, die nicht erlaubt sind. Schreiben Sie ihn in eine Zeile.',
    kind: 'Art der Organisation',
    kindChoose: 'Bitte wählen…',
    kindRequired: 'Wählen Sie, welche Art von Organisation es ist.',
    website: 'Website (freiwillig)',
    websiteHint: 'Die vollständige Adresse, zum Beispiel https://www.beispiel.de',
    websiteInvalid: 'Geben Sie eine Webadresse ein, die mit https:// oder http:// beginnt.',
    websiteTooLong: 'Die Webadresse darf höchstens 500 Zeichen lang sein.',
    contactName: 'Name der Kontaktperson',
    contactNameHint: 'Diese Person erhält die Einladung und verwaltet später die Tische',
    contactNameRequired: 'Geben Sie den Namen der Kontaktperson ein.',
    contactNameTooLong: 'Der Name darf höchstens 200 Zeichen lang sein.',
    contactNameInvalid:
      'Der Name enthält Zeichen, die nicht erlaubt sind. Schreiben Sie ihn in eine Zeile.',
    email: 'E-Mail-Adresse der Kontaktperson',
    emailHint: 'Hierhin geht die Einladung, zum Beispiel name@organisation.de',
    emailRequired: 'Geben Sie die E-Mail-Adresse der Kontaktperson ein.',
    emailInvalid: 'Geben Sie eine gültige E-Mail-Adresse ein, etwa name@organisation.de.',
    terms: 'Bedingungen der Föderation',
    consent: 'Im Namen der Organisation stimme ich diesen Bedingungen zu',
    consentRequired: 'Stimmen Sie den Bedingungen zu, um sich anzumelden.',
    termsChanged: 'Die Bedingungen haben sich geändert. Laden Sie die Seite neu und lesen Sie sie.',
    honeypot: 'Dieses Feld leer lassen',
    send: 'Anmeldung senden',
    sending: 'Wird gesendet…',
    refused:
      'Ihre Anmeldung konnte nicht angenommen werden. Warten Sie kurz, prüfen Sie Ihre Angaben und senden Sie sie erneut.',
    rateLimited:
      'Von Ihrer Adresse wurden zu viele Anmeldungen gesendet. Versuchen Sie es in einer Stunde erneut.',
    stale: 'Dieses Formular ist zu alt. Laden Sie die Seite neu und senden Sie es noch einmal.',
    thanksHeading: 'Vielen Dank für Ihre Anmeldung',
    thanks:
      'Wir haben Ihre Anmeldung erhalten. Die Föderation prüft sie. Wird sie angenommen, erhält die Kontaktperson eine E-Mail mit einem Anmeldelink.',
    optional: 'freiwillig',
  },
  da: {
    title: 'Bliv medlem — Tafel',
    heading: 'Tilmeld din organisation',
    intro:
      'Vil din organisation holde borde? Udfyld denne formular. En medarbejder i føderationen ser din ansøgning igennem og sender kontaktpersonen en invitation.',
    language: 'Sprog',
    loading: 'Indlæser…',
    offline: 'Serveren kan ikke nås. Prøv igen om lidt.',
    problem: 'Der er et problem',
    federation: 'Hvilket netværk vil du være med i?',
    federationHint: 'Netværkets medarbejdere ser din ansøgning igennem.',
    federationNone: '— intet bestemt netværk',
    federationNotFound:
      'Netværket findes ikke (længere). Vælg et andet eller intet bestemt netværk.',
    organisationName: 'Organisationens navn',
    organisationNameHint: 'Som organisationen kalder sig, for eksempel Medborgerhuset Linden',
    organisationNameRequired: 'Skriv organisationens navn.',
    organisationNameTooLong: 'Navnet må højst være 200 tegn langt.',
    organisationNameInvalid: 'Navnet indeholder tegn, der ikke er tilladt. Skriv det på én linje.',
    kind: 'Type organisation',
    kindChoose: 'Vælg…',
    kindRequired: 'Vælg hvilken type organisation det er.',
    website: 'Hjemmeside (valgfri)',
    websiteHint: 'Den fulde adresse, for eksempel https://www.eksempel.dk',
    websiteInvalid: 'Skriv en webadresse, der begynder med https:// eller http://.',
    websiteTooLong: 'Webadressen må højst være 500 tegn lang.',
    contactName: 'Kontaktpersonens navn',
    contactNameHint: 'Denne person får invitationen og styrer senere bordene',
    contactNameRequired: 'Skriv kontaktpersonens navn.',
    contactNameTooLong: 'Navnet må højst være 200 tegn langt.',
    contactNameInvalid: 'Navnet indeholder tegn, der ikke er tilladt. Skriv det på én linje.',
    email: 'Kontaktpersonens e-mailadresse',
    emailHint: 'Invitationen sendes hertil, for eksempel navn@organisation.dk',
    emailRequired: 'Skriv kontaktpersonens e-mailadresse.',
    emailInvalid: 'Skriv en gyldig e-mailadresse, som navn@organisation.dk.',
    terms: 'Føderationens vilkår',
    consent: 'På organisationens vegne accepterer jeg disse vilkår',
    consentRequired: 'Accepter vilkårene for at tilmelde jer.',
    termsChanged: 'Vilkårene er ændret. Genindlæs siden og læs dem.',
    honeypot: 'Lad dette felt være tomt',
    send: 'Send tilmelding',
    sending: 'Sender…',
    refused:
      'Din tilmelding kunne ikke modtages. Vent et øjeblik, tjek dine svar og send den igen.',
    rateLimited: 'Der er sendt for mange tilmeldinger fra din adresse. Prøv igen om en time.',
    stale: 'Formularen er for gammel. Genindlæs siden og send den igen.',
    thanksHeading: 'Tak for din tilmelding',
    thanks:
      'Vi har modtaget din tilmelding. En medarbejder i føderationen ser den igennem. Bliver den godkendt, får kontaktpersonen en e-mail med et link til at logge ind.',
    optional: 'valgfri',
  },
};
