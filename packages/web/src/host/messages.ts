/** The host's counter, in four languages. */
import type { Messages } from '../lib/i18n.ts';

type Key =
  | 'brand'
  | 'loading'
  | 'language'
  | 'counted'
  | 'ofCapacity'
  | 'noCapacity'
  | 'plusOne'
  | 'plusFive'
  | 'minusOne'
  | 'setHeading'
  | 'setLabel'
  | 'setButton'
  | 'fullLabel'
  | 'fullHint'
  | 'totalLabel'
  | 'totalValue'
  | 'totalUnknown'
  | 'pendingOne'
  | 'pendingMany'
  | 'allSent'
  | 'offline'
  | 'belowZero'
  | 'atCapacity'
  | 'atCapacityText'
  | 'newCapacity'
  | 'raise'
  | 'overPrompt'
  | 'raiseAndCount'
  | 'raiseAndSet'
  | 'dontCount'
  | 'setTooHigh'
  | 'raiseTooLow'
  | 'raised'
  | 'notCounted'
  | 'refusedBelowZero'
  | 'refusedCancelled'
  | 'refusedClosed'
  | 'refusedVenue'
  | 'refusedConflict'
  | 'refusedOther'
  | 'linkRevoked'
  | 'linkExpired'
  | 'linkUnknown'
  | 'linkHeading'
  | 'stuck'
  | 'offlineNoData'
  | 'retry'
  | 'wholeNumber'
  | 'announce'
  | 'fullOn'
  | 'fullOff'
  | 'rolesLabel'
  | 'roleCount'
  | 'plusRole'
  | 'minusRole'
  | 'roleBelowZero'
  | 'overRolePrompt'
  | 'raiseRoleAndCount'
  | 'roleAtSeats'
  | 'roleAtSeatsText'
  | 'newRoleSeats'
  | 'raiseRole'
  | 'raisedRole'
  | 'setTooHighRoles';

