/**
 * The limits and policies of the public API, from the environment. Every number here is
 * documented in the README; `createApp` takes a partial override (tests lower the limits).
 */

import { readFileSync } from 'node:fs';
import { DEFAULT_MIXING_MIN_GROUP } from '../locations/mixing.ts';

export interface RateLimitConfig {
  /** Requests per window from one client IP without an API key. */
  anonymous: number;
  /** Requests per window with one API key. */
  key: number;
  /** The window, in seconds. */
  windowSeconds: number;
}

export interface PublicApiConfig {
  /** Per-client rate limits; false turns them off (benchmarks). */
  rateLimit: RateLimitConfig | false;
  /**
   * Where the rate limits are counted. `shared`: where every API process sees the same counts —
   * Redis when `redisUrl` is set, else PostgreSQL (in memory on PGlite, which serves one
   * process). `memory`: each process on its own.
   */
  rateLimitStore: 'shared' | 'memory';
  /** redis://… for the shared rate-limit counts; unset: PostgreSQL keeps them. */
  redisUrl: string | undefined;
  /**
   * Take the client IP from X-Forwarded-For, trusting this many proxies in front of the API
   * (1: the address the nearest proxy saw). 0: the socket's address only.
   */
  trustProxy: number;
  /** Largest request body in bytes, without and with an API key. */
  bodyLimit: { anonymous: number; key: number };
  /** Serve identical anonymous queries from memory (invalidated by every write). */
  responseCache: boolean;
  /**
   * The most seconds an answer is kept in memory: the bound for changes nobody announced (a
   * statement run by hand on tables without a trigger). Applies to the open-data feeds too.
   */
  responseCacheTtlSeconds: number;
  /** The most bytes the kept answers and feeds take together; the least recently used go first. */
  responseCacheMaxBytes: number;
  /**
   * How many milliseconds a kept answer that includes live counts may be served after a count it
   * shows changed, while one request computes it afresh; 0 recomputes at once. Answers without
   * counts, and any venue change, never wait on this.
   */
  countsStaleMs: number;
  /**
   * Where the public reaches this API, e.g. `https://tafel.example.org`: the base of every absolute
   * URL the API writes (the iCalendar feed's SOURCE). Never taken from a request's Host header, which
   * the client chooses and a cached answer would pass on to everyone.
   */
  publicUrl: string;
  /** Seconds a browser or CDN may reuse an anonymous GET answer (then revalidate with its ETag). */
  maxAgeSeconds: number;
  /** The licence stated on the open data. */
  licence: { name: string; url: string };
  /**
   * Other servers' GraphQL endpoints that the /embed page may show (`?endpoint=`), as absolute
   * http(s) URLs. This server's own /graphql is always allowed; no other is unless listed.
   */
  embedEndpoints: string[];
  /** Subscription streams (SSE) open at once: per client IP without a key, per API key, in this process. */
  streams: StreamCapsConfig;
  /** People's sessions: idle and absolute expiry. */
  sessions: { idleMs: number; maxMs: number };
  /** smtp(s)://… to e-mail people their links (`TAFEL_SMTP_URL`); unset: the links go to the server log. */
  smtpUrl: string | undefined;
  /** The From of those messages (`TAFEL_MAIL_FROM`). */
  mailFrom: string | undefined;
  /** A Nominatim-style geocoder's base URL (`TAFEL_GEOCODER_URL`); unset: the shipped GeoNames places. */
  geocoderUrl: string | undefined;
  /** A PDOK Locatieserver's base URL for the Netherlands (`TAFEL_GEOCODER_NL_URL`); unset: as elsewhere. */
  geocoderNlUrl: string | undefined;
  /**
   * The least group size of the measure of mixing (`TAFEL_MIXING_MIN_GROUP`, default 5): smaller
   * groups' figures are suppressed. An edition may set its own.
   */
  mixingMinGroup: number;
  /** Sign-in link requests per window: per client IP and per e-mail address. */
  signInLinkLimit: { perIp: number; perAddress: number; windowSeconds: number };
  /**
   * The join form: applications per client IP per window (`TAFEL_JOIN_LIMIT_IP`), and the least
   * time between opening the form and sending it.
   */
  joinForm: { perIp: number; windowSeconds: number; minFillMs: number };
}

