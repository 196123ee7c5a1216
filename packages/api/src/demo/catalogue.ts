/**
 * Who hosts the demo edition and what their venues look like: the member organisations of a
 * Nationaal Integratiediner (companies, municipalities, charities, mosques and churches, schools,
 * care providers, a ministry) and, per kind of venue, its meals, size, guests and languages.
 * Asito and the ministry come from the seed texts; every other name is made up.
 */
import type { Meal, OrganisationKind, RegionCode, TargetGroup } from '@tafel/schema';

export type VenueType =
  | 'company'
  | 'cleaning'
  | 'charity'
  | 'municipality'
  | 'ministry'
  | 'mosque'
  | 'church'
  | 'school'
  | 'care'
  | 'azc'
  | 'other';

export interface OrganisationSpec {
  slug: string;
  name: string;
  kind: OrganisationKind;
  venueType: VenueType;
  /** Where its venues are: one city (with the names of its venues there), one province, or anywhere. */
  home: { city: string; venues: readonly string[] } | { region: RegionCode } | 'national';
  /** Its name inside venue names, e.g. "Kantine Glans & Co Utrecht". */
  short?: string;
  /** Languages spoken at all its venues beside Dutch. */
  languages?: readonly string[];
  /** Set when it has no website. */
  noWebsite?: boolean;
}

export interface VenueProfile {
  meals: readonly (readonly [Meal, number])[];
  /** Capacity drawn between these, before the edition is scaled to its total. */
  capacity: readonly [number, number];
  /** The first group is always at the table; a few of the others join it. */
  groups: readonly [TargetGroup, ...TargetGroup[]];
  /** Opening sentences of a venue's description. */
  sentences: readonly string[];
  /** Languages beside Dutch, by weight; by default those most spoken by newcomers. */
  languages?: readonly (readonly [string, number])[];
}

export const COMMON_LANGUAGES = [
  ['ar', 30],
  ['en', 22],
  ['ti', 14],
  ['tr', 14],
  ['uk', 12],
  ['fa', 10],
  ['so', 5],
  ['pl', 5],
  ['ps', 3],
  ['ru', 3],
] as const;

export const LANGUAGE_NAMES_NL: Readonly<Record<string, string>> = {
  nl: 'Nederlands',
  ar: 'Arabisch',
  en: 'Engels',
  ti: 'Tigrinya',
  tr: 'Turks',
  uk: 'Oekraïens',
  fa: 'Perzisch',
  so: 'Somalisch',
  pl: 'Pools',
  ps: 'Pasjtoe',
  ru: 'Russisch',
};

const companyProfile: VenueProfile = {
  meals: [
    ['BREAKFAST', 15],
    ['LUNCH', 35],
    ['DINNER', 45],
    ['OTHER', 5],
  ],
  capacity: [20, 120],
  groups: ['EMPLOYEES', 'EMPLOYERS', 'JOB_SEEKERS', 'STATUS_HOLDERS', 'REFUGEES', 'DISABILITY'],
  sentences: [
    'Collega’s van alle afdelingen nemen een gerecht mee uit hun eigen keuken.',
    'Het bedrijf nodigt nieuwkomers uit die werk zoeken, en laat zien hoe het er werkt.',
    'Van directie tot werkvloer: iedereen schuift aan aan één lange tafel.',
  ],
};

