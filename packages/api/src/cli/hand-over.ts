/** The admin hand-over: a command for a PGlite folder the server holds is sent to the server. */

import { userInfo } from 'node:os';
import { type DataDirBusyError, readAdminFile } from '../db/lock.ts';
import type { CliIo } from './common.ts';
import { INLINE, readCsvFile, refuseImport } from './import.ts';

/**
 * The server runs on this PGlite folder: send the command to it over loopback, with the token it
 * left in the folder (readable only by the user who runs it), and print what it answers.
 */
export async function sendToServer(
  dataDir: string,
  argv: string[],
  io: CliIo,
  busy: DataDirBusyError,
): Promise<number> {
  const admin = readAdminFile(dataDir);
  if (!admin) throw busy;
  const args = [...argv];
  if (args[0] === 'import' && args[1] && !args[1].startsWith('-')) {
    const source = readCsvFile(args[1]);
    if ('problem' in source) return refuseImport(io, args[1], [source.problem]);
    args.push('--file', args[1]);
    args[1] = `${INLINE}${source.text}`;
  }
  const response = await fetch(`http://127.0.0.1:${admin.port}/admin/command`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tafel-admin-token': admin.token },
    body: JSON.stringify({ argv: args, user: userInfo().username }),
  });
  if (!response.ok)
    throw new Error(
      `The running server refused the command (${response.status}): ${await response.text()}`,
    );
  const result = (await response.json()) as {
    code: number;
    out: { stream: 'log' | 'error'; line: string }[];
  };
  for (const { stream, line } of result.out) io[stream](line);
  return result.code;
}
