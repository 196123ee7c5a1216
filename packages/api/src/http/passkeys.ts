/**
 * Passkeys over small JSON endpoints (POST only, from this site's own pages only; see
 * docs/people.md): a signed-in person asks for options, answers them, lists and removes their
 * passkeys; anyone asks for sign-in options (rate limited per client address) and answers them,
 * which opens a session with the same cookie as a sign-in link. Each answer is JSON: the result,
 * or `userErrors: [{ field, message, code }]` with a 4xx status, and nothing changed.
 */
import type { Plugin } from 'graphql-yoga';
import {
  type PasskeyError,
  type PasskeyErrorCode,
  passkeyError,
  passkeysOf,
  registerPasskey,
  registrationOptions,
  relyingParty,
  removePasskey,
  signInOptions,
  signInWithPasskey,
} from '../auth/passkeys.ts';
import { secureCookies, sessionCookie, sessionToken, sessionViewer } from '../auth/sessions.ts';
import type { Database } from '../db/client.ts';
import { clientIp } from './client-ip.ts';
import type { PublicApiConfig } from './config.ts';
import { fromOwnOrigin, rateLimitStore } from './gate.ts';
import { PerClientLimit } from './rate-limit.ts';

export const PASSKEY_PATH = '/manage/passkey';
const MAX_BODY = 32 * 1024;

const STATUS: Record<PasskeyErrorCode, number> = {
  UNAUTHENTICATED: 401,
  INVALID: 400,
  CHALLENGE: 400,
  UNKNOWN_CREDENTIAL: 400,
  NOT_FOUND: 404,
  TAKEN: 409,
  TOO_MANY: 409,
  RATE_LIMITED: 429,
};

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
}

function refused(error: PasskeyError): Response {
  return json({ userErrors: [error] }, STATUS[error.code]);
}

/** The JSON body, bounded; null when it is not a JSON object. */
async function body(request: Request): Promise<Record<string, unknown> | null> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) return null;
  const text = await request.text();
  if (text.length > MAX_BODY) return null;
  try {
    const value: unknown = JSON.parse(text || '{}');
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function passkeyPlugin(database: Database, config: PublicApiConfig): Plugin {
  const rp = relyingParty(config.publicUrl);
  const secure = secureCookies(config.publicUrl);
  // How often one client address may start a passkey sign-in: as often as it may ask for links.
  const limits = new PerClientLimit(
    rateLimitStore(database, config),
    'passkey-ip',
    config.signInLinkLimit.perIp,
    config.signInLinkLimit.windowSeconds,
  );
  const db = database.db;

  return {
    async onRequest({ request, url, serverContext, endResponse }) {
      if (!url.pathname.startsWith(`${PASSKEY_PATH}/`)) return;
      const action = url.pathname.slice(PASSKEY_PATH.length + 1);
      if (request.method !== 'POST')
        return endResponse(json({ userErrors: [] }, 405, { allow: 'POST' }));
      if (!fromOwnOrigin(request, config.publicUrl))
        return endResponse(
          json(
            {
              userErrors: [
                {
                  field: null,
                  code: 'FORBIDDEN',
                  message:
                    'Passkeys are accepted only from this site’s own pages; nothing was done.',
                },
              ],
            },
            403,
          ),
        );
      const input = await body(request);
      if (!input) return endResponse(refused(passkeyError('INVALID')));

      if (action === 'sign-in-options') {
        if (!(await limits.take(clientIp(request, serverContext, config.trustProxy))))
          return endResponse(refused(passkeyError('RATE_LIMITED')));
        return endResponse(json({ options: await signInOptions(db, rp) }));
      }
      if (action === 'sign-in') {
        const result = await signInWithPasskey(db, input as never, rp, config.sessions);
        if (!result.ok) return endResponse(refused(result.error));
        return endResponse(
          json({ signedIn: true }, 200, {
            'set-cookie': sessionCookie(result.session.token, result.session.expiresAt, secure),
          }),
        );
      }

      // The rest is for a signed-in person, about their own passkeys.
      const token = sessionToken(request.headers.get('cookie'));
      const viewer = token ? await sessionViewer(db, token, config.sessions) : null;
      const personId = viewer?.session?.personId;
      if (personId === undefined) return endResponse(refused(passkeyError('UNAUTHENTICATED')));
      if (action === 'register-options')
        return endResponse(json({ options: await registrationOptions(db, personId, rp) }));
      if (action === 'register') {
        const result = await registerPasskey(db, personId, input as never, rp);
        if (!result.ok) return endResponse(refused(result.error));
        return endResponse(json({ passkeys: await passkeysOf(db, personId) }));
      }
      if (action === 'list') return endResponse(json({ passkeys: await passkeysOf(db, personId) }));
      if (action === 'remove') {
        const error = await removePasskey(db, personId, input['id']);
        if (error) return endResponse(refused(error));
        return endResponse(json({ passkeys: await passkeysOf(db, personId) }));
      }
      return endResponse(json({ userErrors: [] }, 404));
    },
  };
}
