/** The words of the venues' map view and of "preview on the map", in nl, en, de and da. */
import type { Messages } from '../lib/i18n.ts';

type Key =
  | 'view'
  | 'asList'
  | 'asMap'
  | 'mapLabel'
  | 'mapHint'
  | 'legend'
  | 'statusDRAFT'
  | 'statusAWAITING'
  | 'statusPUBLISHED'
  | 'statusCANCELLED'
  | 'marker'
  | 'preview'
  | 'previewOf'
  | 'previewTitle'
  | 'previewNote'
  | 'loading'
  | 'failed'
  | 'back';

export const VENUES_MAP: Messages<Key> = {
  nl: {
    view: 'Weergave',
    asList: 'Lijst',
    asMap: 'Kaart',
    mapLabel: 'Kaart van je locaties in {edition}',
    mapHint:
      'Elke locatie is een markering; de vorm zegt de status. Tab naar een markering en druk op Enter voor de details. Dezelfde locaties staan onder “Lijst”.',
    legend: 'Legenda',
    statusDRAFT: 'Concept',
    statusAWAITING: 'Wacht op goedkeuring',
    statusPUBLISHED: 'Gepubliceerd',
    statusCANCELLED: 'Afgelast',
    marker: '{name} — {status}',
    preview: 'Bekijk op de kaart',
    previewOf: 'Bekijk op de kaart: {name}',
    previewTitle: 'Voorbeeld op de kaart: {name}',
    previewNote:
      'Zo komt de locatie op de openbare kaart van {edition}, tussen de gepubliceerde locaties. Alleen jij ziet haar hier; het publiek pas als ze gepubliceerd (en goedgekeurd) is.',
    loading: 'De kaart laden…',
    failed: 'De kaart kon niet worden geladen.',
    back: 'Terug naar de locaties',
  },
  en: {
    view: 'View',
    asList: 'List',
    asMap: 'Map',
    mapLabel: 'Map of your venues in {edition}',
    mapHint:
      'Each venue is a marker; its shape tells its status. Tab to a marker and press Enter for its details. The same venues are under “List”.',
    legend: 'Legend',
    statusDRAFT: 'Draft',
    statusAWAITING: 'Awaiting approval',
    statusPUBLISHED: 'Published',
    statusCANCELLED: 'Cancelled',
    marker: '{name} — {status}',
    preview: 'Preview on the map',
    previewOf: 'Preview on the map: {name}',
    previewTitle: 'Preview on the map: {name}',
    previewNote:
      'This is how the venue will appear on the public map of {edition}, among the published venues. Only you see it here; the public sees it once it is published (and approved).',
    loading: 'Loading the map…',
    failed: 'The map could not be loaded.',
    back: 'Back to the venues',
  },
  de: {
    view: 'Ansicht',
    asList: 'Liste',
    asMap: 'Karte',
    mapLabel: 'Karte Ihrer Orte in {edition}',
    mapHint:
      'Jeder Ort ist eine Markierung; ihre Form zeigt den Status. Mit Tab zu einer Markierung und Enter für die Einzelheiten. Dieselben Orte stehen unter „Liste“.',
    legend: 'Legende',
    statusDRAFT: 'Entwurf',
    statusAWAITING: 'Wartet auf Freigabe',
    statusPUBLISHED: 'Veröffentlicht',
    statusCANCELLED: 'Abgesagt',
    marker: '{name} — {status}',
    preview: 'Vorschau auf der Karte',
    previewOf: 'Vorschau auf der Karte: {name}',
    previewTitle: 'Vorschau auf der Karte: {name}',
    previewNote:
      'So erscheint der Ort auf der öffentlichen Karte von {edition}, zwischen den veröffentlichten Orten. Nur Sie sehen ihn hier; die Öffentlichkeit erst, wenn er veröffentlicht (und freigegeben) ist.',
    loading: 'Karte wird geladen…',
    failed: 'Die Karte konnte nicht geladen werden.',
    back: 'Zurück zu den Orten',
  },
  da: {
    view: 'Visning',
    asList: 'Liste',
    asMap: 'Kort',
    mapLabel: 'Kort over jeres steder i {edition}',
    mapHint:
      'Hvert sted er en markør; formen viser status. Tab til en markør og tryk Enter for detaljerne. De samme steder står under “Liste”.',
    legend: 'Signaturforklaring',
    statusDRAFT: 'Kladde',
    statusAWAITING: 'Afventer godkendelse',
    statusPUBLISHED: 'Offentliggjort',
    statusCANCELLED: 'Aflyst',
    marker: '{name} — {status}',
    preview: 'Forhåndsvis på kortet',
    previewOf: 'Forhåndsvis på kortet: {name}',
    previewTitle: 'Forhåndsvisning på kortet: {name}',
    previewNote:
      'Sådan kommer stedet til at se ud på det offentlige kort over {edition}, blandt de offentliggjorte steder. Kun du ser det her; offentligheden først når det er offentliggjort (og godkendt).',
    loading: 'Indlæser kortet…',
    failed: 'Kortet kunne ikke indlæses.',
    back: 'Tilbage til stederne',
  },
};
