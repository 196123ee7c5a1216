import { defineConfig } from 'vite';
import { besideEmbed } from './scripts/vite-shared.ts';

/**
 * `<tafel-programme>`'s own files, `dist/tafel-programme.js` (ES module) and
 * `dist/tafel-programme.iife.js` (classic script), built after the embed beside it, as the chart.
 */
export default defineConfig(
  besideEmbed(
    {
      entry: 'src/programme.ts',
      name: 'TafelProgramme',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'tafel-programme.js' : 'tafel-programme.iife.js'),
    },
    true,
  ),
);
