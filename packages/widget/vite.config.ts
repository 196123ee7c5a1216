import { defineConfig } from 'vite';
import { leafletCssWithoutImages } from './scripts/leaflet-css-plugin.ts';
import { outline } from './scripts/outline-plugin.ts';
import { provinces } from './scripts/provinces-plugin.ts';

/**
 * One file to embed: `dist/tafel.js` (ES module) and `dist/tafel.iife.js` (classic script) each
 * register both elements. `demo/` holds the static demo and iframe pages, copied as they are.
 */
export default defineConfig({
  publicDir: 'demo',
  plugins: [outline(), provinces(), leafletCssWithoutImages()],
  worker: { format: 'iife' },
  build: {
    target: 'es2022',
    // Library mode leaves ES output unminified by default: minify both outputs fully.
    minify: 'oxc',
    rolldownOptions: {
      output: { minify: true },
      // In the classic script `import.meta` is empty on purpose: lib/graphql.ts reads currentScript.
      onLog: (level, log, handler) =>
        log.code === 'EMPTY_IMPORT_META' ? undefined : handler(level, log),
    },
    cssMinify: true,
    sourcemap: false,
    reportCompressedSize: true,
    lib: {
      entry: 'src/index.ts',
      name: 'Tafel',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'tafel.js' : 'tafel.iife.js'),
    },
  },
});
