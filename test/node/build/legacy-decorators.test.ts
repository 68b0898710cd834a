/**
 * The single file loads lit's `@property` as its experimental-decorator path alone (scripts/legacy-decorators.mjs).
 * It must do what lit's own module does with experimental decorators, which is all this project compiles to.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import ts from 'typescript';
import { LEGACY_PROPERTY, legacyDecorators } from '../../../scripts/legacy-decorators.mjs';

type PropertyDecorator = (options?: object) => (proto: object, name: string) => PropertyDescriptor | undefined;
const load = async (code: string) => (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { property: PropertyDecorator };

/** Lit's own module, its one import (the defaults of the standard path) stubbed. */
async function litProperty() {
  const path = createRequire(import.meta.url).resolve('@lit/reactive-element/decorators/property.js');
  const code = readFileSync(path, 'utf8')
    .replace(/^import\{[^}]*\}from"\.\.\/reactive-element\.js";/, 'const t=()=>!0,e={};')
    .replace(/\/\/# sourceMappingURL=.*/, '');
  return load(code);
}

/** What a decorator does to a class: the calls to `createProperty`, and what it returns for each field. */
function apply(property: PropertyDecorator) {
  const calls: unknown[] = [];
  class Element {
    static createProperty(name: string, options: unknown) {
      calls.push([name, options]);
    }
    get own() {
      return 1;
    }
  }
  const options = { attribute: 'insight-id', type: String };
  const returned = [property(options)(Element.prototype, 'insightId'), property()(Element.prototype, 'own')];
  return { calls, returned: returned.map((d) => d && Object.keys(d).sort()) };
}

test('the experimental-decorator @property does what lit’s own does', async () => {
  assert.deepEqual(apply((await load(LEGACY_PROPERTY)).property), apply((await litProperty()).property));
});

test('replaces lit’s property.js only, and the project compiles experimental decorators', () => {
  const plugin = legacyDecorators() as { load(id: string): string | null };
  assert.equal(plugin.load('/x/node_modules/@lit/reactive-element/decorators/property.js'), LEGACY_PROPERTY);
  assert.equal(plugin.load('/x/node_modules/@lit/reactive-element/decorators/state.js'), null);
  const config = ts.readConfigFile(new URL('../../../tsconfig.json', import.meta.url).pathname, ts.sys.readFile).config;
  assert.equal(config.compilerOptions.experimentalDecorators, true);
});
