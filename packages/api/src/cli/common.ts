/** What every command shares: the usage error, the output, what changes are announced to. */

import { userInfo } from 'node:os';
import type { KeyCache } from '../auth/key-cache.ts';
import type { Database } from '../db/client.ts';
import { federationBySlug } from '../locations/federations.ts';
import type { Notice } from '../locations/notices.ts';
import { organisationBySlug } from '../locations/organisations.ts';

export class UsageError extends Error {}

export const actor = () => ({ keyId: null, name: `cli:${userInfo().username}`, mayCount: true });

export interface CliIo {
  log(line: string): void;
  error(line: string): void;
}

/** Tells whoever follows writes what a command changed, once it has committed. */
export type Announce = (notices: readonly Notice[]) => void | Promise<void>;

/** What a command hands its changes to: the server's live hub and key cache, or the channel. */
export interface CommandServices {
  announce: Announce;
  /** Told of a key the command revoked. */
  keys: KeyCache;
}

/** The federation with this slug's id, or a usage error naming it. */
export async function federationId(database: Database, slug: string): Promise<number> {
  const federation = await federationBySlug(database.db, slug);
  if (!federation) throw new UsageError(`No federation with slug "${slug}".`);
  return federation.id;
}

export async function organisationId(database: Database, slug: string): Promise<number> {
  const org = await organisationBySlug(database.db, slug);
  if (!org)
    throw new UsageError(
      `No organisation with slug "${slug}" (create it with: pnpm tafel organisations create --slug ${slug} --name "…").`,
    );
  return org.id;
}
