/**
 * custom-elements.json is generated from the classes' JSDoc (`npm run analyze`) and committed: editors and
 * Storybook read it. It must document what SPEC.md promises, and be current: a change to the elements' API
 * without `npm run analyze` fails here.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Declaration {
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { modules: { declarations?: Declaration[] }[] };
const elements = (manifest: ReturnType<typeof read>) =>
  new Map(manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, d]));
const names = (list?: { name: string }[]) => (list ?? []).map((x) => x.name);

test('custom-elements.json documents the elements SPEC.md promises', () => {
  const byTag = elements(read(join(ROOT, 'custom-elements.json')));
  const card = byTag.get('code-insight')!;
  for (const attribute of ['instance', 'insight-id', 'kind', 'repositories', 'repository', 'query', 'src', 'include-repos', 'sort', 'series-limit', 'theme', 'locale', 'stacked', 'y-zero', 'refresh', 'loading', 'actions', 'hide-title']) {
    assert.ok(names(card.attributes).includes(attribute), `code-insight ${attribute}`);
  }
  assert.deepEqual(names(card.events).sort(), ['insight-error', 'insight-load', 'insight-point-click', 'insight-view']);
  for (const part of ['card', 'header', 'title', 'chart', 'legend', 'tooltip', 'menu', 'status', 'progress', 'error']) {
    assert.ok(names(card.cssParts).includes(part), `code-insight part ${part}`);
  }
  assert.ok(names(card.cssProperties).every((p) => p.startsWith('--insight-')) && card.cssProperties!.length >= 10);
  const dashboard = byTag.get('insights-dashboard')!;
  for (const attribute of ['instance', 'dashboard-id', 'min-card-width', 'sync-url', 'refresh', 'actions', 'hide-title']) {
    assert.ok(names(dashboard.attributes).includes(attribute), `insights-dashboard ${attribute}`);
  }
  // Its own event, and the cards' events, which bubble out of it (React's wrapper and the template types offer them).
  assert.deepEqual(names(dashboard.events).sort(), ['insight-error', 'insight-load', 'insight-point-click', 'insight-view', 'insights-filters-change']);
  assert.deepEqual(names(byTag.get('insight-series')!.attributes).sort(), ['capture-group', 'color', 'goal', 'goal-date', 'label', 'query']);
  assert.deepEqual(names(byTag.get('insight-annotation')!.attributes).sort(), ['date', 'href', 'label']);
});

test('custom-elements.json is current (npm run analyze after changing an element)', () => {
  // The analyzer resolves --outdir against the working directory: a git-ignored folder of the project.
  const relative = join('.cache', `cem-check-${process.pid}`);
  const out = join(ROOT, relative);
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--outdir', relative], { cwd: ROOT, stdio: 'pipe' });
    // Module order follows the file system's directory order, which differs between machines: compare by path.
    const byPath = (manifest: ReturnType<typeof read>) =>
      [...manifest.modules].sort((a, b) => String((a as { path?: string }).path).localeCompare(String((b as { path?: string }).path)));
    assert.deepEqual(byPath(read(join(out, 'custom-elements.json'))), byPath(read(join(ROOT, 'custom-elements.json'))));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