export const VENUE_PROFILES: Readonly<Record<VenueType, VenueProfile>> = {
  company: companyProfile,
  cleaning: {
    ...companyProfile,
    groups: ['EMPLOYEES', 'EMPLOYERS', 'STATUS_HOLDERS', 'REFUGEES', 'JOB_SEEKERS'],
    sentences: [
      'Directeuren, artsen en beleidsmakers eten met de schoonmakers die ’s avonds hun pand schoonmaken.',
      'Schoonmakers uit meer dan twintig landen en de managers van de kantoren die zij schoonmaken eten samen.',
    ],
  },
  charity: {
    meals: [
      ['BREAKFAST', 10],
      ['LUNCH', 25],
      ['DINNER', 55],
      ['OTHER', 10],
    ],
    capacity: [20, 90],
    groups: ['NEIGHBOURS', 'REFUGEES', 'STATUS_HOLDERS', 'ELDERLY', 'DISABILITY', 'YOUTH'],
    sentences: [
      'Buurtbewoners koken samen met nieuwkomers en laten elkaar gerechten uit de eigen keuken proeven.',
      'Vrijwilligers en statushouders zetten samen een maaltijd op tafel voor de hele wijk.',
      'Iedereen uit de buurt is welkom; wie wil, neemt een gerecht mee.',
    ],
  },
  municipality: {
    meals: [
      ['BREAKFAST', 10],
      ['LUNCH', 35],
      ['DINNER', 50],
      ['OTHER', 5],
    ],
    capacity: [40, 200],
    groups: ['STATUS_HOLDERS', 'NEIGHBOURS', 'JOB_SEEKERS', 'EMPLOYERS', 'ELDERLY', 'YOUTH'],
    sentences: [
      'De gemeente opent haar deuren; de burgemeester schuift aan.',
      'Nieuwe inwoners ontmoeten raadsleden, ambtenaren en werkgevers uit de stad.',
    ],
  },
  ministry: {
    meals: [
      ['LUNCH', 40],
      ['DINNER', 60],
    ],
    capacity: [60, 150],
    groups: ['STATUS_HOLDERS', 'EMPLOYEES', 'EMPLOYERS', 'JOB_SEEKERS'],
    sentences: ['Beleidsmakers eten met de mensen voor wie ze beleid maken.'],
  },
  mosque: {
    meals: [
      ['BREAKFAST', 10],
      ['LUNCH', 10],
      ['DINNER', 75],
      ['OTHER', 5],
    ],
    capacity: [50, 200],
    groups: ['FAITH_COMMUNITIES', 'NEIGHBOURS', 'ELDERLY', 'YOUTH', 'REFUGEES'],
    sentences: [
      'De moskee opent haar deuren voor de buurt en kookt voor iedereen.',
      'Gelovigen en buurtbewoners eten samen; na het eten is er een rondleiding.',
    ],
    languages: [
      ['ar', 50],
      ['tr', 30],
      ['en', 10],
      ['so', 5],
    ],
  },
  church: {
    meals: [
      ['BREAKFAST', 15],
      ['LUNCH', 20],
      ['DINNER', 55],
      ['OTHER', 10],
    ],
    capacity: [40, 160],
    groups: ['FAITH_COMMUNITIES', 'NEIGHBOURS', 'ELDERLY', 'REFUGEES', 'STATUS_HOLDERS'],
    sentences: [
      'De kerk nodigt de buurt en nieuwkomers uit aan één tafel.',
      'Gemeenteleden en nieuwe buren koken samen in de kerkzaal.',
    ],
  },
  school: {
    meals: [
      ['BREAKFAST', 20],
      ['LUNCH', 50],
      ['DINNER', 25],
      ['OTHER', 5],
    ],
    capacity: [30, 150],
    groups: ['YOUTH', 'ELDERLY', 'STATUS_HOLDERS', 'REFUGEES', 'NEIGHBOURS'],
    sentences: [
      'Jongeren koken en eten samen met ouderen uit de wijk.',
      'Studenten van de koksopleiding koken; nieuwkomers uit de schakelklas schuiven aan.',
    ],
  },
  care: {
    meals: [
      ['BREAKFAST', 10],
      ['LUNCH', 55],
      ['DINNER', 30],
      ['OTHER', 5],
    ],
    capacity: [20, 90],
    groups: ['ELDERLY', 'DISABILITY', 'YOUTH', 'NEIGHBOURS', 'STATUS_HOLDERS'],
    sentences: [
      'Bewoners ontvangen gasten uit de buurt en van het azc.',
      'Zorgbehoevende ouderen en mensen met een beperking eten met jongeren en nieuwkomers.',
    ],
  },
  azc: {
    meals: [
      ['BREAKFAST', 5],
      ['LUNCH', 30],
      ['DINNER', 60],
      ['OTHER', 5],
    ],
    capacity: [40, 150],
    groups: ['REFUGEES', 'NEIGHBOURS', 'YOUTH', 'ELDERLY'],
    sentences: [
      'Bewoners van het azc koken voor hun nieuwe buren.',
      'Asielzoekers en dorpsgenoten eten samen; tolken zijn aanwezig.',
    ],
    languages: [
      ['ar', 40],
      ['ti', 30],
      ['fa', 20],
      ['uk', 15],
      ['en', 20],
      ['so', 10],
      ['ps', 5],
    ],
  },
  other: {
    meals: [
      ['BREAKFAST', 5],
      ['LUNCH', 20],
      ['DINNER', 65],
      ['OTHER', 10],
    ],
    capacity: [20, 100],
    groups: ['NEIGHBOURS', 'STATUS_HOLDERS', 'EMPLOYERS', 'YOUTH', 'ELDERLY'],
    sentences: [
      'Ontmoeting en bewustwording, met een slimme tafelindeling: wie elkaar nooit spreekt, zit naast elkaar.',
    ],
  },
};

