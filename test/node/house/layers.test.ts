/**
 * The house's layers, checked on every relative import of src/ and server/ (ARCHITECTURE.md): each layer imports
 * only those below it, the server's images use the card's rules and charts but never the custom elements, and git
 * walking stays self-contained. A move that breaks a rule fails here, before it spreads.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(import.meta.dirname, '../../..');

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** Every relative import (static, dynamic, type-only, re-export) of every file, as repository paths. */
const imports: { from: string; to: string }[] = [];
for (const file of [...sources('src'), ...sources('server')]) {
  const text = readFileSync(join(root, file), 'utf8');
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const to = relative(root, resolve(root, dirname(file), match[1])).replace(/\.(js|ts)$/, '');
    imports.push({ from: file, to });
  }
}

/** Imports from files under `from` into anything under one of `into`. */
function crossings(from: string, into: string[]): string[] {
  return imports.filter((i) => i.from.startsWith(from) && into.some((p) => i.to.startsWith(p))).map((i) => `${i.from} -> ${i.to}`);
}

test('the scan sees the project', () => {
  // A scan that finds nothing would pass every rule below.
  assert.ok(imports.length > 300, `only ${imports.length} imports found`);
  assert.ok(imports.some((i) => i.from.startsWith('server/embed/') && i.to.startsWith('src/charts/')));
});

test('model imports no other layer', () => {
  assert.deepEqual(crossings('src/model/', ['src/api', 'src/charts', 'src/elements', 'src/events', 'src/configure', 'src/styles']), []);
});

test('api imports only model', () => {
  assert.deepEqual(crossings('src/api/', ['src/charts', 'src/elements', 'src/events', 'src/configure', 'src/styles']), []);
});

test('charts import only model and styles, never elements, events or api', () => {
  assert.deepEqual(crossings('src/charts/', ['src/api', 'src/elements', 'src/events', 'src/configure']), []);
});

test('nothing outside the elements and the entry points imports an element', () => {
  const entryPoints = ['src/index.ts', 'src/bundle.ts', 'src/react/', 'src/vue/'];
  const outside = imports.filter((i) => !i.from.startsWith('src/elements/') && !entryPoints.some((e) => i.from.startsWith(e)));
  assert.deepEqual(outside.filter((i) => i.to.startsWith('src/elements')).map((i) => `${i.from} -> ${i.to}`), []);
});

test('the server never imports the custom elements', () => {
  assert.deepEqual(crossings('server/', ['src/elements', 'src/configure', 'src/index', 'src/bundle', 'src/react']), []);
});

test('git walking imports nothing outside server/engine', () => {
  assert.deepEqual(imports.filter((i) => i.from.startsWith('server/engine/') && !i.to.startsWith('server/engine/')).map((i) => `${i.from} -> ${i.to}`), []);
});

test('each chart kind lives in one folder with its layout, template, view, summary and image', () => {
  for (const kind of ['line', 'pie', 'bar', 'stat']) {
    const files = readdirSync(join(root, 'src/charts', kind)).sort();
    assert.deepEqual(files, ['image.ts', 'layout.ts', 'summary.ts', 'template.ts', 'view.ts'], kind);
  }
});
