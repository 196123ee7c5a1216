import { defineConfig } from 'vite';
import { leafletCssWithoutImages } from './scripts/leaflet-css-plugin.ts';
import { leafletTrim } from './scripts/leaflet-trim-plugin.ts';
import { litCss } from './scripts/lit-css-plugin.ts';
import { outline } from './scripts/outline-plugin.ts';
import { provinces } from './scripts/provinces-plugin.ts';
import { minified, rolldownOptions } from './scripts/vite-shared.ts';

/**
 * One file to embed: `dist/tafel.js` (ES module) and `dist/tafel.iife.js` (classic script) each
 * register both elements. `demo/` holds the static demo and iframe pages, copied as they are.
 */
export default defineConfig({
  publicDir: 'demo',
  plugins: [outline(), provinces(), leafletCssWithoutImages(), leafletTrim(), litCss()],
  worker: { format: 'iife' },
  build: {
    ...minified,
    rolldownOptions,
    cssMinify: true,
    reportCompressedSize: true,
    lib: {
      entry: 'src/index.ts',
      name: 'Tafel',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'tafel.js' : 'tafel.iife.js'),
    },
  },
});