/** Names of community buildings, for charities' venues. */
export const COMMUNITY_BUILDINGS = [
  'Buurthuis',
  'Wijkcentrum',
  'Buurtcentrum',
  'Ontmoetingscentrum',
  'Trefpunt',
] as const;
export const COMMUNITY_NAMES = [
  'De Ster',
  'De Kroon',
  '’t Anker',
  'De Brug',
  'De Regenboog',
  'De Schakel',
  'Het Baken',
  'De Horizon',
  'De Linde',
  'De Klimop',
  'De Wissel',
  'De Vonk',
  'Het Kompas',
  'De Boog',
  'De Kastanje',
  'De Eik',
  'Het Spectrum',
  'De Zon',
  'De Pijler',
  'De Poort',
  'De Wieken',
  'Het Palet',
  'De Kamp',
  'De Molen',
] as const;
export const COMPANY_VENUES = ['Bedrijfsrestaurant', 'Kantine', 'Kantoor', 'Vestiging'] as const;

export const STREETS = [
  'Kerkstraat',
  'Dorpsstraat',
  'Stationsweg',
  'Molenweg',
  'Schoolstraat',
  'Hoofdstraat',
  'Marktplein',
  'Julianastraat',
  'Wilhelminalaan',
  'Beatrixlaan',
  'Industrieweg',
  'Parallelweg',
  'Nieuwstraat',
  'Raadhuisplein',
  'Sportlaan',
  'Prins Bernhardlaan',
  'Oranjestraat',
  'Emmastraat',
  'Kastanjelaan',
  'Lindelaan',
  'Eikenlaan',
  'Burgemeester de Vlugtlaan',
  'Stadionweg',
  'Vondellaan',
  'Rembrandtlaan',
  'Spoorstraat',
  'Havenweg',
  'Kanaalstraat',
  'Zuiderweg',
  'Noorderhaven',
  'Meidoornstraat',
  'Berkenlaan',
] as const;

const municipality = (city: string, ...venues: string[]): OrganisationSpec => ({
  slug: `gemeente-${slugify(city)}`,
  name: `Gemeente ${city}`,
  kind: 'MUNICIPALITY',
  venueType: 'municipality',
  home: { city, venues },
});

const local = (
  slug: string,
  name: string,
  kind: OrganisationKind,
  venueType: VenueType,
  city: string,
  venues: string[],
  extra: Partial<OrganisationSpec> = {},
): OrganisationSpec => ({ slug, name, kind, venueType, home: { city, venues }, ...extra });

const company = (
  slug: string,
  name: string,
  short: string,
  venueType: VenueType = 'company',
): OrganisationSpec => ({
  slug,
  name,
  kind: 'COMPANY',
  venueType,
  home: 'national',
  short,
});

