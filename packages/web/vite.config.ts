import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { leafletTrim } from '../widget/scripts/leaflet-trim-plugin.ts';

/**
 * One page per audience, built into `dist/` and served by the API: `/manage` (the portal and
 * the staff console), `/join`, `/host/<token>`, `/live/<edition>`. Assets carry a content hash and live under
 * `/web/`; the pages themselves are served without caching.
 */
const page = (name: string) => resolve(import.meta.dirname, `${name}.html`);

export default defineConfig({
  base: '/web/',
  // Leaflet without what the portal's maps never run (VML, the default icon's image).
  plugins: [leafletTrim({ dragging: true })],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
    // scripts/size.ts follows each page's imports through it.
    manifest: true,
    rolldownOptions: {
      input: {
        manage: page('manage'),
        join: page('join'),
        host: page('host'),
        live: page('live'),
      },
    },
  },
});
