/**
 * What the widget's Vite builds share: ES2022, every output minified (library mode leaves ES
 * output unminified by default), no source maps; and the later builds that write beside the
 * embed into the same `dist/` (the chart, the configurator).
 */
import type { BuildOptions, LibraryOptions, UserConfig } from 'vite';
import { litCss } from './lit-css-plugin.ts';

export const rolldownOptions: BuildOptions['rolldownOptions'] = {
  output: { minify: true },
  // In a classic script `import.meta` is empty on purpose: lib/graphql.ts reads currentScript.
  onLog: (level, log, handler) =>
    log.code === 'EMPTY_IMPORT_META' ? undefined : handler(level, log),
};

export const minified = { target: 'es2022', minify: 'oxc', sourcemap: false } as const;

/** A build after the embed's, into the same folder, which it must not empty. */
export function besideEmbed(lib: LibraryOptions, reportCompressedSize = false): UserConfig {
  return {
    publicDir: false,
    plugins: [litCss()],
    build: {
      ...minified,
      outDir: 'dist',
      emptyOutDir: false,
      rolldownOptions,
      reportCompressedSize,
      lib,
    },
  };
}
