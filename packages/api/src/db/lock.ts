/**
 * A PGlite folder belongs to one process at a time (PGlite is PostgreSQL in this process, with
 * no server to share it). Whoever opens it leaves its pid there; a second process is told who
 * holds it instead of corrupting it.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The PGlite folder ${dataDir} is in use by process ${pid} (probably \`pnpm start\`). ` +
        'PGlite serves one process at a time: stop the server first, or do this through the running API ' +
        '(GraphiQL with a staff key), or run Tafel on PostgreSQL (DATABASE_URL), where any number of processes share the database.',
    );
  }
}

/** Claim the folder for this process; returns the release function. */
export function claimDataDir(dataDir: string): () => void {
  if (dataDir.startsWith('memory://')) return () => {};
  const file = join(dataDir, 'tafel.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && alive(pid)) throw new DataDirBusyError(dataDir, pid);
  }
  writeFileSync(file, String(process.pid), { mode: 0o600 });
  const release = () => {
    try {
      if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(process.pid))
        rmSync(file);
    } catch {
      // The folder may be gone already.
    }
  };
  process.once('exit', release);
  return release;
}

/** How the command line reaches a server that holds the folder: its port and a secret token. */
export interface AdminFile {
  port: number;
  token: string;
}

const ADMIN_FILE = 'admin.json';

/** Leave the port and token in the folder, readable by this user only. */
export function writeAdminFile(dataDir: string, admin: AdminFile): () => void {
  const file = join(dataDir, ADMIN_FILE);
  writeFileSync(file, JSON.stringify(admin), { mode: 0o600 });
  const remove = () => {
    try {
      rmSync(file, { force: true });
    } catch {
      // gone already
    }
  };
  process.once('exit', remove);
  return remove;
}

export function readAdminFile(dataDir: string): AdminFile | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, ADMIN_FILE), 'utf8')) as AdminFile;
  } catch {
    return null;
  }
}
