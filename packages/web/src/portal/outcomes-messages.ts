import type { Messages } from '../lib/i18n.ts';

type Key =
  | 'title'
  | 'intro'
  | 'none'
  | 'notYet'
  | 'reportFiled'
  | 'noReport'
  | 'storiesCount'
  | 'report'
  | 'addStory'
  | 'reportTitle'
  | 'followUps'
  | 'introductions'
  | 'internshipsOffered'
  | 'jobsOffered'
  | 'internshipsRealised'
  | 'jobsRealised'
  | 'placementsPledged'
  | 'realisedHint'
  | 'note'
  | 'noteHint'
  | 'save'
  | 'saved'
  | 'storyTitle'
  | 'quote'
  | 'quoteHint'
  | 'language'
  | 'attribution'
  | 'attributionHint'
  | 'consentLegend'
  | 'consent'
  | 'consentedAt'
  | 'consentMissing'
  | 'consentDateMissing'
  | 'quoteMissing'
  | 'storyAdded'
  | 'stories'
  | 'PENDING'
  | 'PUBLISHED'
  | 'REJECTED'
  | 'delete'
  | 'deleted';

export const OUTCOMES: Messages<Key> = {
  nl: {
    title: 'Na afloop',
    intro:
      'Vul na de dag een verslag in en voeg verhalen toe. De notitie is niet openbaar; een verhaal wordt pas openbaar na goedkeuring door de federatie.',
    none: 'Deze editie heeft nog geen locaties van jullie die al zijn geweest.',
    notYet: '{n} locaties zijn nog niet geweest: hun verslag kan na afloop.',
    reportFiled: 'Verslag ingevuld',
    noReport: 'Nog geen verslag',
    storiesCount: '{n} verhalen',
    report: 'Afsluitend verslag',
    addStory: 'Verhaal toevoegen',
    reportTitle: 'Afsluitend verslag: {name}',
    followUps: 'Vervolggesprekken gepland',
    introductions: 'Mensen met elkaar in contact gebracht',
    internshipsOffered: 'Stages aangeboden',
    jobsOffered: 'Banen aangeboden',
    internshipsRealised: 'Stages later gerealiseerd',
    jobsRealised: 'Banen later gerealiseerd',
    placementsPledged: 'Plaatsingen toegezegd',
    realisedHint: 'Niet meer dan er zijn aangeboden.',
    note: 'Notitie (niet openbaar)',
    noteHint: 'Hoogstens 1000 tekens. Alleen jullie en de federatie lezen dit.',
    save: 'Verslag opslaan',
    saved: 'Het verslag van {name} is opgeslagen.',
    storyTitle: 'Verhaal bij {name}',
    quote: 'Het verhaal',
    quoteHint: 'Een citaat, hoogstens 1000 tekens.',
    language: 'Taal van het verhaal',
    attribution: 'Naam bij het verhaal (niet verplicht)',
    attributionHint:
      'Zoals de verteller genoemd wil worden, bijvoorbeeld een voornaam. Leeg laten: geen naam.',
    consentLegend: 'Toestemming',
    consent: 'De verteller gaf toestemming om dit verhaal te publiceren',
    consentedAt: 'Datum van de toestemming',
    consentMissing: 'Zonder toestemming van de verteller bewaren we het verhaal niet.',
    consentDateMissing: 'Vul de datum van de toestemming in.',
    quoteMissing: 'Vul het verhaal in.',
    storyAdded: 'Het verhaal is toegevoegd en wacht op goedkeuring door de federatie.',
    stories: 'Verhalen',
    PENDING: 'Wacht op goedkeuring',
    PUBLISHED: 'Gepubliceerd',
    REJECTED: 'Afgewezen',
    delete: 'Verwijderen',
    deleted: 'Het verhaal is verwijderd.',
  },
  en: {
    title: 'Afterwards',
    intro:
      'After the day, file a report and add stories. The note is not public; a story becomes public only once the federation approves it.',
    none: 'This edition has no venues of yours that have been held yet.',
    notYet: '{n} venues have not been held yet: their report can follow afterwards.',
    reportFiled: 'Report filed',
    noReport: 'No report yet',
    storiesCount: '{n} stories',
    report: 'Closing report',
    addStory: 'Add a story',
    reportTitle: 'Closing report: {name}',
    followUps: 'Follow-up conversations planned',
    introductions: 'Introductions made',
    internshipsOffered: 'Internships offered',
    jobsOffered: 'Jobs offered',
    internshipsRealised: 'Internships realised later',
    jobsRealised: 'Jobs realised later',
    placementsPledged: 'Placements pledged',
    realisedHint: 'No more than were offered.',
    note: 'Note (not public)',
    noteHint: 'At most 1,000 characters. Only you and the federation read it.',
    save: 'Save report',
    saved: 'The report of {name} is saved.',
    storyTitle: 'A story at {name}',
    quote: 'The story',
    quoteHint: 'A quote, at most 1,000 characters.',
    language: 'Language of the story',
    attribution: 'Name with the story (optional)',
    attributionHint:
      'As the storyteller wants to be named, for example a first name. Leave empty for no name.',
    consentLegend: 'Consent',
    consent: 'The storyteller agreed to the publication of this story',
    consentedAt: 'Date of consent',
    consentMissing: 'Without the storyteller’s consent we do not keep the story.',
    consentDateMissing: 'Enter the date of consent.',
    quoteMissing: 'Enter the story.',
    storyAdded: 'The story is added and waits for the federation’s approval.',
    stories: 'Stories',
    PENDING: 'Waiting for approval',
    PUBLISHED: 'Published',
    REJECTED: 'Rejected',
    delete: 'Delete',
    deleted: 'The story is deleted.',
  },
  de: {
    title: 'Danach',
    intro:
      'Füllen Sie nach dem Tag einen Bericht aus und fügen Sie Geschichten hinzu. Die Notiz ist nicht öffentlich; eine Geschichte erst nach Freigabe durch den Verband.',
    none: 'Diese Ausgabe hat noch keine Orte von Ihnen, die schon stattgefunden haben.',
    notYet: '{n} Orte haben noch nicht stattgefunden: ihr Bericht folgt danach.',
    reportFiled: 'Bericht ausgefüllt',
    noReport: 'Noch kein Bericht',
    storiesCount: '{n} Geschichten',
    report: 'Abschlussbericht',
    addStory: 'Geschichte hinzufügen',
    reportTitle: 'Abschlussbericht: {name}',
    followUps: 'Geplante Folgegespräche',
    introductions: 'Vermittelte Kontakte',
    internshipsOffered: 'Angebotene Praktika',
    jobsOffered: 'Angebotene Stellen',
    internshipsRealised: 'Später zustande gekommene Praktika',
    jobsRealised: 'Später zustande gekommene Stellen',
    placementsPledged: 'Zugesagte Vermittlungen',
    realisedHint: 'Nicht mehr als angeboten.',
    note: 'Notiz (nicht öffentlich)',
    noteHint: 'Höchstens 1.000 Zeichen. Nur Sie und der Verband lesen sie.',
    save: 'Bericht speichern',
    saved: 'Der Bericht von {name} ist gespeichert.',
    storyTitle: 'Eine Geschichte bei {name}',
    quote: 'Die Geschichte',
    quoteHint: 'Ein Zitat, höchstens 1.000 Zeichen.',
    language: 'Sprache der Geschichte',
    attribution: 'Name zur Geschichte (freiwillig)',
    attributionHint:
      'Wie die erzählende Person genannt werden möchte, zum Beispiel ein Vorname. Leer lassen: kein Name.',
    consentLegend: 'Einwilligung',
    consent: 'Die erzählende Person hat der Veröffentlichung zugestimmt',
    consentedAt: 'Datum der Einwilligung',
    consentMissing: 'Ohne Einwilligung der erzählenden Person speichern wir die Geschichte nicht.',
    consentDateMissing: 'Geben Sie das Datum der Einwilligung an.',
    quoteMissing: 'Geben Sie die Geschichte ein.',
    storyAdded: 'Die Geschichte ist hinzugefügt und wartet auf die Freigabe durch den Verband.',
    stories: 'Geschichten',
    PENDING: 'Wartet auf Freigabe',
    PUBLISHED: 'Veröffentlicht',
    REJECTED: 'Abgelehnt',
    delete: 'Löschen',
    deleted: 'Die Geschichte ist gelöscht.',
  },
  da: {
    title: 'Bagefter',
    intro:
      'Udfyld efter dagen en rapport, og tilføj historier. Noten er ikke offentlig; en historie bliver først offentlig, når forbundet har godkendt den.',
    none: 'Denne udgave har endnu ingen af jeres steder, der har fundet sted.',
    notYet: '{n} steder har ikke fundet sted endnu: deres rapport kan komme bagefter.',
    reportFiled: 'Rapport udfyldt',
    noReport: 'Ingen rapport endnu',
    storiesCount: '{n} historier',
    report: 'Afsluttende rapport',
    addStory: 'Tilføj en historie',
    reportTitle: 'Afsluttende rapport: {name}',
    followUps: 'Planlagte opfølgende samtaler',
    introductions: 'Formidlede kontakter',
    internshipsOffered: 'Tilbudte praktikpladser',
    jobsOffered: 'Tilbudte job',
    internshipsRealised: 'Praktikpladser, der senere blev til noget',
    jobsRealised: 'Job, der senere blev til noget',
    placementsPledged: 'Lovede pladser',
    realisedHint: 'Ikke flere end der blev tilbudt.',
    note: 'Note (ikke offentlig)',
    noteHint: 'Højst 1.000 tegn. Kun I og forbundet læser den.',
    save: 'Gem rapport',
    saved: 'Rapporten for {name} er gemt.',
    storyTitle: 'En historie fra {name}',
    quote: 'Historien',
    quoteHint: 'Et citat, højst 1.000 tegn.',
    language: 'Historiens sprog',
    attribution: 'Navn ved historien (valgfrit)',
    attributionHint:
      'Som fortælleren ønsker at blive nævnt, for eksempel et fornavn. Lad feltet stå tomt: intet navn.',
    consentLegend: 'Samtykke',
    consent: 'Fortælleren har givet samtykke til at historien offentliggøres',
    consentedAt: 'Dato for samtykket',
    consentMissing: 'Uden fortællerens samtykke gemmer vi ikke historien.',
    consentDateMissing: 'Angiv datoen for samtykket.',
    quoteMissing: 'Skriv historien.',
    storyAdded: 'Historien er tilføjet og venter på forbundets godkendelse.',
    stories: 'Historier',
    PENDING: 'Venter på godkendelse',
    PUBLISHED: 'Offentliggjort',
    REJECTED: 'Afvist',
    delete: 'Slet',
    deleted: 'Historien er slettet.',
  },
};
