/** `pnpm tafel host-links`: create, list and revoke a venue's host links. */

import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { hostLinkUrl } from '../auth/host-links.ts';
import type { Database } from '../db/client.ts';
import { decodeLocationId } from '../graphql/global-id.ts';
import { publicUrl } from '../http/config.ts';
import { createHostLink, hostLinksOf, revokeHostLinkAs } from '../locations/host-links.ts';
import { type CliIo, UsageError } from './common.ts';

/** The venue row a `--venue` global ID names. */
function venueArg(value: string | undefined): number {
  if (!value)
    throw new UsageError(
      'Give the venue: --venue ID (the venue’s id as the API gives it, e.g. TG9jYXRpb246MTI).',
    );
  let id: number | null = null;
  try {
    id = decodeLocationId(value);
  } catch {
    id = null;
  }
  if (id === null)
    throw new UsageError(
      `"${value}" is not a venue’s ID (the API gives them as \`id\` of a Location, e.g. TG9jYXRpb246MTI).`,
    );
  return id;
}

export async function hostLinksCommand(
  database: Database,
  sub: string | undefined,
  args: string[],
  io: CliIo,
): Promise<number> {
  const staffActor = { organisationId: null, keyId: null, name: `cli:${userInfo().username}` };
  if (sub === 'create') {
    const { values } = parseArgs({ args, options: { venue: { type: 'string' } } });
    const made = await createHostLink(database.db, staffActor, venueArg(values.venue));
    for (const e of made.userErrors) io.error(`${e.message} [${e.code}]`);
    if (!made.token) return 1;
    io.log(
      `Created host link ${made.hostLink.prefix}… for venue ${values.venue}; it works until ${made.hostLink.expiresAt.toISOString()}.`,
    );
    io.log(
      'The URL below is shown once: it may report arrivals at this venue. Revoke it with: pnpm tafel host-links revoke ' +
        made.hostLink.prefix,
    );
    io.log(hostLinkUrl(publicUrl(), made.token));
    return 0;
  }
  if (sub === 'list') {
    const { values } = parseArgs({
      args,
      options: { venue: { type: 'string' }, all: { type: 'boolean' } },
    });
    const links = await hostLinksOf(
      database.db,
      staffActor,
      venueArg(values.venue),
      values.all ?? false,
    );
    if (!Array.isArray(links)) {
      io.error(`${links.message} [${links.code}]`);
      return 1;
    }
    for (const l of links) {
      io.log(
        [
          l.prefix,
          `by ${l.createdBy}`,
          `created ${l.createdAt.toISOString()}`,
          `expires ${l.expiresAt.toISOString()}`,
          l.revokedAt ? `REVOKED ${l.revokedAt.toISOString()}` : '',
        ]
          .filter(Boolean)
          .join('  '),
      );
    }
    if (links.length === 0) io.log('No host links.');
    return 0;
  }
  if (sub === 'revoke') {
    const prefix = args[0];
    if (!prefix)
      throw new UsageError(
        'Give the prefix of the host link to revoke: pnpm tafel host-links revoke tafelhost_XXXXXXXX',
      );
    const result = await revokeHostLinkAs(database.db, staffActor, prefix);
    if (!result.hostLink) {
      for (const e of result.userErrors) io.error(`${e.message} [${e.code}]`);
      return 1;
    }
    io.log(`Revoked ${prefix}.`);
    return 0;
  }
  throw new UsageError(
    'host-links create --venue ID | host-links list --venue ID | host-links revoke PREFIX',
  );
}
