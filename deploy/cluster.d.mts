// Types of deploy/cluster.mjs, for the tests that start a cluster with it.
import type { ChildProcess } from 'node:child_process';

export interface ServerLine {
  name: string;
  host?: string;
  port: number;
}

export interface HaproxyConfigOptions {
  servers: ServerLine[];
  bind?: string;
  statsSocket?: string;
  log?: string;
  maxconn?: number;
  checkInterval?: string;
  fastInterval?: string;
}

export function renderHaproxyConfig(options: HaproxyConfigOptions): string;
export function haproxyBinary(): string;
export function freePort(): Promise<number>;
/** HAProxy's `show stat`: one row per frontend, backend and server, keyed by the CSV's column names. */
export function haproxyStats(statsSocket: string): Promise<Record<string, string>[]>;

export interface Group {
  child: ChildProcess;
  exited: Promise<void>;
  output(): string;
  /** Send a signal to the whole process group. */
  kill(signal: NodeJS.Signals): void;
  stop(timeoutMs?: number): Promise<void>;
}

export interface ClusterProcess extends Group {
  name: string;
  port: number;
  url: string;
}

export interface Cluster {
  url: string;
  dir: string;
  config: string;
  statsSocket: string;
  processes: ClusterProcess[];
  haproxy: Group;
  stats(): Promise<Record<string, string>[]>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  databaseUrl: string | undefined;
  processes?: number;
  bind?: string;
  basePort?: number;
  dev?: boolean;
  dir?: string;
  env?: Record<string, string>;
  log?: string;
  checkInterval?: string;
  fastInterval?: string;
  echo?: (name: string, chunk: Buffer | string) => void;
  /** Aborting it stops a start under way, and what it had started. */
  signal?: AbortSignal;
}

export function startCluster(options: ClusterOptions): Promise<Cluster>;
