import type { Messages } from '../lib/i18n.ts';

export type LiveKey =
  | 'title'
  | 'language'
  | 'expected'
  | 'present'
  | 'sameHour'
  | 'difference'
  | 'noComparison'
  | 'totalsOnly'
  | 'snapshot'
  | 'liveNow'
  | 'asOf'
  | 'badAt'
  | 'futureAt'
  | 'refusedAt'
  | 'unknownEdition'
  | 'noEdition'
  | 'offline'
  | 'regions'
  | 'meals'
  | 'groups'
  | 'timeline'
  | 'downloadCsv'
  | 'downloadPng'
  | 'pressContact'
  | 'noPressContact'
  | 'openData'
  | 'source'
  | 'licence'
  | 'phone'
  | 'email'
  | 'loading'
  | 'mixing'
  | 'mixingIntro'
  | 'role'
  | 'mixedPeople'
  | 'suppressed'
  | 'mixedVenues'
  | 'suppressedVenues'
  | 'mixingData';

export const LIVE: Messages<LiveKey> = {
  nl: {
    title: '{name}: live',
    language: 'Taal',
    expected: 'Verwacht',
    present: 'Aanwezig',
    sameHour: 'Zelfde uur, {name}',
    difference: '{n} t.o.v. hetzelfde uur bij {name}',
    noComparison: 'Geen vorige editie om mee te vergelijken.',
    totalsOnly: '{name}: {n} in totaal. {reason}',
    snapshot: 'Momentopname: de cijfers zoals ze stonden op {time}. Ze veranderen niet meer.',
    liveNow: 'Live: de cijfers volgen de dag.',
    asOf: 'Stand van {time}',
    badAt: '“{at}” is geen tijdstip. Gebruik de vorm 2027-10-14T19:30.',
    futureAt: '{time} is nog niet geweest: een momentopname kan alleen van een voorbij moment.',
    refusedAt: 'Van {time} is geen momentopname: {message}',
    unknownEdition: 'Er is geen editie “{edition}”.',
    noEdition: 'Geef een editie in het adres, bijvoorbeeld /live/nid-2027.',
    offline: 'De cijfers zijn nu niet bereikbaar. We proberen het opnieuw.',
    regions: 'Per provincie',
    meals: 'Per maaltijd',
    groups: 'Per doelgroep',
    timeline: 'Het verloop van de dag, naast vorig jaar',
    downloadCsv: 'Download CSV: {chart}',
    downloadPng: 'Download afbeelding (PNG): {chart}',
    pressContact: 'Perscontact',
    noPressContact: 'Voor deze editie is geen perscontact opgegeven.',
    openData: 'Open data: alle cijfers (CSV) en het verloop (CSV)',
    source: 'Bron',
    licence: 'Licentie',
    phone: 'Telefoon',
    email: 'E-mail',
    loading: 'De cijfers worden geladen…',
    mixing: 'Aan één tafel',
    mixingIntro:
      'Per rol: hoeveel mensen aan tafel zaten met mensen van een andere rol, uit de tellingen per rol. Een groep kleiner dan {n} wordt niet getoond, zodat niemand herkenbaar is.',
    role: 'Rol',
    mixedPeople: 'Aan tafel met een andere rol',
    suppressed: 'niet getoond (groep kleiner dan {n})',
    mixedVenues: 'Locaties met gemengde tafels: {n}.',
    suppressedVenues: 'Niet meegeteld (een groep daar is te klein om te tonen): {n}.',
    mixingData: 'Open data: aan één tafel (CSV)',
  },
  en: {
    title: '{name}: live',
    language: 'Language',
    expected: 'Expected',
    present: 'Present',
    sameHour: 'Same hour, {name}',
    difference: '{n} vs. the same hour at {name}',
    noComparison: 'No previous edition to compare with.',
    totalsOnly: '{name}: {n} in all. {reason}',
    snapshot: 'Snapshot: the numbers as they stood at {time}. They will not change.',
    liveNow: 'Live: the numbers follow the day.',
    asOf: 'As of {time}',
    badAt: '“{at}” is not a time. Use the form 2027-10-14T19:30.',
    futureAt: '{time} has not come yet: a snapshot can only be of a past minute.',
    refusedAt: 'No snapshot of {time}: {message}',
    unknownEdition: 'There is no edition “{edition}”.',
    noEdition: 'Put an edition in the address, for example /live/nid-2027.',
    offline: 'The numbers cannot be reached right now. We keep trying.',
    regions: 'Per region',
    meals: 'Per meal',
    groups: 'Per target group',
    timeline: 'The day so far, beside last year',
    downloadCsv: 'Download CSV: {chart}',
    downloadPng: 'Download image (PNG): {chart}',
    pressContact: 'Press contact',
    noPressContact: 'No press contact was given for this edition.',
    openData: 'Open data: all numbers (CSV) and the day (CSV)',
    source: 'Source',
    licence: 'Licence',
    phone: 'Phone',
    email: 'E-mail',
    loading: 'Loading the numbers…',
    mixing: 'At one table',
    mixingIntro:
      'Per role: how many people sat at a table with people of another role, from the counts per role. A group smaller than {n} is not shown, so nobody can be singled out.',
    role: 'Role',
    mixedPeople: 'At a table with another role',
    suppressed: 'not shown (a group under {n})',
    mixedVenues: 'Venues with mixed tables: {n}.',
    suppressedVenues: 'Venues left out (a group there too small to show): {n}.',
    mixingData: 'Open data: at one table (CSV)',
  },
  de: {
    title: '{name}: live',
    language: 'Sprache',
    expected: 'Erwartet',
    present: 'Anwesend',
    sameHour: 'Gleiche Stunde, {name}',
    difference: '{n} ggü. derselben Stunde bei {name}',
    noComparison: 'Keine vorige Ausgabe zum Vergleich.',
    totalsOnly: '{name}: {n} insgesamt. {reason}',
    snapshot: 'Momentaufnahme: die Zahlen, wie sie um {time} standen. Sie ändern sich nicht mehr.',
    liveNow: 'Live: die Zahlen folgen dem Tag.',
    asOf: 'Stand: {time}',
    badAt: '„{at}“ ist keine Uhrzeit. Bitte in der Form 2027-10-14T19:30.',
    futureAt:
      '{time} ist noch nicht vorbei: eine Momentaufnahme gibt es nur von vergangenen Minuten.',
    refusedAt: 'Keine Momentaufnahme von {time}: {message}',
    unknownEdition: 'Es gibt keine Ausgabe „{edition}“.',
    noEdition: 'Bitte eine Ausgabe in der Adresse angeben, zum Beispiel /live/nid-2027.',
    offline: 'Die Zahlen sind gerade nicht erreichbar. Wir versuchen es weiter.',
    regions: 'Pro Region',
    meals: 'Pro Mahlzeit',
    groups: 'Pro Zielgruppe',
    timeline: 'Der Tagesverlauf, neben dem Vorjahr',
    downloadCsv: 'CSV herunterladen: {chart}',
    downloadPng: 'Bild herunterladen (PNG): {chart}',
    pressContact: 'Pressekontakt',
    noPressContact: 'Für diese Ausgabe wurde kein Pressekontakt angegeben.',
    openData: 'Offene Daten: alle Zahlen (CSV) und der Tagesverlauf (CSV)',
    source: 'Quelle',
    licence: 'Lizenz',
    phone: 'Telefon',
    email: 'E-Mail',
    loading: 'Die Zahlen werden geladen…',
    mixing: 'An einem Tisch',
    mixingIntro:
      'Pro Rolle: wie viele Menschen mit Menschen einer anderen Rolle an einem Tisch saßen, aus den Zählungen pro Rolle. Eine Gruppe kleiner als {n} wird nicht gezeigt, damit niemand erkennbar ist.',
    role: 'Rolle',
    mixedPeople: 'Am Tisch mit einer anderen Rolle',
    suppressed: 'nicht gezeigt (Gruppe unter {n})',
    mixedVenues: 'Orte mit gemischten Tischen: {n}.',
    suppressedVenues: 'Nicht mitgezählt (eine Gruppe dort zu klein zum Zeigen): {n}.',
    mixingData: 'Offene Daten: an einem Tisch (CSV)',
  },
  da: {
    title: '{name}: live',
    language: 'Sprog',
    expected: 'Forventet',
    present: 'Til stede',
    sameHour: 'Samme time, {name}',
    difference: '{n} i forhold til samme time ved {name}',
    noComparison: 'Ingen forrige udgave at sammenligne med.',
    totalsOnly: '{name}: {n} i alt. {reason}',
    snapshot: 'Øjebliksbillede: tallene, som de stod kl. {time}. De ændrer sig ikke.',
    liveNow: 'Live: tallene følger dagen.',
    asOf: 'Opgjort {time}',
    badAt: '“{at}” er ikke et tidspunkt. Brug formen 2027-10-14T19:30.',
    futureAt:
      '{time} er ikke kommet endnu: et øjebliksbillede kan kun være af et forbigangent minut.',
    refusedAt: 'Intet øjebliksbillede af {time}: {message}',
    unknownEdition: 'Der er ingen udgave “{edition}”.',
    noEdition: 'Angiv en udgave i adressen, for eksempel /live/nid-2027.',
    offline: 'Tallene kan ikke nås lige nu. Vi prøver igen.',
    regions: 'Pr. region',
    meals: 'Pr. måltid',
    groups: 'Pr. målgruppe',
    timeline: 'Dagens forløb, ved siden af sidste år',
    downloadCsv: 'Hent CSV: {chart}',
    downloadPng: 'Hent billede (PNG): {chart}',
    pressContact: 'Pressekontakt',
    noPressContact: 'Der er ikke angivet en pressekontakt for denne udgave.',
    openData: 'Åbne data: alle tal (CSV) og dagens forløb (CSV)',
    source: 'Kilde',
    licence: 'Licens',
    phone: 'Telefon',
    email: 'E-mail',
    loading: 'Tallene indlæses…',
    mixing: 'Ved samme bord',
    mixingIntro:
      'Pr. rolle: hvor mange der sad ved bord med mennesker i en anden rolle, ud fra optællingerne pr. rolle. En gruppe mindre end {n} vises ikke, så ingen kan udpeges.',
    role: 'Rolle',
    mixedPeople: 'Ved bord med en anden rolle',
    suppressed: 'vises ikke (en gruppe under {n})',
    mixedVenues: 'Steder med blandede borde: {n}.',
    suppressedVenues: 'Ikke medtaget (en gruppe der for lille til at vise): {n}.',
    mixingData: 'Åbne data: ved samme bord (CSV)',
  },
};
