import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.ts';
import './scalars.ts';
import './types/root.ts';
import './types/enums.ts';
import './types/edition.ts';
import './types/series.ts';
import './types/federation.ts';
import './types/measures.ts';
import './types/vocabulary.ts';
import './types/organisation.ts';
import './types/location.ts';
import './types/stats.ts';
import './types/user-error.ts';
import './types/location-mutations.ts';
import './types/programme.ts';
import './types/import.ts';
import './types/copy-locations.ts';
import './types/staff.ts';
import './types/viewer.ts';
import './types/person.ts';
import './types/participation.ts';
import './types/host-link.ts';
import './types/capacity.ts';
import './types/cohosts.ts';
import './types/day-view.ts';
import './types/sync.ts';
import './types/geocode.ts';
import './types/organisation-profile.ts';
import './types/application.ts';
import './types/application-mutations.ts';
import './types/console.ts';
import './types/audit.ts';
import './types/outcomes.ts';
import './types/story.ts';
import { installCompiledReads } from './read/install.ts';

export const schema = installCompiledReads(builder.toSchema({ sortSchema: true }));

/** The contract as committed in packages/schema/schema.graphql. */
export function printContract(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