export interface StreamCapsConfig {
  perIp: number;
  perKey: number;
  /** Every stream of this process: what its file descriptors allow beside a reserve, unless set lower. */
  perProcess: number;
}

/**
 * A household or an office behind one address, each browser holding up to six streams (the
 * HTTP/1.1 limit per site), stays well inside; one machine cannot take a process's streams alone.
 */
const DEFAULT_STREAMS_PER_IP = 50;
/** A partner's server relaying streams for its own visitors, with room to spare; not the whole process. */
const DEFAULT_STREAMS_PER_KEY = 200;
/** When the file-descriptor limit cannot be read (not Linux). */
const DEFAULT_STREAMS_PER_PROCESS = 1000;

/** The soft limit on open files of this process (Node raises it to the hard limit at start), or null. */
export function fileDescriptorLimit(limits = '/proc/self/limits'): number | null {
  try {
    const line = readFileSync(limits, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line ? Number(line.split(/\s{2,}/)[1]) : NaN;
    return Number.isInteger(soft) && soft > 0 ? soft : null;
  } catch {
    return null;
  }
}

/**
 * Streams this process may hold: its file-descriptor limit less a reserve — a quarter of it, at
 * least 100 — for what must always get through: /ready, writes, the database pools, the LISTEN
 * connection, files. (At 400 descriptors: 300 streams; a process with none open uses ~40.) A
 * configured cap may lower that, never lift it; it stands alone where the limit is unknown.
 */
export function streamsPerProcess(
  fdLimit: number | null,
  configured: number | null = null,
): number {
  if (fdLimit === null) return configured ?? DEFAULT_STREAMS_PER_PROCESS;
  const allowed = Math.max(0, fdLimit - Math.max(100, Math.floor(fdLimit / 4)));
  return configured === null ? allowed : Math.min(allowed, configured);
}

const DEFAULT_RATE_LIMIT: RateLimitConfig = { anonymous: 600, key: 6000, windowSeconds: 60 };

export const DEFAULTS: PublicApiConfig = {
  rateLimit: DEFAULT_RATE_LIMIT,
  rateLimitStore: 'shared',
  redisUrl: undefined,
  trustProxy: 0,
  bodyLimit: { anonymous: 32 * 1024, key: 10 * 1024 * 1024 },
  responseCache: true,
  responseCacheTtlSeconds: 60,
  responseCacheMaxBytes: 64 * 1024 * 1024,
  countsStaleMs: 1000,
  publicUrl: 'http://localhost:4000',
  maxAgeSeconds: 10,
  licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  embedEndpoints: [],
  streams: {
    perIp: DEFAULT_STREAMS_PER_IP,
    perKey: DEFAULT_STREAMS_PER_KEY,
    perProcess: streamsPerProcess(fileDescriptorLimit()),
  },
  sessions: { idleMs: 7 * 24 * 3600_000, maxMs: 30 * 24 * 3600_000 },
  smtpUrl: undefined,
  mailFrom: undefined,
  geocoderUrl: undefined,
  geocoderNlUrl: undefined,
  mixingMinGroup: DEFAULT_MIXING_MIN_GROUP,
  signInLinkLimit: { perIp: 20, perAddress: 5, windowSeconds: 3600 },
  joinForm: { perIp: 10, windowSeconds: 3600, minFillMs: 3000 },
};

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw == null || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number ≥ 0 (got "${raw}").`);
  return value;
}

/** `10mb`, `32kb`, `4096`: a size in bytes. */
function bytes(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  const match = /^(\d+)\s*(b|kb|mb)?$/.exec(raw);
  if (!match) throw new Error(`${name} must be a size like 32kb or 10mb (got "${env[name]}").`);
  return Number(match[1]) * (match[2] === 'mb' ? 1024 * 1024 : match[2] === 'kb' ? 1024 : 1);
}

function trustProxy(raw: string | undefined): number {
  if (raw == null || raw === '' || raw === 'false' || raw === '0') return 0;
  if (raw === 'true') return 1;
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0)
    throw new Error(`TAFEL_TRUST_PROXY must be true, false or a number of proxies (got "${raw}").`);
  return hops;
}

function rateLimitStore(raw: string | undefined): PublicApiConfig['rateLimitStore'] {
  if (raw == null || raw === '' || raw === 'shared') return 'shared';
  if (raw === 'memory') return 'memory';
  throw new Error(`TAFEL_RATE_LIMIT_STORE must be shared or memory (got "${raw}").`);
}

function redisUrl(raw: string | undefined): string | undefined {
  const url = raw?.trim();
  if (!url) return undefined;
  if (!/^rediss?:\/\//.test(url))
    throw new Error(
      `TAFEL_REDIS_URL must be a redis:// or rediss:// URL like redis://127.0.0.1:6379 (got "${url}").`,
    );
  return url;
}