export const HOST: Messages<Key> = {
  nl: {
    brand: 'Tafel — teller voor gastheren',
    loading: 'Laden…',
    language: 'Taal',
    counted: 'mensen geteld',
    ofCapacity: 'van {capacity} plaatsen',
    noCapacity: 'geen maximum aantal plaatsen',
    plusOne: '+1 erbij',
    plusFive: '+5 erbij',
    minusOne: '−1 eraf',
    setHeading: 'Het aantal instellen',
    setLabel: 'Aantal nu',
    setButton: 'Instellen',
    fullLabel: 'We zitten vol',
    fullHint: 'De kaart toont de locatie dan als vol.',
    totalLabel: 'Vandaag in totaal',
    totalValue: '{total} mensen aan tafel',
    totalUnknown: 'Het totaal is nu niet bekend.',
    pendingOne: '1 tik wacht om verstuurd te worden.',
    pendingMany: '{n} tikken wachten om verstuurd te worden.',
    allSent: 'Alles is verstuurd.',
    offline:
      'Geen verbinding: je tikken blijven op deze telefoon en gaan vanzelf weg zodra er weer verbinding is.',
    belowZero: 'Het aantal is al 0: er kan niemand af.',
    atCapacity: 'Vol: {count} van {capacity} plaatsen',
    atCapacityText:
      'Zijn er meer mensen? Verhoog het aantal plaatsen, zodat iedereen geteld wordt.',
    newCapacity: 'Nieuw aantal plaatsen',
    raise: 'Plaatsen verhogen',
    overPrompt: 'De locatie heeft {capacity} plaatsen; hiermee worden het er {after}.',
    raiseAndCount: 'Verhoog naar {n} en tel mee',
    raiseAndSet: 'Verhoog naar {n} en stel het aantal in',
    dontCount: 'Niet tellen',
    setTooHigh:
      '{value} is meer dan de {capacity} plaatsen. Verhoog eerst het aantal plaatsen, of controleer het getal.',
    raiseTooLow: 'Het nieuwe aantal plaatsen moet hoger zijn dan {capacity}.',
    raised: 'Het aantal plaatsen is nu {capacity}.',
    notCounted: '{n} tikken konden niet geteld worden.',
    refusedBelowZero: 'Een −1 is niet geteld: het aantal zou onder 0 komen.',
    refusedCancelled: 'Deze locatie is geannuleerd: er kan niets meer geteld worden.',
    refusedClosed: 'Deze editie is gesloten: er kan niets meer geteld worden.',
    refusedVenue: 'Deze link hoort bij een andere locatie.',
    refusedConflict: 'Een tik is twee keer met verschillende getallen verstuurd en niet geteld.',
    refusedOther: 'Niet geteld: {message}',
    linkRevoked:
      'Deze link is ingetrokken. Vraag je organisatie om een nieuwe link voor deze locatie.',
    linkExpired: 'Deze link is verlopen: de dag is voorbij.',
    linkUnknown:
      'Deze link is niet bekend. Kijk of het hele adres is overgenomen, of vraag je organisatie om een nieuwe.',
    linkHeading: 'De teller kan niet open',
    stuck: '{n} tikken op deze telefoon zijn niet verstuurd.',
    offlineNoData:
      'Geen verbinding, en deze telefoon heeft deze link nog niet eerder geopend. Probeer het opnieuw met verbinding.',
    retry: 'Opnieuw proberen',
    wholeNumber: 'Vul een heel getal in, 0 of meer.',
    announce: '{count} geteld',
    fullOn: 'Staat nu als vol op de kaart.',
    fullOff: 'Staat niet meer als vol op de kaart.',
    rolesLabel: 'Per rol',
    roleCount: '{present} van {seats} plaatsen',
    plusRole: '+1 {role}',
    minusRole: '−1 {role}',
    roleBelowZero: '{role}: al 0, er kan niemand af.',
    overRolePrompt: '{role} heeft {seats} plaatsen; dit zou {after} nodig maken.',
    raiseRoleAndCount: '{role} naar {n} plaatsen en tellen',
    roleAtSeats: '{role} vol: {present} van {seats} plaatsen',
    roleAtSeatsText:
      'Meer mensen van deze rol hier? Verhoog hun plaatsen zodat iedereen geteld wordt.',
    newRoleSeats: 'Nieuw aantal plaatsen voor {role}',
    raiseRole: 'Plaatsen voor {role} verhogen',
    raisedRole: '{role} heeft nu {seats} plaatsen.',
    setTooHighRoles:
      '{value} is meer dan de {capacity} plaatsen. Verhoog eerst de plaatsen van een rol, of controleer het getal.',
  },
  en: {
    brand: 'Tafel — host’s counter',
    loading: 'Loading…',
    language: 'Language',
    counted: 'people counted',
    ofCapacity: 'of {capacity} seats',
    noCapacity: 'no seat limit',
    plusOne: '+1 arrived',
    plusFive: '+5 arrived',
    minusOne: '−1 left',
    setHeading: 'Set the count',
    setLabel: 'Count now',
    setButton: 'Set',
    fullLabel: 'We’re full',
    fullHint: 'The map then shows the venue as full.',
    totalLabel: 'Today in total',
    totalValue: '{total} people at the table',
    totalUnknown: 'The total is not known right now.',
    pendingOne: '1 tap is waiting to be sent.',
    pendingMany: '{n} taps are waiting to be sent.',
    allSent: 'Everything is sent.',
    offline:
      'No connection: your taps are kept on this phone and sent by themselves when the connection is back.',
    belowZero: 'The count is already 0: no one to take off.',
    atCapacity: 'Full: {count} of {capacity} seats',
    atCapacityText: 'More people here? Raise the number of seats so everyone is counted.',
    newCapacity: 'New number of seats',
    raise: 'Raise the seats',
    overPrompt: 'The venue has {capacity} seats; this would make it {after}.',
    raiseAndCount: 'Raise to {n} and count',
    raiseAndSet: 'Raise to {n} and set the count',
    dontCount: 'Don’t count',
    setTooHigh:
      '{value} is more than the {capacity} seats. Raise the number of seats first, or check the number.',
    raiseTooLow: 'The new number of seats must be more than {capacity}.',
    raised: 'The venue now has {capacity} seats.',
    notCounted: '{n} taps could not be counted.',
    refusedBelowZero: 'A −1 was not counted: the count would go below 0.',
    refusedCancelled: 'This venue is cancelled: nothing more can be counted.',
    refusedClosed: 'This edition is closed: nothing more can be counted.',
    refusedVenue: 'This link belongs to another venue.',
    refusedConflict: 'A tap was sent twice with different numbers and was not counted.',
    refusedOther: 'Not counted: {message}',
    linkRevoked: 'This link was revoked. Ask your organisation for a new link for this venue.',
    linkExpired: 'This link has expired: the day is over.',
    linkUnknown:
      'This link is not known. Check that the whole address was copied, or ask your organisation for a new one.',
    linkHeading: 'The counter cannot open',
    stuck: '{n} taps on this phone were not sent.',
    offlineNoData:
      'No connection, and this phone has not opened this link before. Try again when you are online.',
    retry: 'Try again',
    wholeNumber: 'Enter a whole number, 0 or more.',
    announce: '{count} counted',
    fullOn: 'Shown as full on the map now.',
    fullOff: 'No longer shown as full on the map.',
    rolesLabel: 'Per role',
    roleCount: '{present} of {seats} seats',
    plusRole: '+1 {role}',
    minusRole: '−1 {role}',
    roleBelowZero: '{role}: already 0, no one to take off.',
    overRolePrompt: '{role} has {seats} seats; this would need {after}.',
    raiseRoleAndCount: 'Raise {role} to {n} seats and count',
    roleAtSeats: '{role} full: {present} of {seats} seats',
    roleAtSeatsText: 'More people of this role here? Raise their seats so everyone is counted.',
    newRoleSeats: 'New number of seats for {role}',
    raiseRole: 'Raise the seats for {role}',
    raisedRole: '{role} now has {seats} seats.',
    setTooHighRoles:
      '{value} is more than the {capacity} seats. Raise a role’s seats first, or check the number.',
  },
  de: {
    brand: 'Tafel — Zähler für Gastgeber',
    loading: 'Wird geladen…',
    language: 'Sprache',
    counted: 'Menschen gezählt',
    ofCapacity: 'von {capacity} Plätzen',
    noCapacity: 'keine Platzgrenze',
    plusOne: '+1 gekommen',
    plusFive: '+5 gekommen',
    minusOne: '−1 gegangen',
    setHeading: 'Die Zahl festlegen',
    setLabel: 'Zahl jetzt',
    setButton: 'Festlegen',
    fullLabel: 'Wir sind voll',
    fullHint: 'Die Karte zeigt den Ort dann als voll.',
    totalLabel: 'Heute insgesamt',
    totalValue: '{total} Menschen am Tisch',
    totalUnknown: 'Die Gesamtzahl ist gerade nicht bekannt.',
    pendingOne: '1 Tipp wartet darauf, gesendet zu werden.',
    pendingMany: '{n} Tipps warten darauf, gesendet zu werden.',
    allSent: 'Alles ist gesendet.',
    offline:
      'Keine Verbindung: Ihre Tipps bleiben auf diesem Telefon und werden gesendet, sobald die Verbindung zurück ist.',
    belowZero: 'Die Zahl ist schon 0: Es kann niemand abgezogen werden.',
    atCapacity: 'Voll: {count} von {capacity} Plätzen',
    atCapacityText: 'Mehr Menschen da? Erhöhen Sie die Plätze, damit alle gezählt werden.',
    newCapacity: 'Neue Zahl der Plätze',
    raise: 'Plätze erhöhen',
    overPrompt: 'Der Ort hat {capacity} Plätze; damit wären es {after}.',
    raiseAndCount: 'Auf {n} erhöhen und zählen',
    raiseAndSet: 'Auf {n} erhöhen und die Zahl festlegen',
    dontCount: 'Nicht zählen',
    setTooHigh:
      '{value} ist mehr als die {capacity} Plätze. Erhöhen Sie zuerst die Plätze, oder prüfen Sie die Zahl.',
    raiseTooLow: 'Die neue Zahl der Plätze muss größer als {capacity} sein.',
    raised: 'Der Ort hat jetzt {capacity} Plätze.',
    notCounted: '{n} Tipps konnten nicht gezählt werden.',
    refusedBelowZero: 'Ein −1 wurde nicht gezählt: Die Zahl wäre unter 0.',
    refusedCancelled: 'Dieser Ort ist abgesagt: Es kann nichts mehr gezählt werden.',
    refusedClosed: 'Diese Ausgabe ist geschlossen: Es kann nichts mehr gezählt werden.',
    refusedVenue: 'Dieser Link gehört zu einem anderen Ort.',
    refusedConflict: 'Ein Tipp wurde zweimal mit verschiedenen Zahlen gesendet und nicht gezählt.',
    refusedOther: 'Nicht gezählt: {message}',
    linkRevoked:
      'Dieser Link wurde zurückgezogen. Bitten Sie Ihre Organisation um einen neuen Link für diesen Ort.',
    linkExpired: 'Dieser Link ist abgelaufen: Der Tag ist vorbei.',
    linkUnknown:
      'Dieser Link ist nicht bekannt. Prüfen Sie, ob die ganze Adresse übernommen wurde, oder bitten Sie Ihre Organisation um einen neuen.',
    linkHeading: 'Der Zähler kann nicht öffnen',
    stuck: '{n} Tipps auf diesem Telefon wurden nicht gesendet.',
    offlineNoData:
      'Keine Verbindung, und dieses Telefon hat den Link noch nie geöffnet. Versuchen Sie es mit Verbindung erneut.',
    retry: 'Erneut versuchen',
    wholeNumber: 'Geben Sie eine ganze Zahl ein, 0 oder mehr.',
    announce: '{count} gezählt',
    fullOn: 'Auf der Karte jetzt als voll gezeigt.',
    fullOff: 'Auf der Karte nicht mehr als voll gezeigt.',
    rolesLabel: 'Pro Rolle',
    roleCount: '{present} von {seats} Plätzen',
    plusRole: '+1 {role}',
    minusRole: '−1 {role}',
    roleBelowZero: '{role}: schon 0, es kann niemand abgezogen werden.',
    overRolePrompt: '{role} hat {seats} Plätze; das bräuchte {after}.',
    raiseRoleAndCount: '{role} auf {n} Plätze erhöhen und zählen',
    roleAtSeats: '{role} voll: {present} von {seats} Plätzen',
    roleAtSeatsText:
      'Mehr Menschen dieser Rolle hier? Erhöhen Sie ihre Plätze, damit alle gezählt werden.',
    newRoleSeats: 'Neue Zahl der Plätze für {role}',
    raiseRole: 'Plätze für {role} erhöhen',
    raisedRole: '{role} hat jetzt {seats} Plätze.',
    setTooHighRoles:
      '{value} ist mehr als die {capacity} Plätze. Erhöhen Sie zuerst die Plätze einer Rolle, oder prüfen Sie die Zahl.',
  },
  da: {
    brand: 'Tafel — tæller for værter',
    loading: 'Indlæser…',
    language: 'Sprog',
    counted: 'personer talt',
    ofCapacity: 'af {capacity} pladser',
    noCapacity: 'ingen grænse for pladser',
    plusOne: '+1 kommet',
    plusFive: '+5 kommet',
    minusOne: '−1 gået',
    setHeading: 'Angiv antallet',
    setLabel: 'Antal nu',
    setButton: 'Angiv',
    fullLabel: 'Vi er fulde',
    fullHint: 'Kortet viser så stedet som fuldt.',
    totalLabel: 'I dag i alt',
    totalValue: '{total} personer ved bordet',
    totalUnknown: 'Det samlede tal kendes ikke lige nu.',
    pendingOne: '1 tryk venter på at blive sendt.',
    pendingMany: '{n} tryk venter på at blive sendt.',
    allSent: 'Alt er sendt.',
    offline:
      'Ingen forbindelse: dine tryk gemmes på denne telefon og sendes af sig selv, når forbindelsen er tilbage.',
    belowZero: 'Antallet er allerede 0: der er ingen at trække fra.',
    atCapacity: 'Fuldt: {count} af {capacity} pladser',
    atCapacityText: 'Er der flere? Hæv antallet af pladser, så alle bliver talt.',
    newCapacity: 'Nyt antal pladser',
    raise: 'Hæv pladserne',
    overPrompt: 'Stedet har {capacity} pladser; med dette bliver det {after}.',
    raiseAndCount: 'Hæv til {n} og tæl med',
    raiseAndSet: 'Hæv til {n} og angiv antallet',
    dontCount: 'Tæl ikke med',
    setTooHigh:
      '{value} er flere end de {capacity} pladser. Hæv antallet af pladser først, eller tjek tallet.',
    raiseTooLow: 'Det nye antal pladser skal være højere end {capacity}.',
    raised: 'Stedet har nu {capacity} pladser.',
    notCounted: '{n} tryk kunne ikke tælles med.',
    refusedBelowZero: 'Et −1 blev ikke talt: antallet ville komme under 0.',
    refusedCancelled: 'Stedet er aflyst: der kan ikke tælles mere.',
    refusedClosed: 'Denne udgave er lukket: der kan ikke tælles mere.',
    refusedVenue: 'Dette link hører til et andet sted.',
    refusedConflict: 'Et tryk blev sendt to gange med forskellige tal og blev ikke talt.',
    refusedOther: 'Ikke talt: {message}',
    linkRevoked: 'Dette link er trukket tilbage. Bed din organisation om et nyt link til stedet.',
    linkExpired: 'Dette link er udløbet: dagen er forbi.',
    linkUnknown:
      'Dette link kendes ikke. Tjek, at hele adressen er kopieret, eller bed din organisation om et nyt.',
    linkHeading: 'Tælleren kan ikke åbne',
    stuck: '{n} tryk på denne telefon blev ikke sendt.',
    offlineNoData:
      'Ingen forbindelse, og denne telefon har ikke åbnet linket før. Prøv igen, når du er online.',
    retry: 'Prøv igen',
    wholeNumber: 'Skriv et helt tal, 0 eller mere.',
    announce: '{count} talt',
    fullOn: 'Vises nu som fuldt på kortet.',
    fullOff: 'Vises ikke længere som fuldt på kortet.',
    rolesLabel: 'Per rolle',
    roleCount: '{present} af {seats} pladser',
    plusRole: '+1 {role}',
    minusRole: '−1 {role}',
    roleBelowZero: '{role}: allerede 0, der er ingen at trække fra.',
    overRolePrompt: '{role} har {seats} pladser; dette ville kræve {after}.',
    raiseRoleAndCount: 'Hæv {role} til {n} pladser og tæl',
    roleAtSeats: '{role} fuldt: {present} af {seats} pladser',
    roleAtSeatsText: 'Flere af denne rolle her? Hæv deres pladser, så alle bliver talt.',
    newRoleSeats: 'Nyt antal pladser til {role}',
    raiseRole: 'Hæv pladserne til {role}',
    raisedRole: '{role} har nu {seats} pladser.',
    setTooHighRoles:
      '{value} er flere end de {capacity} pladser. Hæv en rolles pladser først, eller tjek tallet.',
  },
};
