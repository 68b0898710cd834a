/**
 * What is generated from custom-elements.json and committed: the editor data (vscode.html-custom-data.json,
 * web-types.json) and the README's API reference. Each must be current (a change to the manifest without
 * `npm run analyze` fails here) and complete.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { currentReadme, README } from '../../scripts/api-docs.ts';
import { editorData, VSCODE_DATA, WEB_TYPES } from '../../scripts/editor-data.ts';
import { NEVER_IN_MARKUP, REACT_JSX, reactJsx, settable, templateAttributes, VUE_COMPONENTS, vueComponents } from '../../scripts/framework-types.ts';
import { elementDocs, readManifest, ROOT } from '../../scripts/manifest.ts';

const read = (url: URL) => readFileSync(url, 'utf8');
const elements = elementDocs(readManifest());
const pkg = JSON.parse(read(new URL('package.json', ROOT))) as { 'web-types'?: string; files: string[] };

test('the editor data is current (npm run analyze)', () => {
  const data = editorData();
  assert.equal(read(VSCODE_DATA), data.vscode, 'vscode.html-custom-data.json');
  assert.equal(read(WEB_TYPES), data.webTypes, 'web-types.json');
});

test('the React JSX and Vue template types are current (npm run analyze) and cover every element, attribute and event', () => {
  assert.equal(read(REACT_JSX), reactJsx(elements), 'src/react/jsx.ts');
  assert.equal(read(VUE_COMPONENTS), vueComponents(elements), 'src/vue/index.ts');
  const jsx = read(REACT_JSX);
  const vue = read(VUE_COMPONENTS);
  // Each element's own block: `export type CodeInsightTag = … };` and `export interface CodeInsightProps { … }`.
  const block = (text: string, start: string, end: string) => text.slice(text.indexOf(start), text.indexOf(end, text.indexOf(start)));
  const members = (text: string) => new Set([...text.matchAll(/^\s+'?([\w-]+)'?\?:/gm)].map((m) => m[1]!));
  for (const element of elements) {
    const name = element.className.replace(/Element$/, '');
    const tag = members(block(jsx, `export type ${name}Tag =`, '\n  };'));
    const props = members(block(vue, `export interface ${name}Props`, '\n}'));
    assert.match(jsx, new RegExp(`'${element.tagName}': ${name}Tag;`), element.tagName);
    assert.match(vue, new RegExp(`'${element.tagName}': DefineComponent<${name}Props>`), element.tagName);
    for (const attribute of templateAttributes(element)) {
      const property = attribute.property && settable(element).some((p) => p.name === attribute.property) ? attribute.property : undefined;
      if (attribute.property && NEVER_IN_MARKUP.has(attribute.property)) continue;
      assert.ok(tag.has(attribute.name) || tag.has(property ?? ''), `JSX <${element.tagName} ${attribute.name}>`);
      assert.ok(props.has(property ?? attribute.name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())), `Vue <${element.tagName} ${attribute.name}>`);
    }
    for (const event of element.events) assert.ok(tag.has(`on${event.name}`), `${element.tagName} on${event.name}`);
    // A prop named like a method would replace it (both frameworks set props by name): none is offered.
    for (const method of element.methods) assert.ok(!tag.has(method.name) && !props.has(method.name), `${element.tagName} ${method.name}() is no prop`);
    for (const secret of NEVER_IN_MARKUP) assert.ok(!tag.has(secret) && !props.has(secret), `${element.tagName} ${secret} is no prop`);
  }
});

test("the README's API reference is current (npm run docs)", () => {
  assert.ok(read(README) === currentReadme(), 'README.md differs from `npm run docs`');
});

test('VS Code gets every element and attribute, with the values of enumerated and boolean attributes', () => {
  const vscode = JSON.parse(read(VSCODE_DATA)) as { tags: { name: string; attributes: { name: string; values?: { name: string }[]; valueSet?: string }[] }[] };
  assert.deepEqual(vscode.tags.map((t) => t.name).sort(), ['code-insight', 'insight-annotation', 'insight-series', 'insights-dashboard']);
  for (const element of elements) {
    const tag = vscode.tags.find((t) => t.name === element.tagName)!;
    assert.deepEqual(tag.attributes.map((a) => a.name), element.attributes.map((a) => a.name), element.tagName);
  }
  const card = vscode.tags.find((t) => t.name === 'code-insight')!;
  const attribute = (name: string) => card.attributes.find((a) => a.name === name)!;
  assert.deepEqual(attribute('theme').values?.map((v) => v.name), ['auto', 'light', 'dark']);
  assert.equal(attribute('stacked').valueSet, 'v');
});

test('web-types lists attributes, properties, events, parts and custom properties, and package.json ships both files', () => {
  const webTypes = JSON.parse(read(WEB_TYPES)) as {
    contributions: { html: { elements: { name: string; attributes: unknown[]; js: { properties: { name: string }[]; events: { name: string }[] }; css: { parts: unknown[]; properties: unknown[] } }[] } };
  };
  const card = webTypes.contributions.html.elements.find((e) => e.name === 'code-insight')!;
  assert.ok(card.js.properties.some((p) => p.name === 'token'));
  assert.deepEqual(card.js.events.map((e) => e.name).sort(), ['insight-error', 'insight-load', 'insight-point-click', 'insight-view']);
  assert.ok(card.css.parts.length >= 10 && card.css.properties.length >= 10 && card.attributes.length >= 20);
  assert.equal(pkg['web-types'], './web-types.json');
  for (const file of ['web-types.json', 'vscode.html-custom-data.json', 'custom-elements.json']) assert.ok(pkg.files.includes(file), file);
});

test('the API reference has a row for every attribute, property, event, part and custom property', () => {
  const readme = read(README);
  for (const element of elements) {
    const section = readme.slice(readme.indexOf(`### \`<${element.tagName}>\``));
    for (const name of [
      ...element.attributes.map((a) => `\`${a.name}\``),
      ...element.properties.map((p) => `\`${p.name}\``),
      ...element.events.map((e) => `| \`${e.name}\` |`),
      ...element.cssParts.map((p) => `\`::part(${p.name})\``),
      ...element.cssProperties.map((p) => `| \`${p.name}\` |`),
    ]) {
      assert.ok(section.includes(name), `${element.tagName}: ${name}`);
    }
  }
});
