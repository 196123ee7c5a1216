/**
 * A partner's page, for the browser tests and the Lighthouse bench: the snippet a person takes
 * from the embed configurator (/embed/configure), pasted into a plain page on another origin
 * (a server of its own on another port), under the Content-Security-Policy lines the
 * configurator gives with it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';

export interface Choices {
  /** The widget's language. */
  lang?: 'nl' | 'en' | 'de' | 'da';
  organisation?: string;
  region?: string;
  meals?: string[];
  targetGroups?: string[];
  height?: number;
  counter?: boolean;
  live?: boolean;
  /** Keep the chosen venue and filters in the partner page's address. */
  linkState?: boolean;
  form?: 'element' | 'iframe';
}

export interface Configured {
  /** The text of the configurator's snippet box. */
  snippet: string;
  /** The text of its Content-Security-Policy box, one directive a line. */
  csp: string;
}

/** Open the configurator, make the choices with the form's controls, and read the two boxes once they settle. */
export async function configure(
  page: Page,
  api: string,
  choices: Choices,
  pageLang = 'en',
): Promise<Configured> {
  await page.goto(`${api}/embed/configure?lang=${pageLang}`);
  await page.waitForSelector('html[data-ready]', { timeout: 30_000 });
  if (choices.form === 'iframe') await page.check('input[name="form"][value="iframe"]');
  if (choices.counter) await page.check('#counter');
  if (choices.lang) await page.selectOption('#lang', choices.lang);
  if (choices.organisation) await page.selectOption('#organisation', choices.organisation);
  if (choices.region) await page.selectOption('#region', choices.region);
  for (const meal of choices.meals ?? []) await page.check(`input[name="meals"][value="${meal}"]`);
  for (const group of choices.targetGroups ?? [])
    await page.check(`input[name="target-groups"][value="${group}"]`);
  if (choices.live === false) await page.uncheck('#live');
  if (choices.linkState) await page.check('#link-state');
  if (choices.height) await page.fill('#height', String(choices.height));
  // The boxes follow the form (numbers after a pause in typing): read them once they stop changing.
  const read = async () => ({
    snippet: await page.locator('#snippet').inputValue(),
    csp: await page.locator('#csp').inputValue(),
  });
  let last = await read();
  for (;;) {
    await page.waitForTimeout(500);
    const now = await read();
    if (now.snippet === last.snippet && now.csp === last.csp && now.csp !== '') return now;
    last = now;
  }
}

/** The policy a strict partner page would have, opened up by exactly the configurator's lines. */
export function strictPolicy(csp: string): string {
  return `default-src 'none'; ${csp.split('\n').join(' ')}`;
}

const TEXT =
  'Op donderdag eten in het hele land mensen samen die elkaar anders zelden ontmoeten: nieuwkomers, ouderen, ' +
  'werkgevers en buren. Kijk op de kaart waar er een tafel bij jou in de buurt is en meld je aan.';

/** A plain news page: a heading, the snippet as pasted, and paragraphs of text below it. */
export function partnerPage(snippet: string, lang = 'nl'): string {
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="description" content="Nieuws uit de gemeente: samen aan tafel."><title>Nieuws uit de gemeente</title></head>` +
    `<body><main><h1>Samen aan tafel</h1>\n${snippet}\n${`<p>${TEXT}</p>`.repeat(4)}</main></body></html>`
  );
}

export interface PartnerServer {
  /** e.g. http://127.0.0.1:41235 — another origin than the API's. */
  origin: string;
  /** Serve `html` at `path` with these response headers. */
  serve(path: string, html: string, headers?: Record<string, string>): string;
  close(): Promise<void>;
}

export async function startPartnerServer(): Promise<PartnerServer> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const server: Server = createServer((request, response) => {
    const page = pages.get(request.url ?? '');
    response
      .writeHead(page ? 200 : 404, {
        'content-type': 'text/html; charset=utf-8',
        ...(page?.headers ?? {}),
      })
      .end(page?.html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    serve(path, html, headers = {}) {
      pages.set(path, { html, headers });
      return `${origin}${path}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
