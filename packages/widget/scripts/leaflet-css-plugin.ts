/**
 * Leaflet's CSS points at marker, shadow and layer-switcher images that the widget never uses
 * (its markers are DOM, it has no layer switcher). Inlined, they would cost 3.5 KB gzip of the
 * partner's page weight: drop those rules' images before Vite inlines them.
 */
import type { Plugin } from 'vite';

export function leafletCssWithoutImages(): Plugin {
  return {
    name: 'tafel-leaflet-css-without-images',
    enforce: 'pre',
    transform(code, id) {
      if (!/leaflet\/dist\/leaflet\.css/.test(id)) return undefined;
      return { code: code.replace(/url\((['"]?)images\/[^)]+\1\)/g, 'none'), map: null };
    },
  };
}
