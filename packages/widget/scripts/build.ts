/**
 * The widget's production build from code, for the browser tests and the bench: the embed
 * (vite.config.ts, which empties dist/ and copies demo/) and then the configurator's script
 * (vite.configure.config.ts) — what `pnpm build` runs before the manifest.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { widget } from './api-server.ts';

export async function buildWidget(): Promise<void> {
  // vitest sets NODE_ENV=test, with which Vite would resolve the `development` export conditions
  // (Lit's dev build, 4 KB more) and the tests would not see what partners load.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    for (const config of [
      'vite.config.ts',
      'vite.chart.config.ts',
      'vite.programme.config.ts',
      'vite.stories.config.ts',
      'vite.configure.config.ts',
    ]) {
      await build({ root: widget, configFile: join(widget, config), logLevel: 'warn' });
    }
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
}
