import { defineConfig } from 'vite';

/**
 * `<tafel-chart>`'s own files, `dist/tafel-chart.js` (ES module) and `dist/tafel-chart.iife.js`
 * (classic script), built after the embed (vite.config.ts) into the same folder: a page loads
 * the chart library only where it shows a chart, and `tafel.js` stays the map's and counter's.
 */
export default defineConfig({
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    minify: 'oxc',
    rolldownOptions: {
      output: { minify: true },
      // In the classic script `import.meta` is empty on purpose: lib/graphql.ts reads currentScript.
      onLog: (level, log, handler) =>
        log.code === 'EMPTY_IMPORT_META' ? undefined : handler(level, log),
    },
    sourcemap: false,
    reportCompressedSize: true,
    lib: {
      entry: 'src/chart.ts',
      name: 'TafelChart',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'tafel-chart.js' : 'tafel-chart.iife.js'),
    },
  },
});
