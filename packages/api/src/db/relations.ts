import { defineRelations } from 'drizzle-orm';
import * as applicationTables from './applications.ts';
import * as schema from './schema.ts';

export const relations = defineRelations({ ...schema, ...applicationTables }, (r) => ({
  editions: {
    locations: r.many.locations(),
    stories: r.many.stories(),
    series: r.one.series({ from: r.editions.seriesId, to: r.series.id }),
  },
  series: {
    editions: r.many.editions(),
    federation: r.one.federations({ from: r.series.federationId, to: r.federations.id }),
  },
  federations: {
    series: r.many.series(),
  },
  organisations: {
    locations: r.many.locations({ alias: 'host' }),
    apiKeys: r.many.apiKeys(),
    people: r.many.people(),
  },
  locations: {
    edition: r.one.editions({ from: r.locations.editionId, to: r.editions.id, optional: false }),
    organisation: r.one.organisations({
      from: r.locations.organisationId,
      to: r.organisations.id,
      optional: false,
      alias: 'host',
    }),
    changes: r.many.locationChanges(),
    cohosts: r.many.organisations({
      from: r.locations.id.through(r.locationCohosts.locationId),
      to: r.organisations.id.through(r.locationCohosts.organisationId),
      alias: 'cohost',
    }),
    stories: r.many.stories(),
    programmeSessions: r.many.programmeSessions(),
    programmeSpeakers: r.many.programmeSpeakers(),
  },
  programmeSessions: {
    location: r.one.locations({
      from: r.programmeSessions.locationId,
      to: r.locations.id,
      optional: false,
    }),
  },
  programmeSpeakers: {
    location: r.one.locations({
      from: r.programmeSpeakers.locationId,
      to: r.locations.id,
      optional: false,
    }),
  },
  stories: {
    location: r.one.locations({ from: r.stories.locationId, to: r.locations.id, optional: false }),
    edition: r.one.editions({ from: r.stories.editionId, to: r.editions.id, optional: false }),
  },
  apiKeys: {
    organisation: r.one.organisations({ from: r.apiKeys.organisationId, to: r.organisations.id }),
  },
  applications: {
    organisation: r.one.organisations({
      from: r.applications.organisationId,
      to: r.organisations.id,
    }),
    federation: r.one.federations({ from: r.applications.federationId, to: r.federations.id }),
  },
  people: {
    organisation: r.one.organisations({ from: r.people.organisationId, to: r.organisations.id }),
  },
  hostLinks: {
    location: r.one.locations({
      from: r.hostLinks.locationId,
      to: r.locations.id,
      optional: false,
    }),
  },
  locationChanges: {
    location: r.one.locations({
      from: r.locationChanges.locationId,
      to: r.locations.id,
      optional: false,
    }),
    organisation: r.one.organisations({
      from: r.locationChanges.organisationId,
      to: r.organisations.id,
      optional: false,
    }),
  },
  auditEvents: {
    organisation: r.one.organisations({
      from: r.auditEvents.organisationId,
      to: r.organisations.id,
    }),
    location: r.one.locations({ from: r.auditEvents.locationId, to: r.locations.id }),
    edition: r.one.editions({ from: r.auditEvents.editionId, to: r.editions.id }),
    person: r.one.people({ from: r.auditEvents.personId, to: r.people.id }),
    apiKey: r.one.apiKeys({ from: r.auditEvents.apiKeyId, to: r.apiKeys.id }),
  },
}));