const PROVINCE_NAMES_NL: Readonly<Record<RegionCode, string>> = {
  'NL-DR': 'Drenthe',
  'NL-FL': 'Flevoland',
  'NL-FR': 'Fryslân',
  'NL-GE': 'Gelderland',
  'NL-GR': 'Groningen',
  'NL-LI': 'Limburg',
  'NL-NB': 'Noord-Brabant',
  'NL-NH': 'Noord-Holland',
  'NL-OV': 'Overijssel',
  'NL-UT': 'Utrecht',
  'NL-ZE': 'Zeeland',
  'NL-ZH': 'Zuid-Holland',
};

/** The organisations of the demo edition: 97, of every kind. */
export const ORGANISATIONS: readonly OrganisationSpec[] = [
  // Companies, all over the country. Asito, the cleaning company, started the day in 2010.
  company('asito', 'Asito', 'Asito', 'cleaning'),
  company('glans-en-co', 'Schoonmaakbedrijf Glans & Co', 'Glans & Co', 'cleaning'),
  company('de-volle-tafel', 'Cateringgroep De Volle Tafel', 'De Volle Tafel'),
  company('van-der-meer-bouw', 'Bouwbedrijf Van der Meer & Zonen', 'Van der Meer Bouw'),
  company('zuiderbank', 'Zuiderbank', 'Zuiderbank'),
  company('het-anker-verzekeringen', 'Verzekeraar Het Anker', 'Het Anker'),
  company('stroomlijn', 'Techniekbedrijf Stroomlijn', 'Stroomlijn'),
  company('rijnvaart-logistiek', 'Rijnvaart Logistiek', 'Rijnvaart Logistiek'),
  company('buurtmarkt', 'Supermarktketen Buurtmarkt', 'Buurtmarkt'),
  company('werkwijzer', 'Uitzendbureau Werkwijzer', 'Werkwijzer'),
  company('windkracht-energie', 'Energiebedrijf Windkracht', 'Windkracht'),
  company('waakzaam', 'Beveiligingsbedrijf Waakzaam', 'Waakzaam'),
  company('bruggenbouwers', 'Adviesbureau Bruggenbouwers', 'Bruggenbouwers'),
  company('hotelgroep-gastvrij', 'Hotelgroep Gastvrij', 'Hotel Gastvrij'),
  company('samen-gezond', 'Zorgverzekeraar Samen Gezond', 'Samen Gezond'),
  company('de-letterzetter', 'Drukkerij De Letterzetter', 'De Letterzetter'),
  company('codeklas', 'Softwarebedrijf Codeklas', 'Codeklas'),

  // Government.
  local(
    'ministerie-szw',
    'Ministerie van Sociale Zaken en Werkgelegenheid',
    'GOVERNMENT',
    'ministry',
    'Den Haag',
    [],
  ),
  local(
    'ministerie-bzk',
    'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
    'GOVERNMENT',
    'ministry',
    'Den Haag',
    ['Bedrijfsrestaurant Ministerie van BZK'],
  ),
  {
    slug: 'coa',
    name: 'Centraal Orgaan opvang asielzoekers',
    kind: 'GOVERNMENT',
    venueType: 'azc',
    home: 'national',
  },

  // Charities: national, and one per province.
  {
    slug: 'samen-aan-tafel',
    name: 'Stichting Samen aan Tafel',
    kind: 'CHARITY',
    venueType: 'charity',
    home: 'national',
  },
  {
    slug: 'nieuwe-buren',
    name: 'Stichting Nieuwe Buren',
    kind: 'CHARITY',
    venueType: 'charity',
    home: 'national',
  },
  {
    slug: 'taalmaatjes',
    name: 'Stichting Taalmaatjes',
    kind: 'CHARITY',
    venueType: 'charity',
    home: 'national',
  },
  {
    slug: 'ouderen-verbonden',
    name: 'Vereniging Ouderen Verbonden',
    kind: 'CHARITY',
    venueType: 'charity',
    home: 'national',
  },
  {
    slug: 'handicap-en-werk',
    name: 'Stichting Handicap & Werk',
    kind: 'CHARITY',
    venueType: 'charity',
    home: 'national',
  },
  {
    slug: 'kleurrijk',
    name: 'Jongerennetwerk Kleurrijk',
    kind: 'CHARITY',
    venueType: 'charity',
    home: 'national',
    noWebsite: true,
  },
  ...(Object.entries(PROVINCE_NAMES_NL) as [RegionCode, string][]).map(
    ([region, province]): OrganisationSpec => ({
      slug: `welkom-in-${slugify(province)}`,
      name: `Stichting Welkom in ${province}`,
      kind: 'CHARITY',
      venueType: 'charity',
      home: { region },
    }),
  ),

  // Municipalities, in every province.
  municipality(
    'Amsterdam',
    'Stadhuis Amsterdam',
    'Openbare Bibliotheek Amsterdam',
    'Stadsdeelkantoor Nieuw-West',
  ),
  municipality(
    'Rotterdam',
    'Stadhuis Rotterdam',
    'Wijkpaleis Rotterdam-Zuid',
    'Stadswinkel Rotterdam',
  ),
  municipality('Den Haag', 'Stadhuis Den Haag', 'Buurthuis van de Toekomst Schilderswijk'),
  municipality('Utrecht', 'Stadhuis Utrecht', 'Bibliotheek Neude'),
  municipality('Eindhoven', 'Stadhuis Eindhoven', 'Wijkcentrum Woensel'),
  municipality('Tilburg', 'Stadhuis Tilburg', 'LocHal Tilburg'),
  municipality('Groningen', 'Stadhuis Groningen', 'Forum Groningen'),
  municipality('Almere', 'Stadhuis Almere'),
  municipality('Breda', 'Stadskantoor Breda'),
  municipality('Nijmegen', 'Stadhuis Nijmegen', 'Wijkcentrum Dukenburg'),
  municipality('Enschede', 'Stadhuis Enschede'),
  municipality('Haarlem', 'Stadhuis Haarlem'),
  municipality('Arnhem', 'Stadhuis Arnhem'),
  municipality('Zwolle', 'Stadhuis Zwolle'),
  municipality('Leeuwarden', 'Stadhuis Leeuwarden', 'Dorpshuis Wirdum'),
  municipality('Maastricht', 'Stadhuis Maastricht', 'Wijkcentrum Malberg'),
  municipality('Assen', 'Gemeentehuis Assen'),
  municipality('Emmen', 'Gemeentehuis Emmen'),
  municipality('Lelystad', 'Stadhuis Lelystad'),
  municipality('Middelburg', 'Stadhuis Middelburg'),
  municipality('Bergen op Zoom', 'Stadhuis Bergen op Zoom'),
  municipality('Almelo', 'Stadhuis Almelo'),
  municipality("'s-Hertogenbosch", "Stadhuis 's-Hertogenbosch"),
  municipality('Venlo', 'Stadskantoor Venlo'),
  municipality('Amersfoort', 'Stadhuis Amersfoort'),
  municipality('Apeldoorn', 'Stadhuis Apeldoorn'),

  // Mosques and churches. The two of Bergen op Zoom meet the town's elderly (a seed venue).
  local(
    'moskee-al-fath-bergen-op-zoom',
    'Marokkaanse Moskee Al Fath',
    'FAITH_COMMUNITY',
    'mosque',
    'Bergen op Zoom',
    [],
    {
      languages: ['ar'],
    },
  ),
  local(
    'moskee-mevlana-bergen-op-zoom',
    'Turkse Moskee Mevlana',
    'FAITH_COMMUNITY',
    'mosque',
    'Bergen op Zoom',
    ['Moskee Mevlana'],
    {
      languages: ['tr'],
    },
  ),
  local(
    'moskee-al-ihsan-utrecht',
    'Moskee Al Ihsan',
    'FAITH_COMMUNITY',
    'mosque',
    'Utrecht',
    ['Moskee Al Ihsan'],
    { languages: ['ar'] },
  ),
  local(
    'moskee-selimiye-enschede',
    'Moskee Selimiye',
    'FAITH_COMMUNITY',
    'mosque',
    'Enschede',
    ['Moskee Selimiye'],
    { languages: ['tr'] },
  ),
  local(
    'moskee-al-houda-den-haag',
    'Moskee Al Houda',
    'FAITH_COMMUNITY',
    'mosque',
    'Den Haag',
    ['Moskee Al Houda'],
    { languages: ['ar'] },
  ),
  local(
    'moskee-yunus-emre-tilburg',
    'Moskee Yunus Emre',
    'FAITH_COMMUNITY',
    'mosque',
    'Tilburg',
    ['Moskee Yunus Emre'],
    { languages: ['tr'] },
  ),
  local(
    'moskee-an-nour-amsterdam',
    'Moskee An-Nour',
    'FAITH_COMMUNITY',
    'mosque',
    'Amsterdam',
    ['Moskee An-Nour'],
    { languages: ['ar'] },
  ),
  local(
    'moskee-al-amal-rotterdam',
    'Moskee Al Amal',
    'FAITH_COMMUNITY',
    'mosque',
    'Rotterdam',
    ['Moskee Al Amal'],
    { languages: ['ar'] },
  ),
  local(
    'protestantse-gemeente-zwolle',
    'Protestantse Gemeente Zwolle',
    'FAITH_COMMUNITY',
    'church',
    'Zwolle',
    ['Kerkzaal De Ontmoeting'],
  ),
  local(
    'parochie-sint-servaas-maastricht',
    'Parochie Sint-Servaas',
    'FAITH_COMMUNITY',
    'church',
    'Maastricht',
    ['Parochiezaal Sint-Servaas'],
  ),
  local(
    'evangelische-gemeente-de-rots',
    'Evangelische Gemeente De Rots',
    'FAITH_COMMUNITY',
    'church',
    'Almere',
    ['Kerkcentrum De Rots'],
  ),
  local(
    'doopsgezinde-gemeente-leeuwarden',
    'Doopsgezinde Gemeente Leeuwarden',
    'FAITH_COMMUNITY',
    'church',
    'Leeuwarden',
    ['Doopsgezinde Kerk Leeuwarden'],
  ),
  local(
    'wijkgemeente-de-brug-nijmegen',
    'Protestantse Wijkgemeente De Brug',
    'FAITH_COMMUNITY',
    'church',
    'Nijmegen',
    ['Kerkzaal De Brug'],
  ),
  local(
    'parochie-sint-jan-den-bosch',
    'Parochie Sint-Jan',
    'FAITH_COMMUNITY',
    'church',
    "'s-Hertogenbosch",
    ['Parochiezaal Sint-Jan'],
  ),
  local(
    'interreligieus-beraad-arnhem',
    'Interreligieus Beraad Arnhem',
    'FAITH_COMMUNITY',
    'church',
    'Arnhem',
    ['Huis van de Wijk Presikhaaf'],
    {
      noWebsite: true,
    },
  ),

  // Schools.
  local('roc-de-horizon', 'ROC De Horizon', 'SCHOOL', 'school', 'Amersfoort', [
    'Restaurant van de koksopleiding ROC De Horizon',
  ]),
  local('hogeschool-zuidrand', 'Hogeschool Zuidrand', 'SCHOOL', 'school', 'Eindhoven', [
    'Aula Hogeschool Zuidrand',
  ]),
  local('koksschool-rijnmond', 'Koksschool Rijnmond', 'SCHOOL', 'school', 'Rotterdam', [
    'Leerrestaurant Koksschool Rijnmond',
  ]),
  local('taalschool-welkom', 'Taalschool Welkom', 'SCHOOL', 'school', 'Haarlem', [
    'Taalschool Welkom',
  ]),
  local('vakcollege-noord', 'Vakcollege Noord', 'SCHOOL', 'school', 'Groningen', [
    'Kantine Vakcollege Noord',
  ]),
  local(
    'schakelklas-enschede',
    'Internationale Schakelklas Enschede',
    'SCHOOL',
    'school',
    'Enschede',
    ['Internationale Schakelklas Enschede'],
  ),
  local('hotelschool-zuid', 'Hotelschool Zuid', 'SCHOOL', 'school', 'Maastricht', [
    'Leerhotel Hotelschool Zuid',
  ]),
  local('christelijk-lyceum-zeist', 'Christelijk Lyceum Zeist', 'SCHOOL', 'school', 'Zeist', [
    'Aula Christelijk Lyceum Zeist',
  ]),

  // Care providers. De Linde hosts the Almere lunch for elderly people in need of care (a seed venue).
  local('zorggroep-de-linde', 'Zorggroep De Linde', 'CARE', 'care', 'Almere', [
    'Zorgcentrum De Linde Buiten',
  ]),
  local('het-baken-emmen', 'Woonzorgcentrum Het Baken', 'CARE', 'care', 'Emmen', [
    'Woonzorgcentrum Het Baken',
  ]),
  local('de-wingerd-breda', 'Zorgcentrum De Wingerd', 'CARE', 'care', 'Breda', [
    'Zorgcentrum De Wingerd',
  ]),
  local('het-veld-zeist', 'Stichting Gehandicaptenzorg Het Veld', 'CARE', 'care', 'Zeist', [
    'Dagbesteding Het Veld',
  ]),
  local('de-klaver-meppel', 'Zorgboerderij De Klaver', 'CARE', 'care', 'Meppel', [
    'Zorgboerderij De Klaver',
  ]),
  local('thuiszorg-twente', 'Thuiszorg Twente', 'CARE', 'care', 'Hengelo', [
    'Wijksteunpunt Thuiszorg Twente',
  ]),
  local('zorggroep-maasland', 'Zorggroep Maasland', 'CARE', 'care', 'Venlo', [
    'Woonzorgcentrum Maaszicht',
  ]),
  local('woonzorg-zeeland', 'Woonzorg Zeeland', 'CARE', 'care', 'Goes', [
    'Woonzorgcentrum De Schutse',
  ]),

  // Others. Lab XL's project group brought 25 employers and 25 status holders together (a seed venue).
  local('lab-xl', 'Lab XL', 'OTHER', 'other', "'s-Hertogenbosch", []),
  local(
    'buurtvereniging-de-pijp',
    'Buurtvereniging De Pijp Samen',
    'OTHER',
    'other',
    'Amsterdam',
    ['Buurtkamer De Pijp'],
    { noWebsite: true },
  ),
  local('sportclub-oranje-zwart', 'Sportclub Oranje-Zwart', 'OTHER', 'other', 'Heerenveen', [
    'Clubhuis Oranje-Zwart',
  ]),
];

