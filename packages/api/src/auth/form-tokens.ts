/**
 * The join form's token: when the form was opened, signed by the server (HMAC-SHA256), so a
 * program cannot claim to have taken its time. The key is made once and kept in the database
 * (`server_secrets`), so every process behind a load balancer accepts the others' tokens.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { serverSecrets } from '../db/applications.ts';
import type { Db } from '../db/client.ts';

const SECRET_NAME = 'join-form';
/** A form opened longer ago than this is stale: reload it. */
export const FORM_TOKEN_TTL_MS = 24 * 3600_000;

export type FormTokenCheck =
  | { ok: true; openedAt: number }
  | { ok: false; reason: 'INVALID' | 'EXPIRED' };

/** Signs and checks form tokens with the database's key, read once per process. */
export class FormTokens {
  #key: Promise<Buffer> | null = null;

  constructor(private readonly db: Db) {}

  #secret(): Promise<Buffer> {
    this.#key ??= (async () => {
      await this.db
        .insert(serverSecrets)
        .values({ name: SECRET_NAME, secret: randomBytes(32).toString('base64url') })
        .onConflictDoNothing();
      const [row] = await this.db
        .select({ secret: serverSecrets.secret })
        .from(serverSecrets)
        .where(eq(serverSecrets.name, SECRET_NAME));
      return Buffer.from(row!.secret, 'base64url');
    })().catch((error) => {
      this.#key = null;
      throw error;
    });
    return this.#key;
  }

  async #sign(payload: string): Promise<string> {
    return createHmac('sha256', await this.#secret())
      .update(payload)
      .digest('base64url');
  }

  /** A token saying the form was opened now. */
  async issue(now = Date.now()): Promise<string> {
    const payload = now.toString(36);
    return `${payload}.${await this.#sign(payload)}`;
  }

  /** When the form was opened, if the token is the server's own and not stale. */
  async check(token: string, now = Date.now()): Promise<FormTokenCheck> {
    const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return { ok: false, reason: 'INVALID' };
    const expected = Buffer.from(await this.#sign(match[1]!));
    const given = Buffer.from(match[2]!);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, reason: 'INVALID' };
    const openedAt = parseInt(match[1]!, 36);
    if (openedAt > now + 60_000 || now - openedAt > FORM_TOKEN_TTL_MS)
      return { ok: false, reason: 'EXPIRED' };
    return { ok: true, openedAt };
  }
}
