/**
 * What API keys and host links share: how a secret is hashed for storage, and how a bearer
 * secret says which of the two it is (a host link's prefix can never begin an API key).
 */
import { createHash } from 'node:crypto';

export const HOST_LINK_PREFIX = 'tafelhost_';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Does this bearer secret claim to be a host link (rather than an API key, `tafel_…`)? */
export function isHostLinkToken(secret: string): boolean {
  return secret.startsWith(HOST_LINK_PREFIX);
}
