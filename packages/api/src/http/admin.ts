/**
 * On PGlite the server owns the data folder, so `pnpm tafel …` hands its command to the server:
 * POST /admin/command from loopback with the token the server left in the folder (mode 0600).
 * Nothing else can reach it: no token, no route.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

export function newAdminToken(): string {
  return randomBytes(32).toString('base64url');
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export interface CommandIo {
  log(line: string): void;
  error(line: string): void;
}

/**
 * Runs one command line on the server's database (the app hands in cli.ts's runner): its exit
 * code, or it throws; `usage` says whether a thrown error is the caller's mistake (exit 64). The
 * runner announces what the command changed through the server's live hub, which is what keeps
 * the caches right for whoever sent it.
 */
export interface CommandRunner {
  run(argv: string[], io: CommandIo): Promise<number>;
  usage(error: unknown): boolean;
}

export function adminPlugin(token: string, commands: CommandRunner): Plugin {
  return {
    async onRequest({ request, url, endResponse, serverContext }) {
      if (url.pathname !== '/admin/command') return;
      const remote =
        (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req
          ?.socket?.remoteAddress ?? '';
      const given = request.headers.get('x-tafel-admin-token') ?? '';
      if (request.method !== 'POST' || !LOOPBACK.has(remote) || !sameToken(given, token)) {
        endResponse(new Response('Not found', { status: 404 }));
        return;
      }
      const { argv } = (await request.json()) as { argv: string[] };
      const out: { stream: 'log' | 'error'; line: string }[] = [];
      const io = {
        log: (line: string) => out.push({ stream: 'log', line }),
        error: (line: string) => out.push({ stream: 'error', line }),
      };
      let code: number;
      try {
        code = await commands.run(argv, io);
      } catch (error) {
        io.error(error instanceof Error ? error.message : String(error));
        code = commands.usage(error) ? 64 : 1;
      }
      endResponse(Response.json({ code, out }));
    },
  };
}