/** A venue named in the seed texts; `people` is both its capacity and its participants. */
export interface SeedVenue {
  externalId: string;
  organisation: string;
  city: string;
  name: string;
  meal: Meal;
  /** Local opening hours, when not the meal's usual ones. */
  slot?: readonly [string, string];
  people: number;
  targetGroups: TargetGroup[];
  languages: string[];
  description: string;
  street?: string;
  postalCode?: string;
  coordinates?: { lat: number; lng: number };
  /** Organisations (slugs) that host it beside its own. */
  cohosts?: string[];
}

export const SEED_VENUES: readonly SeedVenue[] = [
  {
    externalId: 'seed-utrecht-lunch',
    organisation: 'samen-aan-tafel',
    city: 'Utrecht',
    meal: 'LUNCH',
    people: 150,
    name: 'Buurthuis De Ster',
    targetGroups: ['REFUGEES', 'STATUS_HOLDERS', 'ELDERLY', 'NEIGHBOURS'],
    languages: ['nl', 'ar', 'ti', 'en'],
    description:
      'Een lunch van en voor 150 mensen: buurtbewoners, statushouders, vluchtelingen en ouderen koken samen en laten elkaar gerechten uit de eigen keuken proeven.',
  },
  {
    externalId: 'seed-bergen-op-zoom-dinner',
    organisation: 'moskee-al-fath-bergen-op-zoom',
    city: 'Bergen op Zoom',
    meal: 'DINNER',
    people: 250,
    name: 'Moskee Al Fath',
    cohosts: ['moskee-mevlana-bergen-op-zoom'],
    targetGroups: ['ELDERLY', 'NEIGHBOURS', 'FAITH_COMMUNITIES'],
    languages: ['nl', 'ar', 'tr'],
    description:
      'Een diner voor 250 mensen: ouderen uit Bergen op Zoom ontmoeten gelovigen van de Marokkaanse moskee Al Fath en de Turkse moskee Mevlana.',
  },
  {
    externalId: 'seed-almelo-dinner',
    organisation: 'asito',
    city: 'Almelo',
    meal: 'DINNER',
    people: 600,
    name: 'Erve Asito, stadion van Heracles Almelo',
    street: 'Stadionlaan 1',
    targetGroups: ['REFUGEES', 'ELDERLY', 'EMPLOYEES'],
    languages: ['nl', 'ar', 'ti', 'tr', 'en'],
    description:
      'Een diner voor 600 mensen in het stadion van Heracles: vluchtelingen, ouderen en medewerkers van Asito aan lange tafels op de tribunes.',
  },
  {
    externalId: 'seed-den-haag-dinner',
    organisation: 'ministerie-szw',
    city: 'Den Haag',
    meal: 'DINNER',
    people: 150,
    name: 'Ministerie van Sociale Zaken en Werkgelegenheid',
    street: 'Parnassusplein 5',
    postalCode: '2511 VX',
    coordinates: { lat: 52.0812, lng: 4.326 },
    targetGroups: ['STATUS_HOLDERS', 'JOB_SEEKERS', 'EMPLOYERS', 'EMPLOYEES'],
    languages: ['nl', 'ar', 'ti', 'en'],
    description:
      'Het ministerie van Sociale Zaken en Werkgelegenheid organiseert een diner voor 150 personen: beleidsmakers eten met statushouders, werkzoekenden en werkgevers.',
  },
  {
    externalId: 'seed-almere-lunch',
    organisation: 'zorggroep-de-linde',
    city: 'Almere',
    meal: 'LUNCH',
    people: 150,
    name: 'Zorgcentrum De Linde',
    targetGroups: ['ELDERLY', 'DISABILITY', 'YOUTH'],
    languages: ['nl', 'ar', 'tr'],
    description:
      'Een lunch voor 150 zorgbehoevende ouderen, verzorgd door jongeren en nieuwkomers uit Almere.',
  },
  {
    externalId: 'seed-s-hertogenbosch-dinner',
    organisation: 'lab-xl',
    city: "'s-Hertogenbosch",
    meal: 'DINNER',
    people: 50,
    name: 'Restaurant De Tafelschikking',
    slot: ['18:30', '21:30'],
    targetGroups: ['STATUS_HOLDERS', 'EMPLOYERS'],
    languages: ['nl', 'ar', 'ti', 'fa'],
    description:
      'Het diner: 25 werkgevers en 25 statushouders aan een slimme tafelindeling, met vier tolken en collega’s van het werkgeversservicepunt. Daarna volgen vervolggesprekken.',
  },
];

/** Where the COA's asylum seekers' centres of the demo are. Sensitive: shown only approximately. */
export const AZC_TOWNS = ['Ter Apel', 'Budel', 'Assen', 'Zwolle', 'Den Helder', 'Dronten'] as const;

/** `'s-Hertogenbosch` → `s-hertogenbosch`, `Fryslân` → `fryslan`. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
