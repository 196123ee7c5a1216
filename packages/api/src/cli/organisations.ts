/** `pnpm tafel organisations` and `pnpm tafel editions`. */

import { parseArgs } from 'node:util';
import type { Database } from '../db/client.ts';
import { createEdition } from '../locations/editions.ts';
import { createOrganisation } from '../locations/organisations.ts';
import { type Announce, type CliIo, UsageError } from './common.ts';

export async function organisationsCommand(
  database: Database,
  sub: string | undefined,
  args: string[],
  io: CliIo,
  announce: Announce,
): Promise<number> {
  if (sub !== 'create') throw new UsageError('organisations create --slug SLUG --name NAME');
  const { values } = parseArgs({
    args,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      website: { type: 'string' },
      approved: { type: 'boolean' },
    },
  });
  if (!values.slug || !values.name) throw new UsageError('--slug and --name are required.');
  const result = await createOrganisation(database.db, {
    slug: values.slug,
    name: values.name,
    kind: values.kind?.toUpperCase(),
    website: values.website,
    approved: values.approved,
  });
  await announce(result.notices);
  for (const e of result.userErrors)
    io.error(`${e.field?.join('.') ?? ''}: ${e.message} [${e.code}]`);
  if (!result.organisation) return 1;
  io.log(`Created organisation ${result.organisation.slug} (${result.organisation.name}).`);
  return 0;
}

export async function editionsCommand(
  database: Database,
  sub: string | undefined,
  args: string[],
  io: CliIo,
  announce: Announce,
): Promise<number> {
  if (sub !== 'create')
    throw new UsageError('editions create --slug SLUG --name NAME --date YYYY-MM-DD');
  const { values } = parseArgs({
    args,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      date: { type: 'string' },
      'time-zone': { type: 'string' },
      country: { type: 'string' },
      'require-approval': { type: 'boolean' },
    },
  });
  if (!values.slug || !values.name || !values.date)
    throw new UsageError('--slug, --name and --date YYYY-MM-DD are required.');
  const result = await createEdition(database.db, {
    slug: values.slug,
    name: values.name,
    date: values.date,
    timeZone: values['time-zone'],
    country: values.country,
    requireApproval: values['require-approval'],
  });
  await announce(result.notices);
  for (const e of result.userErrors)
    io.error(`${e.field?.join('.') ?? ''}: ${e.message} [${e.code}]`);
  if (!result.edition) return 1;
  io.log(`Created edition ${result.edition.slug} on ${result.edition.date}.`);
  return 0;
}