function geocoderUrl(raw: string | undefined, name: string, like: string): string | undefined {
  const url = raw?.trim().replace(/\/+$/, '');
  if (!url) return undefined;
  if (!/^https?:\/\/[^/?#]+(\/[^?#]*)?$/.test(url))
    throw new Error(`${name} must be the http(s) base of ${like} (got "${url.slice(0, 80)}").`);
  return url;
}

function smtpUrl(raw: string | undefined): string | undefined {
  const url = raw?.trim();
  if (!url) return undefined;
  if (!/^smtps?:\/\//.test(url))
    throw new Error(
      'TAFEL_SMTP_URL must be an smtp:// or smtps:// URL like smtps://user:password@mail.example.org:465.',
    );
  return url;
}

/** An http(s) origin with an optional path, without a trailing slash; unset: this machine on PORT. */
export function publicUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env['TAFEL_PUBLIC_URL']?.trim();
  if (!raw) return `http://localhost:${env['PORT']?.trim() || 4000}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `TAFEL_PUBLIC_URL must be an http or https URL like https://tafel.example.org (got "${raw}").`,
    );
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.search ||
    url.hash ||
    url.username ||
    url.password
  ) {
    throw new Error(
      `TAFEL_PUBLIC_URL must be an http or https URL without query, fragment or credentials (got "${raw}").`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `https://a.example/graphql, https://b.example/graphql`: absolute http(s) URLs, normalised. */
export function embedEndpointsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env['TAFEL_EMBED_ENDPOINTS']?.trim();
  if (!raw) return [];
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const url = URL.canParse(item) ? new URL(item) : null;
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
        throw new Error(
          `TAFEL_EMBED_ENDPOINTS must be absolute http(s) URLs separated by commas (got "${item}").`,
        );
      }
      return url.href;
    });
}

