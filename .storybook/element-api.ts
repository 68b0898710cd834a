/**
 * The elements' public API as Storybook sees it, derived from custom-elements.json (itself generated from the
 * elements' JSDoc), so that the JSDoc is the single source: one arg per public attribute or writable property,
 * named by the attribute when there is one, with the control its type calls for. Nothing here names an
 * attribute: a new one shows up after `npm run analyze`.
 *
 * Pure (the manifest comes in as an argument): the preview, the stories' renderer and the unit test share it.
 */

/** The parts of a custom-elements.json this module reads. */
export interface Manifest {
  modules: { declarations?: Declaration[] }[];
}
interface Declaration {
  tagName?: string;
  members?: Member[];
  attributes?: Attribute[];
  events?: Documented[];
  slots?: Documented[];
  cssParts?: Documented[];
  cssProperties?: Documented[];
}
interface Documented {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Member extends Documented {
  kind: 'field' | 'method';
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
}
interface Attribute extends Documented {
  fieldName?: string;
}

/** How a value of the arg reaches the element: `attribute` is also the arg's name when there is one. */
export type Control = { type: 'text' } | { type: 'number' } | { type: 'boolean' } | { type: 'enum'; options: string[] } | { type: 'object' } | { type: 'none' };

export interface Arg {
  /** The arg's name: the attribute's, else the property's. */
  name: string;
  attribute?: string;
  property?: string;
  control: Control;
  description: string;
  type: string;
  default?: string;
  readonly: boolean;
}

/** The custom element declared as `tagName`, or undefined. */
export function declarationOf(manifest: Manifest, tagName: string): Declaration | undefined {
  for (const module of manifest.modules) for (const d of module.declarations ?? []) if (d.tagName === tagName) return d;
  return undefined;
}

/** Every custom element's tag name in the manifest. */
export function tagNames(manifest: Manifest): string[] {
  return manifest.modules.flatMap((m) => (m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : [])));
}

const camelCase = (kebab: string) => kebab.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
const isPublic = (m: Member) => !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#');

/**
 * The control a type calls for. An attribute's value is a string, so an attribute of no simpler type gets a text
 * field; a property of an object type gets the JSON editor only when a JSON value can be one: a client, an
 * element or a function cannot, and setting `{}` there would only break the element.
 */
export function controlFor(typeText: string, isAttribute: boolean): Control {
  const parts = typeText
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p && p !== 'undefined' && p !== 'null');
  const literals = parts.filter((p) => /^(['"]).*\1$/.test(p)).map((p) => p.slice(1, -1));
  if (parts.length > 0 && literals.length === parts.length) return { type: 'enum', options: literals };
  if (parts.includes('boolean')) return { type: 'boolean' };
  if (parts.includes('number')) return { type: 'number' };
  if (parts.includes('string') || isAttribute) return { type: 'text' };
  if (parts.length === 0 || parts.some((p) => /Client\b|Element\b|Function\b|=>/.test(p))) return { type: 'none' };
  return { type: 'object' };
}

/**
 * The args of `tagName`: each attribute once (with its property's type when the attribute has none, as plain
 * `HTMLElement` classes' `@attr` tags do), then the public properties without an attribute. Methods, static,
 * private and protected members are left out; read-only properties are listed without a control.
 */
export function argsOf(manifest: Manifest, tagName: string): Arg[] {
  const d = declarationOf(manifest, tagName);
  if (!d) return [];
  const fields = (d.members ?? []).filter((m) => m.kind === 'field' && isPublic(m));
  const byAttribute = new Set<string>();
  const args: Arg[] = [];
  for (const attribute of d.attributes ?? []) {
    const field = fields.find((f) => f.name === (attribute.fieldName ?? camelCase(attribute.name)) && !f.readonly);
    const type = attribute.type?.text ?? field?.type?.text ?? 'string';
    if (field) byAttribute.add(field.name);
    args.push({
      name: attribute.name,
      attribute: attribute.name,
      property: field?.name,
      control: controlFor(type, true),
      description: attribute.description ?? field?.description ?? '',
      type,
      default: attribute.default ?? field?.default,
      readonly: false,
    });
  }
  for (const field of fields) {
    if (byAttribute.has(field.name) || field.attribute) continue;
    const type = field.type?.text ?? '';
    args.push({
      name: field.name,
      property: field.name,
      control: field.readonly ? { type: 'none' } : controlFor(type, false),
      description: field.description ?? '',
      type,
      default: field.default,
      readonly: !!field.readonly,
    });
  }
  return args;
}

/** The names of the events every element in the manifest fires. */
export function eventNames(manifest: Manifest): string[] {
  const names = manifest.modules.flatMap((m) => (m.declarations ?? []).flatMap((d) => (d.events ?? []).map((e) => e.name)));
  return [...new Set(names)].sort();
}

// Storybook's argType shape, spelled out so this module imports nothing from Storybook.
type ArgType = {
  name: string;
  description?: string;
  type?: { name: string; value?: string[]; required?: boolean };
  control?: false | { type: string };
  options?: string[];
  table?: { category?: string; type?: { summary: string }; defaultValue?: { summary: string } };
};

const STORYBOOK_CONTROLS: Record<Control['type'], (c: Control) => Pick<ArgType, 'control' | 'options' | 'type'>> = {
  text: () => ({ control: { type: 'text' }, type: { name: 'string' } }),
  number: () => ({ control: { type: 'number' }, type: { name: 'number' } }),
  boolean: () => ({ control: { type: 'boolean' }, type: { name: 'boolean' } }),
  // Radio buttons while they fit on a line; a select beyond.
  enum: (c) => {
    const options = (c as { options: string[] }).options;
    return { control: { type: options.length <= 4 ? 'inline-radio' : 'select' }, options, type: { name: 'enum', value: options } };
  },
  object: () => ({ control: { type: 'object' }, type: { name: 'object' } }),
  none: () => ({ control: false, type: { name: 'other' } }),
};

/**
 * Storybook argTypes for `tagName`: its args, then its slots, CSS parts and custom properties as rows without a
 * control (documentation only). Events are not args: they go to the Actions panel (see preview.ts).
 */
export function argTypesOf(manifest: Manifest, tagName: string): Record<string, ArgType> {
  const d = declarationOf(manifest, tagName);
  const argTypes: Record<string, ArgType> = {};
  for (const arg of argsOf(manifest, tagName)) {
    argTypes[arg.name] = {
      name: arg.name,
      description: arg.readonly ? `Read-only. ${arg.description}` : arg.description,
      ...STORYBOOK_CONTROLS[arg.control.type](arg.control),
      table: {
        category: arg.attribute ? 'attributes' : 'properties',
        type: { summary: arg.type },
        ...(arg.default !== undefined ? { defaultValue: { summary: arg.default } } : {}),
      },
    };
  }
  const documentation: [string, Documented[] | undefined, (name: string) => string][] = [
    ['slots', d?.slots, (name) => `slot ${name || '(default)'}`],
    ['css shadow parts', d?.cssParts, (name) => `::part(${name})`],
    ['css custom properties', d?.cssProperties, (name) => name],
  ];
  for (const [category, items, label] of documentation) {
    for (const item of items ?? []) {
      argTypes[label(item.name)] = { name: label(item.name), description: item.description, control: false, table: { category } };
    }
  }
  return argTypes;
}
