import { defineConfig } from 'vite';
import { besideEmbed } from './scripts/vite-shared.ts';

/**
 * The embed configurator's script, `dist/configure.js`, built after the embed (vite.config.ts)
 * into the same folder: its page and stylesheet are in `demo/` and copied by that build. A
 * second build, because the embed must stay one file in two formats and this is another entry.
 */
export default defineConfig(
  besideEmbed({ entry: 'configure/configure.ts', formats: ['es'], fileName: () => 'configure.js' }),
);
