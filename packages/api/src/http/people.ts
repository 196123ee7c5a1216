/**
 * Signing in with a one-time link, and signing out. A link opens a small page that asks to
 * confirm (GET changes nothing: mail scanners fetch links before people click them); the page's
 * button POSTs the token, which is used, opens a session and sets its cookie. Both POSTs are
 * accepted only from this site's own pages (no sign-in or sign-out forced by another site).
 * Also: the per-IP and per-address limit on asking for sign-in links.
 */
import { createHash } from 'node:crypto';
import { LANGS, type Lang } from '@tafel/schema';
import { eq } from 'drizzle-orm';
import type { Plugin } from 'graphql-yoga';
import { hashSecret } from '../auth/keys.ts';
import { LINK_PATH, type LinkRefusal, useLink } from '../auth/people.ts';
import {
  clearedSessionCookie,
  endAllSessions,
  endSession,
  secureCookies,
  sessionCookie,
  sessionToken,
  sessionViewer,
} from '../auth/sessions.ts';
import type { Database } from '../db/client.ts';
import { personLinks } from '../db/schema.ts';
import type { PublicApiConfig } from './config.ts';
import { fromOwnOrigin, rateLimitStore } from './gate.ts';
import { pageLang, texts } from './people-pages.ts';
import { PerClientLimit } from './rate-limit.ts';

export const MANAGE_PATH = '/manage';
export const SIGN_OUT_PATH = '/manage/sign-out';

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  // The link's token is in the URL: never pass it on to another site.
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(
  lang: Lang,
  title: string,
  body: string,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Tafel</title>
<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}button{font:inherit;padding:.5rem 1.2rem;margin:.25rem 0}button:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>
`;
  return new Response(html, {
    status,
    headers: { ...PAGE_HEADERS, 'content-language': lang, vary: 'Accept-Language', ...headers },
  });
}

function refusedPage(lang: Lang, reason: LinkRefusal, status: number): Response {
  const t = texts(lang);
  return page(
    lang,
    t.refusedTitle,
    `<p>${escapeHtml(t[reason])}</p>\n<p><a href="${MANAGE_PATH}?lang=${lang}">${escapeHtml(t.askAgain)}</a></p>`,
    status,
  );
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** What a link's state is, without using it: for the confirm page's message. */
async function linkState(
  database: Database,
  token: string,
): Promise<'ok' | 'UNKNOWN' | 'EXPIRED' | 'USED'> {
  if (!TOKEN.test(token)) return 'UNKNOWN';
  const [row] = await database.db
    .select({
      usedAt: personLinks.usedAt,
      expiresAt: personLinks.expiresAt,
      kind: personLinks.kind,
    })
    .from(personLinks)
    .where(eq(personLinks.hash, hashSecret(token)))
    .limit(1);
  if (!row) return 'UNKNOWN';
  if (row.usedAt) return 'USED';
  return row.expiresAt.getTime() <= Date.now() ? 'EXPIRED' : 'ok';
}

async function formToken(request: Request): Promise<string> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) return '';
  const text = await request.text();
  if (text.length > 1000) return '';
  return new URLSearchParams(text).get('token') ?? '';
}

function crossSitePage(lang: Lang): Response {
  const t = texts(lang);
  return page(lang, t.crossTitle, `<p>${escapeHtml(t.crossText)}</p>`, 403);
}

export function peoplePlugin(
  database: Database,
  config: Pick<PublicApiConfig, 'publicUrl' | 'sessions'>,
): Plugin {
  const secure = secureCookies(config.publicUrl);
  return {
    async onRequest({ request, url, endResponse }) {
      const path = url.pathname;
      // A link's own language (its message's) comes first, then the browser's.
      const asked = url.searchParams.get('lang');
      const linkLang = (LANGS as readonly (string | null)[]).includes(asked)
        ? (asked as Lang)
        : null;
      const lang = linkLang ?? pageLang(request.headers.get('accept-language'));
      const langQuery = linkLang ? `?lang=${linkLang}` : '';
      if (path === LINK_PATH && (request.method === 'GET' || request.method === 'HEAD')) {
        const token = url.searchParams.get('token') ?? '';
        const state = await linkState(database, token);
        if (state !== 'ok')
          return endResponse(refusedPage(lang, state, state === 'UNKNOWN' ? 404 : 410));
        const t = texts(lang);
        return endResponse(
          page(
            lang,
            t.confirmTitle,
            `<p>${escapeHtml(t.confirmText)}</p>
<form method="post" action="${LINK_PATH}${langQuery}"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">${escapeHtml(t.confirmButton)}</button></form>`,
          ),
        );
      }
      if (path === LINK_PATH && request.method === 'POST') {
        if (!fromOwnOrigin(request, config.publicUrl)) return endResponse(crossSitePage(lang));
        const result = await useLink(database.db, await formToken(request), config.sessions);
        if (!result.ok)
          return endResponse(
            refusedPage(lang, result.reason, result.reason === 'UNKNOWN' ? 404 : 410),
          );
        return endResponse(
          new Response(null, {
            status: 303,
            headers: {
              location: `${MANAGE_PATH}${langQuery}`,
              'cache-control': 'no-store',
              'set-cookie': sessionCookie(result.session.token, result.session.expiresAt, secure),
            },
          }),
        );
      }
      if (path === SIGN_OUT_PATH && request.method === 'POST') {
        if (!fromOwnOrigin(request, config.publicUrl)) return endResponse(crossSitePage(lang));
        const token = sessionToken(request.headers.get('cookie'));
        if (token) {
          const everywhere = new URLSearchParams(await request.text()).get('everywhere') === '1';
          const viewer = everywhere
            ? await sessionViewer(database.db, token, config.sessions)
            : null;
          if (viewer?.session) await endAllSessions(database.db, viewer.session.personId);
          else await endSession(database.db, token);
        }
        return endResponse(
          new Response(null, {
            status: 303,
            headers: {
              location: MANAGE_PATH,
              'cache-control': 'no-store',
              'set-cookie': clearedSessionCookie(secure),
            },
          }),
        );
      }
    },
  };
}

/**
 * How often sign-in links may be asked for: per client IP and per address, in the rate limits'
 * shared store. The address is counted by its hash: the store never holds an address.
 */
export class SignInLinkLimits {
  readonly #perIp: PerClientLimit;
  readonly #perAddress: PerClientLimit;

  constructor(database: Database, config: PublicApiConfig) {
    const store = rateLimitStore(database, config);
    const { perIp, perAddress, windowSeconds } = config.signInLinkLimit;
    this.#perIp = new PerClientLimit(store, 'signin-ip', perIp, windowSeconds);
    this.#perAddress = new PerClientLimit(store, 'signin-addr', perAddress, windowSeconds);
  }

  /** Count one request; false when the address or the client is over its limit. */
  async take(ip: string | null, email: string): Promise<boolean> {
    const address = createHash('sha256').update(email.toLowerCase()).digest('base64url');
    return (await this.#perAddress.take(address)) && (await this.#perIp.take(ip));
  }
}
