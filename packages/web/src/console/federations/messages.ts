import type { Messages } from '../../lib/i18n.ts';

export type FederationsKey =
  | 'heading'
  | 'intro'
  | 'edit'
  | 'tiles'
  | 'tilesNone'
  | 'tileUrl'
  | 'tileUrlHint'
  | 'attribution'
  | 'attributionHint'
  | 'licenceUrl'
  | 'saveTiles'
  | 'clearTiles'
  | 'tilesSaved'
  | 'groups'
  | 'groupsHint'
  | 'group'
  | 'code'
  | 'label'
  | 'addGroup'
  | 'removeGroup'
  | 'saveGroups'
  | 'groupsSaved';

export const FEDERATIONS: Messages<FederationsKey> = {
  nl: {
    heading: 'Federaties',
    edit: 'Bewerken',
    intro:
      'De kaarttegels van een federatie en de doelgroepen die zij naast de vaste doelgroepen noemt.',
    tiles: 'Kaarttegels',
    tilesNone: 'Geen eigen tegels: de kaart toont die van OpenStreetMap.',
    tileUrl: 'Adres van de tegels',
    tileUrlHint: 'https://…/{z}/{x}/{y}.png',
    attribution: 'Naamsvermelding',
    attributionHint: 'Zoals de licentie van de tegels het vraagt, als gewone tekst.',
    licenceUrl: 'Adres van de licentie (niet verplicht)',
    saveTiles: 'Tegels opslaan',
    clearTiles: 'Eigen tegels weghalen',
    tilesSaved: 'De kaarttegels van {name} zijn opgeslagen.',
    groups: 'Eigen doelgroepen',
    groupsHint:
      'Een code is hoofdletters, cijfers en _ (MENTOREN), met een naam in elke taal. Een doelgroep die locaties nog noemen blijft staan.',
    group: 'Doelgroep {n}',
    code: 'Code',
    label: 'Naam ({lang})',
    addGroup: 'Doelgroep toevoegen',
    removeGroup: 'Doelgroep {n} weghalen',
    saveGroups: 'Doelgroepen opslaan',
    groupsSaved: 'De doelgroepen van {name} zijn opgeslagen.',
  },
  en: {
    heading: 'Federations',
    edit: 'Edit',
    intro: 'A federation’s map tiles, and the target groups it names beside the built-in ones.',
    tiles: 'Map tiles',
    tilesNone: 'No tiles of its own: the map shows OpenStreetMap’s.',
    tileUrl: 'Tile address',
    tileUrlHint: 'https://…/{z}/{x}/{y}.png',
    attribution: 'Attribution',
    attributionHint: 'As the tiles’ licence asks, in plain text.',
    licenceUrl: 'Licence address (optional)',
    saveTiles: 'Save tiles',
    clearTiles: 'Remove own tiles',
    tilesSaved: 'The map tiles of {name} are saved.',
    groups: 'Own target groups',
    groupsHint:
      'A code is upper case letters, digits and _ (MENTORS), with a name in each language. A group venues still name stays.',
    group: 'Target group {n}',
    code: 'Code',
    label: 'Name ({lang})',
    addGroup: 'Add a target group',
    removeGroup: 'Remove target group {n}',
    saveGroups: 'Save target groups',
    groupsSaved: 'The target groups of {name} are saved.',
  },
  de: {
    heading: 'Verbünde',
    edit: 'Bearbeiten',
    intro:
      'Die Kartenkacheln eines Verbunds und die Zielgruppen, die er neben den festen Zielgruppen nennt.',
    tiles: 'Kartenkacheln',
    tilesNone: 'Keine eigenen Kacheln: die Karte zeigt die von OpenStreetMap.',
    tileUrl: 'Adresse der Kacheln',
    tileUrlHint: 'https://…/{z}/{x}/{y}.png',
    attribution: 'Quellenangabe',
    attributionHint: 'Wie die Lizenz der Kacheln es verlangt, als einfacher Text.',
    licenceUrl: 'Adresse der Lizenz (optional)',
    saveTiles: 'Kacheln speichern',
    clearTiles: 'Eigene Kacheln entfernen',
    tilesSaved: 'Die Kartenkacheln von {name} sind gespeichert.',
    groups: 'Eigene Zielgruppen',
    groupsHint:
      'Ein Code besteht aus Großbuchstaben, Ziffern und _ (MENTORS), mit einem Namen in jeder Sprache. Eine Zielgruppe, die Orte noch nennen, bleibt.',
    group: 'Zielgruppe {n}',
    code: 'Code',
    label: 'Name ({lang})',
    addGroup: 'Zielgruppe hinzufügen',
    removeGroup: 'Zielgruppe {n} entfernen',
    saveGroups: 'Zielgruppen speichern',
    groupsSaved: 'Die Zielgruppen von {name} sind gespeichert.',
  },
  da: {
    heading: 'Netværk',
    edit: 'Rediger',
    intro: 'Et netværks kortfliser og de målgrupper, det nævner ud over de faste målgrupper.',
    tiles: 'Kortfliser',
    tilesNone: 'Ingen egne fliser: kortet viser OpenStreetMaps.',
    tileUrl: 'Flisernes adresse',
    tileUrlHint: 'https://…/{z}/{x}/{y}.png',
    attribution: 'Kildeangivelse',
    attributionHint: 'Som flisernes licens kræver det, som almindelig tekst.',
    licenceUrl: 'Licensens adresse (valgfri)',
    saveTiles: 'Gem fliser',
    clearTiles: 'Fjern egne fliser',
    tilesSaved: 'Kortfliserne for {name} er gemt.',
    groups: 'Egne målgrupper',
    groupsHint:
      'En kode er store bogstaver, tal og _ (MENTORS) med et navn på hvert sprog. En målgruppe, som steder stadig nævner, bliver.',
    group: 'Målgruppe {n}',
    code: 'Kode',
    label: 'Navn ({lang})',
    addGroup: 'Tilføj målgruppe',
    removeGroup: 'Fjern målgruppe {n}',
    saveGroups: 'Gem målgrupper',
    groupsSaved: 'Målgrupperne for {name} er gemt.',
  },
};
