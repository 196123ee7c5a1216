/** The join tests' world: apps over real HTTP (with a fake SMTP server, or logging), their logs and mail. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { rowsOf } from '../src/locations/stats.ts';
import { createApp } from '../src/yoga.ts';
import type { TestDb } from './support.ts';

export interface Served {
  url: string;
  server: Server;
}

export const logLines: string[] = [];
export const mails: { to: string[]; raw: string }[] = [];

export async function serve(t: TestDb, publicApi: Record<string, unknown> = {}): Promise<Served> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );
  const yoga = createApp({
    database: t.database,
    logger,
    publicApi: { rateLimitStore: 'memory', responseCache: true, publicUrl: url, ...publicApi },
  });
  server.on('request', yoga);
  return { url, server };
}

export function close(served: Served): Promise<void> {
  served.server.closeAllConnections();
  return new Promise((resolve) => served.server.close(() => resolve()));
}

/** A fake mail server that keeps every message it receives. */
export async function startSmtp(): Promise<{ url: string; close(): Promise<void> }> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** A received message's text, quoted-printable undone. */
export function plain(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export async function waitForMail(count: number): Promise<void> {
  for (let i = 0; i < 100 && mails.length < count; i++) await new Promise((r) => setTimeout(r, 50));
}

export async function gql(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    response,
    body: (await response.json()) as {
      data?: any;
      errors?: { message: string; extensions?: any }[];
    },
  };
}

/** Everything joining and deciding could change. */
export async function joinTables(t: TestDb): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const table of ['applications', 'organisations', 'people', 'person_links', 'sessions'])
    out[table] = rowsOf(await t.database.db.execute(sql.raw(`SELECT * FROM ${table} ORDER BY 1`)));
  return JSON.parse(JSON.stringify(out));
}
