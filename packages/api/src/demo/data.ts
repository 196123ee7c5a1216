/** The shapes of the demo data, shared by its generators and the loader. */
import type { OrganisationKind } from '@tafel/schema';
import type { NewLocation } from '../db/schema.ts';

export interface DemoEdition {
  slug: string;
  name: string;
  /** YYYY-MM-DD, in the edition's time zone. */
  date: string;
  /** The last day of an edition that spans days (meetings across a year). */
  endDate?: string;
  timeZone: string;
  country: string;
  /** OPEN unless said (a past day is CLOSED). */
  status?: 'PLANNED' | 'OPEN' | 'CLOSED';
}

export interface DemoOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  website: string | null;
}

export type DemoLocation = Omit<
  NewLocation,
  'id' | 'editionId' | 'organisationId' | 'createdAt' | 'updatedAt'
> & {
  organisationSlug: string;
};

/** A change in a venue's count during the day: the sum of a venue's deltas is its participants. */
export interface DemoArrival {
  externalId: string;
  organisationSlug: string;
  /** ISO instant. */
  at: string;
  delta: number;
}

/** Organisations that host a venue beside its own (by the venue's own id and host). */
export interface DemoCohosts {
  externalId: string;
  organisationSlug: string;
  cohosts: string[];
}

export interface DemoData {
  edition: DemoEdition;
  organisations: DemoOrganisation[];
  locations: DemoLocation[];
  /** Arrivals over the day, so the day's timeline has a shape; in time order. */
  arrivals: DemoArrival[];
  /** Co-hosts of some venues; none when absent. */
  cohosts?: DemoCohosts[];
}

export interface DemoOptions {
  /** A synthetic edition of this many published venues instead of the demo edition. */
  venues?: number;
  seed?: number;
  editionSlug?: string;
}
