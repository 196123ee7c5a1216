/**
 * Before the browser tests: build the widget (the tests load the built files, as partners do),
 * start the real API as a child process on a fresh PGlite folder (it loads the demo edition),
 * and make a staff key with the API's command line for the tests that write. After: stop it.
 */
import type { TestProject } from 'vitest/node';
import { startApi } from '../scripts/api-server.ts';
import { buildWidget } from '../scripts/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The API's origin, e.g. http://127.0.0.1:41234 */
    api: string;
    /** A staff API key, or null with the reason in keyError. */
    staffKey: string | null;
    keyError: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The same build as `pnpm build`: the tests load what partners load.
  await buildWidget();
  const api = await startApi({ staffKey: true });
  project.provide('api', api.url);
  project.provide('staffKey', api.staffKey);
  project.provide('keyError', api.keyError);
  return () => api.stop();
}
