/**
 * The API's passkey endpoints (POST /manage/passkey/<action>, JSON, same origin with the session
 * cookie): the answer's data, or the server's `userErrors`. WebAuthn's own prompts come from
 * `@simplewebauthn/browser`, loaded only when a passkey is used.
 */
import { NetworkError, type UserError } from '../lib/gql.ts';

export interface PasskeySummary {
  id: number;
  createdAt: string;
  lastUsedAt: string | null;
  transports: string[];
}

export type PasskeyAnswer<T> = { ok: true; data: T } | { ok: false; errors: UserError[] };

export async function passkeyPost<T>(
  action: string,
  body: unknown = {},
): Promise<PasskeyAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(`/manage/passkey/${action}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new NetworkError((error as Error).message);
  }
  let answer: { userErrors?: UserError[] } & Record<string, unknown>;
  try {
    answer = (await response.json()) as typeof answer;
  } catch {
    throw new NetworkError(`HTTP ${response.status}`);
  }
  if (!response.ok || answer.userErrors?.length)
    return { ok: false, errors: answer.userErrors ?? [] };
  return { ok: true, data: answer as T };
}

/** Whether this browser can use passkeys at all (WebAuthn in a secure context). */
export function passkeysPossible(): boolean {
  return (
    window.isSecureContext &&
    typeof window.PublicKeyCredential === 'function' &&
    typeof navigator.credentials?.get === 'function'
  );
}
