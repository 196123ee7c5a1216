/**
 * A QR code drawn as SVG from the matrix of `uqr` (no markup strings): one path of dark modules
 * with a quiet zone of four, labelled for screen readers, crisp in print at any size.
 */
import { html } from 'lit';
import { encode } from 'uqr';

/** The path of the dark modules of a QR code for `text`, and its size in modules (with margin). */
export function qrPath(text: string): { d: string; size: number } {
  const { data } = encode(text, { ecc: 'M', border: 4 });
  const parts: string[] = [];
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    });
  });
  return { d: parts.join(''), size: data.length };
}

export function qrCode(text: string, label: string) {
  const { d, size } = qrPath(text);
  return html`<svg class="qr" role="img" aria-label=${label} viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg"><rect width=${size} height=${size} fill="#fff"></rect><path d=${d} fill="#000"></path></svg>`;
}
