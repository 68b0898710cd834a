/**
 * Editor data generated from custom-elements.json, so editors complete the tags, attributes and their values:
 *
 *   vscode.html-custom-data.json   VS Code's custom HTML data (the `html.customData` setting points at it)
 *   web-types.json                 JetBrains web-types (found through package.json#web-types, no setting needed)
 *
 *   tsx scripts/editor-data.ts           write both (part of `npm run analyze`)
 *   tsx scripts/editor-data.ts --check   only compare: exit 1 when either is out of date
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ROOT, elementDocs, readManifest, writeOrCheck, type ElementDoc, type Entry } from './manifest.ts';

export const VSCODE_DATA = new URL('vscode.html-custom-data.json', ROOT);
export const WEB_TYPES = new URL('web-types.json', ROOT);

const list = (title: string, items: Entry[], format: (name: string) => string) =>
  items.length ? `\n\n**${title}:** ${items.map((i) => `${format(i.name)}${i.description ? ` ${i.description}` : ''}`).join(' · ')}` : '';

/** VS Code shows one description per tag: the summary, the prose, then events, slots, parts and custom properties. */
function tagDescription(element: ElementDoc): string {
  const slots = element.slots.map((s) => ({ ...s, name: s.name || '(default)' }));
  return (
    `${element.summary}\n\n${element.description}` +
    list('Events', element.events, (n) => `\`${n}\``) +
    list('Slots', slots, (n) => n) +
    list('Parts', element.cssParts, (n) => `\`::part(${n})\``) +
    list('CSS custom properties', element.cssProperties, (n) => `\`${n}\``)
  );
}

/** VS Code custom data, version 1.1: https://github.com/microsoft/vscode-custom-data */
export function vscodeCustomData(elements: ElementDoc[]): object {
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elements.map((element) => ({
      name: element.tagName,
      description: { kind: 'markdown', value: tagDescription(element) },
      attributes: element.attributes.map((a) => ({
        name: a.name,
        description: { kind: 'markdown', value: a.description + (a.default ? `\n\nDefault: \`${a.default}\`` : '') },
        ...(a.values ? { values: a.values.map((name) => ({ name })) } : {}),
        ...(a.boolean ? { valueSet: 'v' } : {}),
      })),
    })),
  };
}

/** JetBrains web-types: https://github.com/JetBrains/web-types */
export function webTypes(elements: ElementDoc[], pkg: { name: string; version: string }): object {
  return {
    $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
    name: pkg.name,
    version: pkg.version,
    'js-types-syntax': 'typescript',
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elements.map((element) => ({
          name: element.tagName,
          description: `${element.summary}\n\n${element.description}`,
          source: { module: pkg.name, symbol: element.className },
          attributes: element.attributes.map((a) => ({
            name: a.name,
            description: a.description,
            ...(a.default ? { default: a.default } : {}),
            value: a.boolean ? { type: 'boolean', required: false } : { type: a.type ?? 'string', required: false },
          })),
          slots: element.slots.map((s) => ({ name: s.name || 'default', description: s.description })),
          events: element.events.map((e) => ({ name: e.name, description: e.description })),
          js: {
            properties: element.properties.map((p) => ({
              name: p.name,
              description: p.description,
              ...(p.type ? { type: p.type } : {}),
              ...(p.default ? { default: p.default } : {}),
              ...(p.readonly ? { 'read-only': true } : {}),
            })),
            events: element.events.map((e) => ({ name: e.name, description: e.description })),
          },
          css: {
            properties: element.cssProperties.map((p) => ({ name: p.name, description: p.description })),
            parts: element.cssParts.map((p) => ({ name: p.name, description: p.description })),
          },
        })),
      },
    },
  };
}

const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;

/** Both files' contents, from the manifest and package.json as they are on disk. */
export function editorData(): { vscode: string; webTypes: string } {
  const elements = elementDocs(readManifest());
  const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { name: string; version: string };
  return { vscode: json(vscodeCustomData(elements)), webTypes: json(webTypes(elements, pkg)) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const data = editorData();
  const current = [writeOrCheck(VSCODE_DATA, data.vscode, 'npm run analyze'), writeOrCheck(WEB_TYPES, data.webTypes, 'npm run analyze')];
  if (current.includes(false)) process.exit(1);
}
