/**
 * Before the pages' browser tests: build the widget and the pages (the tests load what people
 * load), start the real API as a child process on a fresh PGlite folder with the demo edition,
 * and, before it takes the folder, invite the first admin with the API's command line — the
 * link it prints is how the tests sign in, as the README says an operator starts. After: stop it.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { startApi } from '../../widget/scripts/api-server.ts';
import { buildWidget } from '../../widget/scripts/build.ts';
import { startGeocoder } from './fake-geocoder.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The API's origin, e.g. http://127.0.0.1:41234 */
    api: string;
    /** A staff API key (for setting up what a test needs through the API), or null. */
    staffKey: string | null;
    /** Why there is no staff key, when there is none. */
    keyError: string;
    /** The API's PGlite folder, for the command line (`cli` in support.ts). */
    apiDataDir: string;
    /** The first admin's invitation link, printed by `tafel people invite --staff --role admin`. */
    adminLink: string;
  }
}

export const ADMIN_EMAIL = 'first.admin@tafel.test';
export const ADMIN_NAME = 'Ada Admin';

const web = fileURLToPath(new URL('..', import.meta.url));

export async function buildPages(): Promise<void> {
  // vitest sets NODE_ENV=test; build what production serves.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ root: web, configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildWidget();
  await buildPages();
  const geocoder = await startGeocoder();
  const api = await startApi({
    staffKey: true,
    env: { TAFEL_GEOCODER_URL: geocoder.url },
    commands: {
      admin: [
        'people',
        'invite',
        '--staff',
        '--role',
        'admin',
        '--email',
        ADMIN_EMAIL,
        '--name',
        ADMIN_NAME,
      ],
    },
  });
  project.provide('api', api.url);
  project.provide('staffKey', api.staffKey);
  project.provide('keyError', api.keyError);
  project.provide('apiDataDir', api.dataDir);
  project.provide('adminLink', api.printed['admin'] ?? '');
  return async () => {
    await api.stop();
    await geocoder.stop();
  };
}
