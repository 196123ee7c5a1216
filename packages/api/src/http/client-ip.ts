/**
 * Who is on the other end: the socket's address, or — only when the API is told it sits behind
 * proxies (TAFEL_TRUST_PROXY) — the address those proxies saw, from X-Forwarded-For. A header a
 * client sets itself is never trusted beyond the proxies we run.
 */
import { isIPv6 } from 'node:net';

interface NodeServerContext {
  req?: { socket?: { remoteAddress?: string } };
}

/** The client's address, or null for an in-process call (tests, a fetch handler without a socket). */
export function clientIp(
  request: Request,
  serverContext: unknown,
  trustedProxies: number,
): string | null {
  const socket = (serverContext as NodeServerContext | undefined)?.req?.socket?.remoteAddress;
  if (!socket) return null;
  let address = socket;
  if (trustedProxies > 0) {
    const forwarded = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    // Each proxy appends the address it saw: the last `trustedProxies` hops are ours.
    const chain = [...forwarded, socket];
    address = chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
  }
  return normalise(address);
}

/** IPv4-mapped IPv6 as IPv4; other IPv6 addresses by their /64, which one subscriber holds whole. */
export function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
