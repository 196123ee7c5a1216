import { defineConfig } from 'vite';
import { besideEmbed } from './scripts/vite-shared.ts';

/**
 * `<tafel-stories>`'s own files, `dist/tafel-stories.js` (ES module) and
 * `dist/tafel-stories.iife.js` (classic script), built after the embed (vite.config.ts) into the
 * same folder: `tafel.js` stays the map's and counter's.
 */
export default defineConfig(
  besideEmbed(
    {
      entry: 'src/stories.ts',
      name: 'TafelStories',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'tafel-stories.js' : 'tafel-stories.iife.js'),
    },
    true,
  ),
);
