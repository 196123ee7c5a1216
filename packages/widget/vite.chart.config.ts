import { defineConfig } from 'vite';
import { besideEmbed } from './scripts/vite-shared.ts';

/**
 * `<tafel-chart>`'s own files, `dist/tafel-chart.js` (ES module) and `dist/tafel-chart.iife.js`
 * (classic script), built after the embed (vite.config.ts) into the same folder: a page loads
 * the chart library only where it shows a chart, and `tafel.js` stays the map's and counter's.
 */
export default defineConfig(
  besideEmbed(
    {
      entry: 'src/chart.ts',
      name: 'TafelChart',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'tafel-chart.js' : 'tafel-chart.iife.js'),
    },
    true,
  ),
);
