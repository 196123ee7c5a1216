/**
 * The widget's own styles are Lit `css` templates, written to be read: indented, one declaration
 * a line, with comments. Vite's minifier leaves template literals as they are, so they reached
 * partners' pages as written (0.9 KB gzip of the 70 KB budget). This collapses them at build time:
 * comments out, whitespace runs to one space, none around `{ } ; ,` or after `:`. A template
 * with an interpolation (`${…}`) is left alone; no rule of ours puts text in `content`.
 */
import type { Plugin } from 'vite';

export function minifyLitCss(source: string): string {
  return source.replace(/\bcss`([^`$]*)`/g, (_, body: string) => {
    const compact = body
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .trim();
    return `css\`${compact}\``;
  });
}

export function litCss(): Plugin {
  return {
    name: 'tafel-lit-css',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/widget\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return undefined;
      return { code: minifyLitCss(code), map: null };
    },
  };
}
