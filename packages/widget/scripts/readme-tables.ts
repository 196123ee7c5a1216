/**
 * The reference tables of README.md — each element's attributes, events, parts, CSS custom
 * properties and methods — written from custom-elements.json, which `cem analyze` makes from the
 * components' JSDoc. So the JSDoc is the one place to change them. A table sits between
 * `<!-- generated:tafel-map:attributes -->` and `<!-- /generated -->`; the text around it is
 * written by hand. `pnpm build` runs this after `cem analyze`; test/readme.test.ts fails when the
 * README and the manifest disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The parts of the Custom Elements Manifest schema the tables read. */
interface Described {
  name: string;
  description?: string;
  default?: string;
  type?: { text: string };
}
interface Member extends Described {
  kind: 'field' | 'method';
  /** Set on a field that has an attribute. */
  attribute?: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  parameters?: Described[];
}
interface Attribute extends Described {
  fieldName?: string;
}
interface Declaration {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Attribute[];
  events?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
  members?: Member[];
}
export interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

export const README = fileURLToPath(new URL('../README.md', import.meta.url));
export const MANIFEST = fileURLToPath(new URL('../custom-elements.json', import.meta.url));

const START = /<!-- generated:([\w:-]+) -->\n/g;
const END = '<!-- /generated -->';

/** A table cell: one line, a `|` escaped so it does not end the cell. */
function cell(text: string | undefined): string {
  return (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function table(head: string[], rows: (string | undefined)[][]): string {
  const line = (cells: (string | undefined)[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const code = (text: string) => `\`${text}\``;

/** The description, and the default when the manifest has one. */
function withDefault(item: Described): string {
  const description = item.description ?? '';
  return item.default === undefined
    ? description
    : `${description} Default: ${code(item.default)}.`;
}

/** `CustomEvent<{ participants: number }>` → `{ participants: number }`. */
function detailType(event: Described): string | undefined {
  const text = event.type?.text;
  if (!text) return undefined;
  return code(/^CustomEvent<(.*)>$/s.exec(text)?.[1] ?? text);
}

/** Every table the manifest gives, by name: `tafel-map:attributes`, `tafel-counter:events`, … */
export function referenceTables(manifest: Manifest): Map<string, string> {
  const tables = new Map<string, string>();
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName);
  for (const element of elements) {
    const add = (kind: string, text: string | undefined) => {
      if (text) tables.set(`${element.tagName}:${kind}`, text);
    };
    const { attributes = [], events = [], cssParts = [], cssProperties = [] } = element;
    const members = (element.members ?? []).filter(
      (m) =>
        !m.static &&
        (m.privacy ?? 'public') === 'public' &&
        !m.name.startsWith('#') &&
        !m.name.startsWith('_'),
    );
    const methods = members.filter((m) => m.kind === 'method');
    // Properties with no attribute: set from JavaScript only.
    const properties = members.filter((m) => m.kind === 'field' && !m.attribute);
    add(
      'attributes',
      attributes.length
        ? table(
            ['attribute', 'property', ''],
            attributes.map((a) => [code(a.name), a.fieldName && code(a.fieldName), withDefault(a)]),
          )
        : undefined,
    );
    add(
      'events',
      events.length
        ? table(
            ['event', '`detail`', ''],
            events.map((e) => [code(e.name), detailType(e), e.description]),
          )
        : undefined,
    );
    add(
      'parts',
      cssParts.length
        ? table(
            ['part', ''],
            cssParts.map((p) => [code(p.name), p.description]),
          )
        : undefined,
    );
    add(
      'css-properties',
      cssProperties.length
        ? table(
            ['property', 'default', ''],
            cssProperties.map((p) => [
              code(p.name),
              p.default === undefined ? '' : code(p.default),
              p.description,
            ]),
          )
        : undefined,
    );
    add(
      'properties',
      properties.length
        ? table(
            ['property', 'type', ''],
            properties.map((p) => [code(p.name), p.type && code(p.type.text), p.description]),
          )
        : undefined,
    );
    add(
      'methods',
      methods.length
        ? table(
            ['method', ''],
            methods.map((m) => {
              const parameters = (m.parameters ?? []).map((p) =>
                p.type ? `${p.name}: ${p.type.text}` : p.name,
              );
              return [code(`${m.name}(${parameters.join(', ')})`), m.description];
            }),
          )
        : undefined,
    );
  }
  return tables;
}

/** Each marked place in the README and the table it holds now. */
function places(readme: string): { name: string; start: number; end: number; text: string }[] {
  const found = [];
  for (const match of readme.matchAll(START)) {
    const start = match.index + match[0].length;
    const end = readme.indexOf(END, start);
    const next = readme.slice(start).search(START);
    if (end === -1 || (next !== -1 && start + next < end)) {
      throw new Error(`README.md: <!-- generated:${match[1]} --> has no ${END} after it`);
    }
    found.push({ name: match[1]!, start, end, text: readme.slice(start, end) });
  }
  return found;
}

/** The README with every marked place holding its table from the manifest. */
export function fillReadme(readme: string, tables: Map<string, string>): string {
  const marked = places(readme);
  const unknown = marked.filter((place) => !tables.has(place.name)).map((place) => place.name);
  if (unknown.length)
    throw new Error(`README.md marks tables the manifest does not have: ${unknown.join(', ')}`);
  const missing = [...tables.keys()].filter((name) => !marked.some((place) => place.name === name));
  if (missing.length)
    throw new Error(`README.md has no place for the tables ${missing.join(', ')}`);
  let out = '';
  let at = 0;
  for (const place of marked) {
    out += `${readme.slice(at, place.start)}${tables.get(place.name)}\n`;
    at = place.end;
  }
  return out + readme.slice(at);
}

/** The names of the tables whose text in the README is not what the manifest gives. */
export function driftedTables(readme: string, tables: Map<string, string>): string[] {
  return places(readme)
    .filter((place) => place.text !== `${tables.get(place.name)}\n`)
    .map((place) => place.name);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
  const readme = readFileSync(README, 'utf8');
  const tables = referenceTables(manifest);
  const drifted = driftedTables(readme, tables);
  const filled = fillReadme(readme, tables);
  if (filled !== readme) writeFileSync(README, filled);
  console.log(
    drifted.length
      ? `README.md: rewrote ${drifted.join(', ')}`
      : `README.md: ${tables.size} tables up to date`,
  );
}