export function publicApiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PublicApiConfig {
  const off = env['TAFEL_RATE_LIMIT'] === 'off';
  return {
    rateLimit: off
      ? false
      : {
          anonymous: int(env, 'TAFEL_RATE_LIMIT_ANON', DEFAULT_RATE_LIMIT.anonymous),
          key: int(env, 'TAFEL_RATE_LIMIT_KEY', DEFAULT_RATE_LIMIT.key),
          windowSeconds: Math.max(
            1,
            int(env, 'TAFEL_RATE_LIMIT_WINDOW', DEFAULT_RATE_LIMIT.windowSeconds),
          ),
        },
    rateLimitStore: rateLimitStore(env['TAFEL_RATE_LIMIT_STORE']),
    redisUrl: redisUrl(env['TAFEL_REDIS_URL']),
    trustProxy: trustProxy(env['TAFEL_TRUST_PROXY']),
    bodyLimit: {
      anonymous: bytes(env, 'TAFEL_BODY_LIMIT_ANON', DEFAULTS.bodyLimit.anonymous),
      key: bytes(env, 'TAFEL_BODY_LIMIT_KEY', DEFAULTS.bodyLimit.key),
    },
    responseCache: env['TAFEL_RESPONSE_CACHE'] !== 'off',
    responseCacheTtlSeconds: Math.max(
      1,
      int(env, 'TAFEL_RESPONSE_CACHE_TTL', DEFAULTS.responseCacheTtlSeconds),
    ),
    responseCacheMaxBytes: bytes(
      env,
      'TAFEL_RESPONSE_CACHE_MAX_BYTES',
      DEFAULTS.responseCacheMaxBytes,
    ),
    countsStaleMs: int(env, 'TAFEL_COUNTS_STALE_MS', DEFAULTS.countsStaleMs),
    publicUrl: publicUrl(env),
    maxAgeSeconds: int(env, 'TAFEL_CACHE_MAX_AGE', DEFAULTS.maxAgeSeconds),
    licence: {
      name: env['TAFEL_DATA_LICENCE'] || DEFAULTS.licence.name,
      url: env['TAFEL_DATA_LICENCE_URL'] || (env['TAFEL_DATA_LICENCE'] ? '' : DEFAULTS.licence.url),
    },
    embedEndpoints: embedEndpointsFromEnv(env),
    streams: {
      perIp: int(env, 'TAFEL_MAX_SUBSCRIBERS_PER_IP', DEFAULT_STREAMS_PER_IP),
      perKey: int(env, 'TAFEL_MAX_SUBSCRIBERS_PER_KEY', DEFAULT_STREAMS_PER_KEY),
      perProcess: streamsPerProcess(
        fileDescriptorLimit(),
        env['TAFEL_MAX_SUBSCRIBERS']?.trim() ? int(env, 'TAFEL_MAX_SUBSCRIBERS', 0) : null,
      ),
    },
    sessions: {
      idleMs:
        Math.max(1, int(env, 'TAFEL_SESSION_IDLE_HOURS', DEFAULTS.sessions.idleMs / 3600_000)) *
        3600_000,
      maxMs:
        Math.max(1, int(env, 'TAFEL_SESSION_MAX_DAYS', DEFAULTS.sessions.maxMs / 86400_000)) *
        86400_000,
    },
    smtpUrl: smtpUrl(env['TAFEL_SMTP_URL']),
    mailFrom: env['TAFEL_MAIL_FROM']?.trim() || undefined,
    geocoderUrl: geocoderUrl(
      env['TAFEL_GEOCODER_URL'],
      'TAFEL_GEOCODER_URL',
      'a Nominatim-style geocoder like https://nominatim.example.org',
    ),
    geocoderNlUrl: geocoderUrl(
      env['TAFEL_GEOCODER_NL_URL'],
      'TAFEL_GEOCODER_NL_URL',
      'a PDOK Locatieserver like https://api.pdok.nl/bzk/locatieserver/search/v3_1',
    ),
    mixingMinGroup: Math.max(1, int(env, 'TAFEL_MIXING_MIN_GROUP', DEFAULTS.mixingMinGroup)),
    signInLinkLimit: {
      perIp: int(env, 'TAFEL_SIGN_IN_LIMIT_IP', DEFAULTS.signInLinkLimit.perIp),
      perAddress: int(env, 'TAFEL_SIGN_IN_LIMIT_ADDRESS', DEFAULTS.signInLinkLimit.perAddress),
      windowSeconds: DEFAULTS.signInLinkLimit.windowSeconds,
    },
    joinForm: {
      ...DEFAULTS.joinForm,
      perIp: int(env, 'TAFEL_JOIN_LIMIT_IP', DEFAULTS.joinForm.perIp),
    },
  };
}
