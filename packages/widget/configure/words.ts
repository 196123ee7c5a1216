/**
 * The configurator's words in the four languages. Vocabulary labels (meals, target groups,
 * regions) come from `@tafel/schema`, as in the elements.
 */
import type { Lang } from '@tafel/schema';

const WORDS = {
  title: {
    nl: 'De kaart op je eigen site',
    en: 'The map on your own site',
    de: 'Die Karte auf Ihrer eigenen Website',
    da: 'Kortet på dit eget websted',
  },
  intro: {
    nl: 'Kies wat je wilt tonen, bekijk het voorbeeld en kopieer de code naar je site.',
    en: 'Choose what to show, check the preview and copy the code into your site.',
    de: 'Wählen Sie, was gezeigt werden soll, prüfen Sie die Vorschau und kopieren Sie den Code in Ihre Website.',
    da: 'Vælg, hvad der skal vises, se eksemplet og kopiér koden til dit websted.',
  },
  back: {
    nl: 'Terug naar de kaart',
    en: 'Back to the map',
    de: 'Zurück zur Karte',
    da: 'Tilbage til kortet',
  },
  what: { nl: 'Wat je toont', en: 'What to show', de: 'Was gezeigt wird', da: 'Hvad der vises' },
  edition: { nl: 'Welke dag', en: 'Which day', de: 'Welcher Tag', da: 'Hvilken dag' },
  editionsFailed: {
    nl: 'De dagen konden niet worden geladen. Probeer het later opnieuw.',
    en: 'The days could not be loaded. Please try again later.',
    de: 'Die Tage konnten nicht geladen werden. Bitte später erneut versuchen.',
    da: 'Dagene kunne ikke indlæses. Prøv igen senere.',
  },
  widgetLang: {
    nl: 'Taal van de kaart',
    en: 'Language of the map',
    de: 'Sprache der Karte',
    da: 'Kortets sprog',
  },
  form: {
    nl: 'Hoe je het insluit',
    en: 'How to embed it',
    de: 'Wie Sie es einbetten',
    da: 'Sådan indlejrer du det',
  },
  element: {
    nl: 'Script en element (aanbevolen)',
    en: 'Script and element (recommended)',
    de: 'Skript und Element (empfohlen)',
    da: 'Script og element (anbefalet)',
  },
  iframe: {
    nl: 'Iframe (als je site alleen iframes toestaat)',
    en: 'Iframe (if your site allows only iframes)',
    de: 'Iframe (wenn Ihre Website nur Iframes erlaubt)',
    da: 'Iframe (hvis dit websted kun tillader iframes)',
  },
  counter: {
    nl: 'Ook de teller van deelnemers, boven de kaart',
    en: 'Also the participant counter, above the map',
    de: 'Auch den Teilnehmerzähler, über der Karte',
    da: 'Også deltagertælleren, over kortet',
  },
  counterHint: {
    nl: 'Niet in een iframe.',
    en: 'Not in an iframe.',
    de: 'Nicht in einem Iframe.',
    da: 'Ikke i en iframe.',
  },
  which: { nl: 'Welke tafels', en: 'Which venues', de: 'Welche Tische', da: 'Hvilke borde' },
  organisation: { nl: 'Organisatie', en: 'Organisation', de: 'Organisation', da: 'Organisation' },
  allOrganisations: {
    nl: 'Alle organisaties',
    en: 'All organisations',
    de: 'Alle Organisationen',
    da: 'Alle organisationer',
  },
  region: { nl: 'Provincie', en: 'Region', de: 'Region', da: 'Region' },
  allRegions: {
    nl: 'Alle provincies',
    en: 'All regions',
    de: 'Alle Regionen',
    da: 'Alle regioner',
  },
  meals: { nl: 'Maaltijden', en: 'Meals', de: 'Mahlzeiten', da: 'Måltider' },
  targetGroups: { nl: 'Doelgroepen', en: 'Target groups', de: 'Zielgruppen', da: 'Målgrupper' },
  noneMeansAll: {
    nl: 'Niets aangevinkt: alle.',
    en: 'None ticked: all of them.',
    de: 'Nichts angekreuzt: alle.',
    da: 'Intet markeret: alle.',
  },
  mapOptions: { nl: 'De kaart', en: 'The map', de: 'Die Karte', da: 'Kortet' },
  height: {
    nl: 'Hoogte in pixels',
    en: 'Height in pixels',
    de: 'Höhe in Pixeln',
    da: 'Højde i pixels',
  },
  heightHint: {
    nl: 'Tussen 200 en 2000. De ruimte wordt vrijgehouden voordat de kaart laadt, zodat je pagina niet verspringt.',
    en: 'Between 200 and 2000. The space is kept free before the map loads, so your page does not jump.',
    de: 'Zwischen 200 und 2000. Der Platz wird freigehalten, bevor die Karte lädt, damit Ihre Seite nicht springt.',
    da: 'Mellem 200 og 2000. Pladsen holdes fri, før kortet indlæses, så din side ikke hopper.',
  },
  heightError: {
    nl: 'Geef een hoogte tussen 200 en 2000.',
    en: 'Enter a height between 200 and 2000.',
    de: 'Geben Sie eine Höhe zwischen 200 und 2000 an.',
    da: 'Angiv en højde mellem 200 og 2000.',
  },
  centre: {
    nl: 'Middelpunt (optioneel)',
    en: 'Centre (optional)',
    de: 'Mittelpunkt (optional)',
    da: 'Midtpunkt (valgfrit)',
  },
  centreHint: {
    nl: 'Leeg laten: de kaart toont al je tafels. Breedte- en lengtegraad, bijvoorbeeld 52.09 en 5.12 voor Utrecht.',
    en: 'Leave empty and the map shows all your venues. Latitude and longitude, for example 52.09 and 5.12 for Utrecht.',
    de: 'Leer lassen: Die Karte zeigt alle Ihre Tische. Breiten- und Längengrad, zum Beispiel 52.09 und 5.12 für Utrecht.',
    da: 'Lad stå tomt: kortet viser alle dine borde. Bredde- og længdegrad, for eksempel 52.09 og 5.12 for Utrecht.',
  },
  latitude: { nl: 'Breedtegraad', en: 'Latitude', de: 'Breitengrad', da: 'Breddegrad' },
  longitude: { nl: 'Lengtegraad', en: 'Longitude', de: 'Längengrad', da: 'Længdegrad' },
  zoom: {
    nl: 'Zoomniveau (1 tot 18)',
    en: 'Zoom level (1 to 18)',
    de: 'Zoomstufe (1 bis 18)',
    da: 'Zoomniveau (1 til 18)',
  },
  centreError: {
    nl: 'Geef beide: een breedtegraad tussen -90 en 90 en een lengtegraad tussen -180 en 180.',
    en: 'Enter both: a latitude between -90 and 90 and a longitude between -180 and 180.',
    de: 'Geben Sie beide an: einen Breitengrad zwischen -90 und 90 und einen Längengrad zwischen -180 und 180.',
    da: 'Angiv begge: en breddegrad mellem -90 og 90 og en længdegrad mellem -180 og 180.',
  },
  zoomError: {
    nl: 'Geef een zoomniveau van 1 tot 18.',
    en: 'Enter a zoom level from 1 to 18.',
    de: 'Geben Sie eine Zoomstufe von 1 bis 18 an.',
    da: 'Angiv et zoomniveau fra 1 til 18.',
  },
  live: {
    nl: 'Live aantallen deelnemers',
    en: 'Live participant numbers',
    de: 'Live-Teilnehmerzahlen',
    da: 'Live deltagertal',
  },
  linkState: {
    nl: 'Gekozen locatie en filters in het webadres bewaren',
    en: 'Keep the chosen venue and filters in the page address',
    de: 'Gewählten Ort und Filter in der Adresse der Seite behalten',
    da: 'Gem det valgte sted og filtrene i sidens adresse',
  },
  linkStateHint: {
    nl: 'Dan kunnen bezoekers een link naar hun keuze delen. Alleen voor het element, niet in een iframe.',
    en: 'Visitors can then share a link to what they chose. For the element only, not in an iframe.',
    de: 'Dann können Besucher einen Link zu ihrer Auswahl teilen. Nur für das Element, nicht im iframe.',
    da: 'Så kan besøgende dele et link til det, de har valgt. Kun for elementet, ikke i en iframe.',
  },
  preview: { nl: 'Voorbeeld', en: 'Preview', de: 'Vorschau', da: 'Eksempel' },
  code: { nl: 'Je code', en: 'Your code', de: 'Ihr Code', da: 'Din kode' },
  snippet: {
    nl: 'Code voor je pagina',
    en: 'Code for your page',
    de: 'Code für Ihre Seite',
    da: 'Kode til din side',
  },
  snippetHint: {
    nl: 'Plak dit in je pagina, waar de kaart moet komen.',
    en: 'Paste this into your page, where the map should be.',
    de: 'Fügen Sie dies in Ihre Seite ein, wo die Karte stehen soll.',
    da: 'Indsæt dette på din side, hvor kortet skal være.',
  },
  copy: { nl: 'Code kopiëren', en: 'Copy code', de: 'Code kopieren', da: 'Kopiér koden' },
  copied: {
    nl: 'De code is gekopieerd.',
    en: 'The code has been copied.',
    de: 'Der Code wurde kopiert.',
    da: 'Koden er kopieret.',
  },
  copyFailed: {
    nl: 'Kopiëren lukte niet: de code is geselecteerd, druk op Ctrl+C (of Cmd+C).',
    en: 'Copying did not work: the code is selected, press Ctrl+C (or Cmd+C).',
    de: 'Kopieren hat nicht geklappt: Der Code ist markiert, drücken Sie Strg+C (oder Cmd+C).',
    da: 'Kopiering lykkedes ikke: koden er markeret, tryk Ctrl+C (eller Cmd+C).',
  },
  csp: {
    nl: 'Content-Security-Policy',
    en: 'Content-Security-Policy',
    de: 'Content-Security-Policy',
    da: 'Content-Security-Policy',
  },
  cspLabel: {
    nl: 'Regels voor je Content-Security-Policy',
    en: 'Lines for your Content-Security-Policy',
    de: 'Zeilen für Ihre Content-Security-Policy',
    da: 'Linjer til din Content-Security-Policy',
  },
  cspHint: {
    nl: "Alleen nodig als je site een strikte Content-Security-Policy heeft: voeg deze bronnen toe aan de regels die je al hebt. De style-src-regel alleen als je style-src geen 'unsafe-inline' toestaat (of zet de stijlregels in je eigen stylesheet).",
    en: "Only needed if your site has a strict Content-Security-Policy: add these sources to the directives you already have. The style-src line only if your style-src does not allow 'unsafe-inline' (or put the style rules in your own stylesheet).",
    de: "Nur nötig, wenn Ihre Website eine strikte Content-Security-Policy hat: Fügen Sie diese Quellen Ihren vorhandenen Direktiven hinzu. Die style-src-Zeile nur, wenn Ihr style-src kein 'unsafe-inline' erlaubt (oder setzen Sie die Stilregeln in Ihr eigenes Stylesheet).",
    da: "Kun nødvendigt, hvis dit websted har en streng Content-Security-Policy: føj disse kilder til dine eksisterende direktiver. Style-src-linjen kun, hvis din style-src ikke tillader 'unsafe-inline' (eller læg stilreglerne i dit eget stylesheet).",
  },
  cspIframeHint: {
    nl: 'Alleen nodig als je site een strikte Content-Security-Policy heeft: voeg deze bron toe.',
    en: 'Only needed if your site has a strict Content-Security-Policy: add this source.',
    de: 'Nur nötig, wenn Ihre Website eine strikte Content-Security-Policy hat: Fügen Sie diese Quelle hinzu.',
    da: 'Kun nødvendigt, hvis dit websted har en streng Content-Security-Policy: tilføj denne kilde.',
  },
  iframeTitle: {
    nl: 'Kaart van de tafels',
    en: 'Map of the venues',
    de: 'Karte der Tische',
    da: 'Kort over bordene',
  },
  pageLang: {
    nl: 'Taal / Language',
    en: 'Language / Taal',
    de: 'Sprache / Language',
    da: 'Sprog / Language',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type WordKey = keyof typeof WORDS;

export const word = (lang: Lang, key: WordKey): string => WORDS[key][lang];
