/**
 * Any element of the manifest as a lit template whose args (named as the controls are: by attribute, else by
 * property; see .storybook/element-api.ts) become its attributes and properties. Storybook re-renders the same
 * template with the changed args, so a control updates the element in place instead of replacing it.
 */
import { nothing, type TemplateResult } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import { html as staticHTML, unsafeStatic } from 'lit/static-html.js';
import { argsOf, tagNames, type Arg, type Manifest } from '../.storybook/element-api.ts';
import customElements from '../custom-elements.json';

/** Story args by the name of their control: `insight-id`, `series-limit`, `data`… */
export type ElementArgs = Record<string, unknown>;

const manifest = customElements as Manifest;
const argsByTag = new Map<string, Map<string, Arg>>();

function argsFor(tagName: string): Map<string, Arg> {
  let args = argsByTag.get(tagName);
  if (!args) argsByTag.set(tagName, (args = new Map(argsOf(manifest, tagName).map((arg) => [arg.name, arg]))));
  return args;
}

/** An attribute arg that is unset, empty or false removes the attribute: it is how a control is cleared. */
function apply(element: Element, arg: Arg, value: unknown): void {
  if (arg.attribute) {
    if (value === undefined || value === null || value === '' || value === false) element.removeAttribute(arg.attribute);
    else element.setAttribute(arg.attribute, value === true ? '' : String(value));
  } else if (arg.property && !arg.readonly) {
    (element as unknown as Record<string, unknown>)[arg.property] = value;
  }
}

class ElementArgsDirective extends Directive {
  /** What each arg was last set to: only a changed arg touches the element (an equal `data` would redraw it). */
  #applied = new Map<string, unknown>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('elementArgs() belongs on an element, as <code-insight ${elementArgs(args)}>');
  }

  render(_args: ElementArgs) {
    return nothing;
  }

  override update(part: ElementPart, [args]: [ElementArgs]) {
    const known = argsFor(part.element.localName);
    for (const [name, arg] of known) {
      const value = args[name];
      if (value === this.#applied.get(name)) continue;
      apply(part.element, arg, value);
      if (value === undefined) this.#applied.delete(name);
      else this.#applied.set(name, value);
    }
    return nothing;
  }
}

/** Sets the args on the element it is bound to: `<code-insight ${elementArgs(args)}>`. */
export const elementArgs = directive(ElementArgsDirective);

/** `<tagName>` (an element of the manifest) with `args` as its attributes and properties, around `children`. */
export function element(tagName: string, args: ElementArgs, children: unknown = ''): TemplateResult {
  if (!tagNames(manifest).includes(tagName)) throw new Error(`<${tagName}> is not in custom-elements.json`);
  const tag = unsafeStatic(tagName);
  return staticHTML`<${tag} ${elementArgs(args)}>${children}</${tag}>`;
}
