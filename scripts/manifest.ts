/**
 * The public API of each element, read from custom-elements.json: what the editor data (editor-data.ts) and the
 * README's API reference (api-docs.ts) are generated from. Private and protected members, `#private` fields
 * and static members are left out.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export const ROOT = new URL('../', import.meta.url);

interface Typed {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Member extends Typed {
  kind: 'field' | 'method';
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  return?: { type?: { text: string } };
  parameters?: Typed[];
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  summary?: string;
  description?: string;
  members?: Member[];
  attributes?: (Typed & { fieldName?: string })[];
  events?: Typed[];
  slots?: Typed[];
  cssParts?: Typed[];
  cssProperties?: Typed[];
}
export interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

export interface Entry {
  name: string;
  description: string;
}
export interface AttributeDoc extends Entry {
  /** The property the attribute sets, when there is one. */
  property?: string;
  /** The TypeScript type without `undefined`, e.g. `'auto' | 'light' | 'dark'`. */
  type?: string;
  default?: string;
  /** The literal values of a union of string literals. */
  values?: string[];
  boolean: boolean;
}
export interface PropertyDoc extends Entry {
  attribute?: string;
  type?: string;
  default?: string;
  readonly: boolean;
}
export interface MethodDoc extends Entry {
  signature: string;
}
export interface ElementDoc {
  tagName: string;
  className: string;
  /** Where the class is declared in the sources, e.g. `src/elements/code-insight/code-insight.ts`. */
  path: string;
  summary: string;
  description: string;
  attributes: AttributeDoc[];
  properties: PropertyDoc[];
  methods: MethodDoc[];
  events: Entry[];
  slots: Entry[];
  cssParts: Entry[];
  cssProperties: Entry[];
}

export function readManifest(url = new URL('custom-elements.json', ROOT)): Manifest {
  return JSON.parse(readFileSync(url, 'utf8')) as Manifest;
}

/** One line of prose: JSDoc wraps its text at the source's line width. */
const prose = (text = '') => text.replace(/\s*\n\s*/g, ' ').trim();

/** `string | undefined` → `string`; undefined when nothing is left. */
function typeText(type?: { text: string }): string | undefined {
  const parts = type?.text.split('|').map((p) => p.trim()).filter((p) => p && p !== 'undefined');
  return parts?.length ? parts.join(' | ') : undefined;
}

function literals(type?: string): string[] | undefined {
  const parts = type?.split(' | ');
  if (!parts?.length || !parts.every((p) => /^'[^']*'$/.test(p))) return undefined;
  return parts.map((p) => p.slice(1, -1));
}

const camelCase = (attribute: string) => attribute.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const entries = (list?: Typed[]): Entry[] => (list ?? []).map((x) => ({ name: x.name, description: prose(x.description) }));

export function elementDocs(manifest: Manifest): ElementDoc[] {
  const docs: ElementDoc[] = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      const isPublic = (m: Member) => !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#') && !m.name.startsWith('_');
      const fields = (declaration.members ?? []).filter((m) => m.kind === 'field' && isPublic(m));
      const fieldOf = (attribute: string, fieldName?: string) =>
        fields.find((f) => f.attribute === attribute) ?? fields.find((f) => f.name === (fieldName ?? camelCase(attribute)));

      const attributes = (declaration.attributes ?? []).map((a): AttributeDoc => {
        const field = fieldOf(a.name, a.fieldName);
        const type = typeText(a.type ?? field?.type);
        return {
          name: a.name,
          property: field?.name,
          description: prose(a.description ?? field?.description),
          type,
          default: a.default ?? field?.default,
          values: literals(type),
          boolean: type === 'boolean',
        };
      });
      const byAttribute = new Map(attributes.filter((a) => a.property).map((a) => [a.property!, a.name]));
      const properties = fields.map(
        (f): PropertyDoc => ({
          name: f.name,
          attribute: f.attribute ?? byAttribute.get(f.name),
          description: prose(f.description),
          type: typeText(f.type),
          default: f.default,
          readonly: f.readonly ?? false,
        }),
      );
      const methods = (declaration.members ?? [])
        .filter((m) => m.kind === 'method' && isPublic(m))
        .map(
          (m): MethodDoc => ({
            name: m.name,
            description: prose(m.description),
            signature: `${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.type ? `: ${p.type.text}` : ''}`).join(', ')})${m.return?.type ? `: ${m.return.type.text}` : ''}`,
          }),
        );

      docs.push({
        tagName: declaration.tagName,
        className: declaration.name,
        path: module.path,
        summary: prose(declaration.summary),
        description: prose(declaration.description),
        attributes,
        properties,
        methods,
        events: entries(declaration.events),
        slots: entries(declaration.slots),
        cssParts: entries(declaration.cssParts),
        cssProperties: entries(declaration.cssProperties),
      });
    }
  }
  // The order of modules follows the file system: sort, so the outputs are the same on every machine.
  return docs.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** Writes `content` to `url`, or with `--check` only compares: the exit code says whether it was current. */
export function writeOrCheck(url: URL, content: string, command: string): boolean {
  let current: string | undefined;
  try {
    current = readFileSync(url, 'utf8');
  } catch {
    current = undefined;
  }
  if (process.argv.includes('--check')) {
    if (current === content) return true;
    console.error(`${url.pathname.slice(ROOT.pathname.length)} is out of date: run \`${command}\`.`);
    return false;
  }
  if (current !== content) writeFileSync(url, content);
  return true;
}

