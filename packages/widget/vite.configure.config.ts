import { defineConfig } from 'vite';

/**
 * The embed configurator's script, `dist/configure.js`, built after the embed (vite.config.ts)
 * into the same folder: its page and stylesheet are in `demo/` and copied by that build. A
 * second build, because the embed must stay one file in two formats and this is another entry.
 */
export default defineConfig({
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    minify: 'oxc',
    rolldownOptions: { output: { minify: true } },
    sourcemap: false,
    reportCompressedSize: false,
    lib: { entry: 'configure/configure.ts', formats: ['es'], fileName: () => 'configure.js' },
  },
});
