/**
 * The README's API reference, generated from custom-elements.json: every attribute, property, method, event,
 * slot, part and custom property of each element, between the `<!-- api:start -->` and `<!-- api:end -->`
 * markers. The rest of the README is left as it is.
 *
 *   tsx scripts/api-docs.ts           rewrite the README (`npm run docs`, also part of `npm run analyze`)
 *   tsx scripts/api-docs.ts --check   only compare: exit 1 when the README is out of date
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ROOT, elementDocs, readManifest, writeOrCheck, type ElementDoc, type Entry } from './manifest.ts';

export const README = new URL('README.md', ROOT);
export const START = '<!-- api:start -->';
export const END = '<!-- api:end -->';

/** A table cell: one line, with the pipes that would end the cell escaped (also inside code spans, as GFM wants). */
const cell = (text = '') => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const code = (text?: string) => (text ? `\`${cell(text)}\`` : '');

function table(head: string[], rows: string[][]): string {
  if (!rows.length) return '';
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const described = (head: string, items: Entry[], name: (n: string) => string) =>
  table([head, 'description'], items.map((i) => [name(i.name), cell(i.description)]));

function elementSection(element: ElementDoc, packageName: string): string {
  // One row per property, with its attribute; attributes without a property of their own get a row too.
  const rows = element.properties.map((p) => [
    code(p.attribute),
    `${code(p.name)}${p.readonly ? ' (read-only)' : ''}`,
    code(p.type),
    code(p.default),
    cell(p.description),
  ]);
  for (const a of element.attributes.filter((a) => !a.property)) rows.push([code(a.name), '', code(a.type), code(a.default), cell(a.description)]);

  const parts = [
    `### \`<${element.tagName}>\``,
    `${element.summary} Class \`${element.className}\`; \`import '${packageName}/${element.tagName}.js'\` defines it.`,
    table(['attribute', 'property', 'type', 'default', 'description'], rows),
    table(['method', 'description'], element.methods.map((m) => [code(m.signature), cell(m.description)])),
    described('event', element.events, code),
    described('slot', element.slots, (n) => (n ? code(n) : '(default)')),
    described('part', element.cssParts, (n) => code(`::part(${n})`)),
    described('custom property', element.cssProperties, code),
  ];
  return parts.filter(Boolean).join('\n\n');
}

/** The generated text between the markers (the markers excluded). */
export function apiReference(elements: ElementDoc[], packageName: string): string {
  // The card first: it is what most pages use.
  const order = ['code-insight', 'insights-dashboard', 'insight-series'];
  const sorted = [...elements].sort((a, b) => (order.indexOf(a.tagName) + 1 || 99) - (order.indexOf(b.tagName) + 1 || 99));
  return [
    '<!-- Generated from custom-elements.json by `npm run docs`: edit the JSDoc in src/elements/, not this text. -->',
    ...sorted.map((e) => elementSection(e, packageName)),
  ].join('\n\n');
}

/** The README with its reference replaced. */
export function withApiReference(readme: string, reference: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}, in that order.`);
  return `${readme.slice(0, start + START.length)}\n${reference}\n${readme.slice(end)}`;
}

/** The README as it should be, from the manifest and the README on disk. */
export function currentReadme(): string {
  const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { name: string };
  return withApiReference(readFileSync(README, 'utf8'), apiReference(elementDocs(readManifest()), pkg.name));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!writeOrCheck(README, currentReadme(), 'npm run docs')) process.exit(1);
}
