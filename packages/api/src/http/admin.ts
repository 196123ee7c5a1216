/**
 * On PGlite the server owns the data folder, so `pnpm tafel …` hands its command to the server:
 * POST /admin/command from loopback with the token the server left in the folder (mode 0600).
 * Nothing else can reach it: no token, no route.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/client.ts';

export function newAdminToken(): string {
  return randomBytes(32).toString('base64url');
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function adminPlugin(database: Database, token: string): Plugin {
  return {
    async onRequest({ request, url, endResponse, serverContext }) {
      if (url.pathname !== '/admin/command') return;
      const remote = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket?.remoteAddress ?? '';
      const given = request.headers.get('x-tafel-admin-token') ?? '';
      if (request.method !== 'POST' || !LOOPBACK.has(remote) || !sameToken(given, token)) {
        endResponse(new Response('Not found', { status: 404 }));
        return;
      }
      const { argv } = (await request.json()) as { argv: string[] };
      const out: { stream: 'log' | 'error'; line: string }[] = [];
      const io = { log: (line: string) => out.push({ stream: 'log', line }), error: (line: string) => out.push({ stream: 'error', line }) };
      const { runCommand, UsageError } = await import('../cli.ts');
      let code: number;
      try {
        code = await runCommand(database, argv, io);
      } catch (error) {
        io.error(error instanceof Error ? error.message : String(error));
        code = error instanceof UsageError ? 64 : 1;
      }
      endResponse(Response.json({ code, out }));
    },
  };
}
