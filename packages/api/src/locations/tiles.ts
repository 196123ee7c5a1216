/**
 * A federation's tile server (#19): the map tiles its editions' maps show, credited as their
 * licence asks. Checked here, stored on the federation, audited; `null` gives the maps back the
 * instance's default (the widget's own).
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type Federation, federations } from '../db/schema.ts';
import { type AuditActor, audit } from './audit.ts';
import { type UserError, UserErrors, userError } from './errors.ts';

export interface TileServer {
  url: string;
  attribution: string;
  licenceUrl: string | null;
}

export const MAX_TILE_URL = 500;
export const MAX_ATTRIBUTION = 300;

/** Plain http only to this machine: a test (or a developer) serving tiles itself. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A URL template's host and scheme, read with its placeholders filled in. */
function parseTemplate(url: string): URL | null {
  try {
    return new URL(url.replace(/\{[a-z]+\}/g, '0'));
  } catch {
    return null;
  }
}

/** The tile server as given, trimmed, or what is wrong with it (at `tiles.…`). */
export function checkTiles(input: {
  url: string;
  attribution: string;
  licenceUrl?: string | null;
}): { tiles: TileServer } | { userErrors: UserError[] } {
  const errors = new UserErrors();
  const url = input.url.trim();
  const attribution = input.attribution.trim();
  const licenceUrl = input.licenceUrl?.trim() || null;
  const parsed = parseTemplate(url);
  if (url.length > MAX_TILE_URL)
    errors.add(
      ['tiles', 'url'],
      'TOO_LONG',
      `The tile URL is at most ${MAX_TILE_URL} characters (got ${url.length}).`,
    );
  else if (
    !parsed ||
    !(
      parsed.protocol === 'https:' ||
      (parsed.protocol === 'http:' && LOCAL_HOSTS.has(parsed.hostname))
    )
  )
    errors.add(
      ['tiles', 'url'],
      'INVALID_URL',
      `The tile URL must be an https address (got "${url.slice(0, 60)}").`,
    );
  else if (!['{z}', '{x}', '{y}'].every((p) => url.includes(p)))
    errors.add(
      ['tiles', 'url'],
      'INVALID',
      'The tile URL is a template with {z}, {x} and {y}, e.g. https://tiles.example.org/{z}/{x}/{y}.png.',
    );
  if (attribution === '')
    errors.add(
      ['tiles', 'attribution'],
      'REQUIRED',
      'Give the attribution the tiles’ licence asks for, e.g. “© SDFI, CC BY 4.0”.',
    );
  else if (attribution.length > MAX_ATTRIBUTION)
    errors.add(
      ['tiles', 'attribution'],
      'TOO_LONG',
      `The attribution is at most ${MAX_ATTRIBUTION} characters (got ${attribution.length}).`,
    );
  else if (attribution.includes('<'))
    errors.add(
      ['tiles', 'attribution'],
      'INVALID',
      'The attribution is plain text, not HTML: give the licence’s address as licenceUrl.',
    );
  if (licenceUrl !== null) {
    const licence = URL.canParse(licenceUrl) ? new URL(licenceUrl) : null;
    if (!licence || (licence.protocol !== 'https:' && licence.protocol !== 'http:'))
      errors.add(
        ['tiles', 'licenceUrl'],
        'INVALID_URL',
        'licenceUrl must be an http or https URL.',
      );
  }
  if (errors.any) return { userErrors: errors.list };
  return { tiles: { url, attribution, licenceUrl } };
}

/** A federation's tile server; null when it has none (its maps use the instance's default). */
export function tilesOf(federation: Federation): TileServer | null {
  if (federation.tileUrl === null || federation.tileAttribution === null) return null;
  return {
    url: federation.tileUrl,
    attribution: federation.tileAttribution,
    licenceUrl: federation.tileLicenceUrl,
  };
}

/**
 * Set (or, with null, clear) a federation's tile server, audited in the same transaction. Null
 * when there is no federation with this slug. The caller checked the tiles and who asks.
 */
export function setFederationTiles(
  db: Db,
  actor: AuditActor,
  slug: string,
  tiles: TileServer | null,
): Promise<Federation | null> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(federations)
      .where(eq(federations.slug, slug))
      .for('update');
    if (!before) return null;
    const [row] = await tx
      .update(federations)
      .set({
        tileUrl: tiles?.url ?? null,
        tileAttribution: tiles?.attribution ?? null,
        tileLicenceUrl: tiles?.licenceUrl ?? null,
        updatedAt: sql`now()`,
      })
      .where(eq(federations.id, before.id))
      .returning();
    const was = tilesOf(before);
    const changes = Object.fromEntries(
      (['url', 'attribution', 'licenceUrl'] as const)
        .filter((k) => (was?.[k] ?? null) !== (tiles?.[k] ?? null))
        .map((k) => [k, { from: was?.[k] ?? null, to: tiles?.[k] ?? null }]),
    );
    await audit(tx, actor, {
      action: 'SET_FEDERATION_TILES',
      details: { federation: { from: slug, to: slug }, ...changes },
    });
    return row!;
  });
}

/** The refusal of an unknown federation, at `federation`. */
export function unknownFederation(slug: string): UserError {
  return userError(['federation'], 'NOT_FOUND', `No federation with slug "${slug.slice(0, 60)}".`);
}
