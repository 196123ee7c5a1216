/** `pnpm tafel keys`: create, list and revoke API keys. */

import { parseArgs } from 'node:util';
import { eq, isNull } from 'drizzle-orm';
import type { KeyCache } from '../auth/key-cache.ts';
import { API_KEY_SCOPES } from '../auth/keys.ts';
import type { ApiKeyScope } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { apiKeys, federations, organisations } from '../db/schema.ts';
import { issueKeyAs, revokeKeyAs } from '../locations/api-keys.ts';
import { cliAuditActor } from '../locations/audit.ts';
import { type CliIo, federationId, organisationId, UsageError } from './common.ts';

/** Who the audit trail says acted from the command line (never the machine's user name). */
const CLI = cliAuditActor('cli');

function parseScopes(text: string | undefined): ApiKeyScope[] {
  if (!text) return [...API_KEY_SCOPES];
  const scopes = text
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const unknown = scopes.filter((s) => !(API_KEY_SCOPES as readonly string[]).includes(s));
  if (unknown.length)
    throw new UsageError(
      `Unknown scope ${unknown.join(', ')}; known: ${API_KEY_SCOPES.join(', ')}.`,
    );
  return scopes as ApiKeyScope[];
}

export async function keys(
  database: Database,
  sub: string | undefined,
  args: string[],
  io: CliIo,
  cache: KeyCache,
): Promise<number> {
  if (sub === 'create') {
    const { values } = parseArgs({
      args,
      options: {
        staff: { type: 'boolean' },
        federation: { type: 'string' },
        organisation: { type: 'string' },
        scopes: { type: 'string' },
        label: { type: 'string' },
      },
    });
    if (!!values.staff === !!values.organisation)
      throw new UsageError('Say whose key: --staff, or --organisation SLUG.');
    if (values.federation && !values.staff)
      throw new UsageError('--federation SLUG goes with --staff: a staff key of one federation.');
    const orgId = values.organisation ? await organisationId(database, values.organisation) : null;
    const { secret, apiKey } = await issueKeyAs(database.db, CLI, {
      organisationId: orgId,
      federationId: values.federation ? await federationId(database, values.federation) : null,
      scopes: parseScopes(values.scopes),
      label: values.label ?? null,
    });
    io.log(
      `Issued ${values.staff ? `a staff key${values.federation ? ` of the federation ${values.federation}` : ''}` : `a key for ${values.organisation}`} ${apiKey.prefix}… with scopes ${apiKey.scopes.join(', ')}.`,
    );
    io.log(
      'The secret below is shown once; store it now. Send it as: Authorization: Bearer <secret>',
    );
    io.log(secret);
    return 0;
  }
  if (sub === 'list') {
    const { values } = parseArgs({
      args,
      options: { organisation: { type: 'string' }, all: { type: 'boolean' } },
    });
    const rows = await database.db
      .select({
        prefix: apiKeys.prefix,
        scopes: apiKeys.scopes,
        label: apiKeys.label,
        organisation: organisations.slug,
        federation: federations.slug,
        createdAt: apiKeys.createdAt,
        lastUsedAt: apiKeys.lastUsedAt,
        revokedAt: apiKeys.revokedAt,
      })
      .from(apiKeys)
      .leftJoin(organisations, eq(organisations.id, apiKeys.organisationId))
      .leftJoin(federations, eq(federations.id, apiKeys.federationId))
      .where(values.all ? undefined : isNull(apiKeys.revokedAt))
      .orderBy(apiKeys.id);
    const shown = values.organisation
      ? rows.filter((r) => r.organisation === values.organisation)
      : rows;
    for (const r of shown) {
      io.log(
        [
          r.prefix,
          r.organisation ?? (r.federation ? `STAFF@${r.federation}` : 'STAFF'),
          r.scopes.join(','),
          r.label ?? '',
          `created ${r.createdAt.toISOString()}`,
          r.lastUsedAt ? `used ${r.lastUsedAt.toISOString()}` : 'never used',
          r.revokedAt ? `REVOKED ${r.revokedAt.toISOString()}` : '',
        ]
          .filter(Boolean)
          .join('  '),
      );
    }
    if (shown.length === 0) io.log('No keys.');
    return 0;
  }
  if (sub === 'revoke') {
    const prefix = args[0];
    if (!prefix)
      throw new UsageError(
        'Give the prefix of the key to revoke: pnpm tafel keys revoke tafel_XXXXXXXX',
      );
    const row = await revokeKeyAs(database.db, CLI, prefix, cache);
    if (!row) {
      io.error(`No key with prefix ${prefix}.`);
      return 1;
    }
    io.log(`Revoked ${prefix}.`);
    return 0;
  }
  throw new UsageError('keys create | keys list | keys revoke');
}
