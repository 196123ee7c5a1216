import type { Messages } from '../../lib/i18n.ts';

export type VenuesKey =
  | 'heading'
  | 'intro'
  | 'waiting'
  | 'noneWaiting'
  | 'by'
  | 'approve'
  | 'reject'
  | 'unpublish'
  | 'approveTitle'
  | 'rejectTitle'
  | 'unpublishTitle'
  | 'approved'
  | 'rejected'
  | 'unpublished'
  | 'published'
  | 'search'
  | 'searchHint'
  | 'find'
  | 'stories'
  | 'noneStories'
  | 'storyAt';

export const VENUES: Messages<VenuesKey> = {
  nl: {
    heading: 'Locaties',
    intro:
      'Locaties van nieuwe organisaties wachten op goedkeuring voordat ze openbaar worden. Een afgewezen of teruggetrokken locatie wordt een concept dat opnieuw goedkeuring nodig heeft. Ook verhalen die organisaties na afloop toevoegden wachten hier: goedkeuren publiceert ze.',
    waiting: 'Wachten op goedkeuring',
    noneWaiting: 'Er wachten geen locaties op goedkeuring.',
    by: '{organisation}, {city}',
    approve: 'Goedkeuren',
    reject: 'Afwijzen',
    unpublish: 'Offline halen',
    approveTitle: '{name} goedkeuren',
    rejectTitle: '{name} afwijzen',
    unpublishTitle: '{name} offline halen',
    approved: '{name} is goedgekeurd.',
    rejected: '{name} is afgewezen.',
    unpublished: '{name} is offline gehaald.',
    published: 'Gepubliceerde locaties',
    search: 'Zoek een gepubliceerde locatie',
    searchHint: 'Een deel van de naam, plaats of postcode',
    find: 'Zoeken',
    stories: 'Verhalen die wachten op publicatie',
    noneStories: 'Er wachten geen verhalen.',
    storyAt: 'Verhaal bij {name}',
  },
  en: {
    heading: 'Venues',
    intro:
      'Venues of new organisations wait for approval before they go public. A rejected or unpublished venue becomes a draft that needs approval again. Stories hosts added after the day wait here too: approving one publishes it.',
    waiting: 'Waiting for approval',
    noneWaiting: 'No venues are waiting for approval.',
    by: '{organisation}, {city}',
    approve: 'Approve',
    reject: 'Reject',
    unpublish: 'Unpublish',
    approveTitle: 'Approve {name}',
    rejectTitle: 'Reject {name}',
    unpublishTitle: 'Unpublish {name}',
    approved: '{name} is approved.',
    rejected: '{name} is rejected.',
    unpublished: '{name} is unpublished.',
    published: 'Published venues',
    search: 'Find a published venue',
    searchHint: 'Part of the name, town or postal code',
    find: 'Search',
    stories: 'Stories waiting for publication',
    noneStories: 'No stories are waiting.',
    storyAt: 'Story at {name}',
  },
  de: {
    heading: 'Standorte',
    intro:
      'Standorte neuer Organisationen warten auf Freigabe, bevor sie öffentlich werden. Ein abgelehnter oder zurückgezogener Standort wird ein Entwurf, der erneut freigegeben werden muss. Auch Geschichten, die Organisationen nach dem Tag hinzufügten, warten hier: Freigeben veröffentlicht sie.',
    waiting: 'Warten auf Freigabe',
    noneWaiting: 'Keine Standorte warten auf Freigabe.',
    by: '{organisation}, {city}',
    approve: 'Freigeben',
    reject: 'Ablehnen',
    unpublish: 'Zurückziehen',
    approveTitle: '{name} freigeben',
    rejectTitle: '{name} ablehnen',
    unpublishTitle: '{name} zurückziehen',
    approved: '{name} ist freigegeben.',
    rejected: '{name} ist abgelehnt.',
    unpublished: '{name} ist zurückgezogen.',
    published: 'Veröffentlichte Standorte',
    search: 'Veröffentlichten Standort suchen',
    searchHint: 'Ein Teil des Namens, Orts oder der Postleitzahl',
    find: 'Suchen',
    stories: 'Geschichten, die auf Veröffentlichung warten',
    noneStories: 'Keine Geschichten warten.',
    storyAt: 'Geschichte bei {name}',
  },
  da: {
    heading: 'Steder',
    intro:
      'Steder fra nye organisationer venter på godkendelse, før de bliver offentlige. Et afvist eller afpubliceret sted bliver en kladde, der skal godkendes igen. Historier, som organisationer tilføjede efter dagen, venter her også: godkendelse offentliggør dem.',
    waiting: 'Venter på godkendelse',
    noneWaiting: 'Ingen steder venter på godkendelse.',
    by: '{organisation}, {city}',
    approve: 'Godkend',
    reject: 'Afvis',
    unpublish: 'Afpublicer',
    approveTitle: 'Godkend {name}',
    rejectTitle: 'Afvis {name}',
    unpublishTitle: 'Afpublicer {name}',
    approved: '{name} er godkendt.',
    rejected: '{name} er afvist.',
    unpublished: '{name} er afpubliceret.',
    published: 'Publicerede steder',
    search: 'Find et publiceret sted',
    searchHint: 'En del af navnet, byen eller postnummeret',
    find: 'Søg',
    stories: 'Historier, der venter på offentliggørelse',
    noneStories: 'Ingen historier venter.',
    storyAt: 'Historie fra {name}',
  },
};
