/**
 * A chart of the page as a file: its numbers as CSV (read from the chart's data-table twin, so
 * the file says what the chart shows, snapshot or live), or its drawing as a PNG. Both carry the
 * source (the page's address), the licence and the "as of" time.
 */

export interface Credits {
  source: string;
  licence: string;
  asOf: string;
}

/** The chart's table twin as rows of text, header first. */
function tableRows(chart: Element): string[][] {
  const table = chart.shadowRoot?.querySelector('table');
  if (!table) return [];
  return [...table.querySelectorAll('tr')].map((tr) =>
    [...tr.children].map((cell) => (cell.textContent ?? '').trim()),
  );
}

/** A number as the table shows it in any language ("1.234", "1,234", "–"), as digits or empty. */
const digits = (text: string) => text.replace(/[^\d]/g, '');

const quoted = (value: string) =>
  // A cell starting like a formula is neutralised, as in the API's own files.
  /^[=+\-@\t\r]/.test(value) || /[",\n]/.test(value)
    ? `"${(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value).replace(/"/g, '""')}"`
    : value;

/** The chart's numbers as CSV: its rows, one column per edition, then source, licence, as of. */
export function chartCsv(chart: Element, credits: Credits): string {
  const [head, ...body] = tableRows(chart);
  if (!head) return '';
  const lines = [
    [...head, 'source', 'licence', 'asOf'],
    ...body.map(([label, ...values]) => [
      label ?? '',
      ...values.map(digits),
      credits.source,
      credits.licence,
      credits.asOf,
    ]),
  ];
  return `${lines.map((line) => line.map(quoted).join(',')).join('\r\n')}\r\n`;
}

/** The chart's drawing with its title and credits under it, as a PNG. */
export function chartPng(chart: Element, title: string, credits: Credits): Promise<Blob | null> {
  const drawn = chart.shadowRoot?.querySelector<HTMLCanvasElement>('canvas');
  const legend = tableRows(chart)[0]?.slice(1) ?? [];
  const scale = drawn ? drawn.width / Math.max(1, drawn.clientWidth || drawn.width) : 1;
  const width = Math.max(drawn?.width ?? 0, Math.round(640 * scale));
  const line = Math.round(18 * scale);
  const top = line * (legend.length > 1 ? 3 : 2);
  const height = top + (drawn?.height ?? 0) + line * 4;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#1d2731';
  ctx.font = `bold ${Math.round(15 * scale)}px system-ui, sans-serif`;
  ctx.fillText(title, line / 2, line * 1.2);
  ctx.font = `${Math.round(12 * scale)}px system-ui, sans-serif`;
  if (legend.length > 1)
    ctx.fillText(`${legend[0]} (——)   ${legend[1]} (– – –)`, line / 2, line * 2.3);
  if (drawn) ctx.drawImage(drawn, 0, top);
  const foot = top + (drawn?.height ?? 0) + line;
  ctx.fillText(credits.source, line / 2, foot);
  ctx.fillText(credits.licence, line / 2, foot + line);
  ctx.fillText(credits.asOf, line / 2, foot + line * 2);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/** Hand a file to the browser as a download. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
