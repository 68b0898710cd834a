/**
 * Every entry of the package imports in Node, where there is no DOM (a server render, a Next.js page that imports
 * the React entry): the elements then define nothing, and nothing throws. Each entry in its own child Node
 * process, by the package's own name (so through "exports", to dist/), with nothing shimmed. Needs `npm run build`
 * first (npm test does it).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
const run = (script: string) => execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** A pattern (`./locales/*.js`) stands for each built file it matches. */
const expand = (subpath: string): string[] => {
  if (!subpath.includes('*')) return [subpath];
  const [before, after] = subpath.split('*') as [string, string];
  const dir = join(ROOT, 'dist', before.slice(2));
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(after)).map((f) => `${before}${f}`) : [];
};
const entries = Object.keys(manifest.exports)
  .filter((subpath) => !subpath.endsWith('.json'))
  .flatMap(expand)
  .map((subpath) => (subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`));

const typesOnly = new Set([`${manifest.name}/react/jsx`, `${manifest.name}/vue`]);

test('every JavaScript entry in "exports" imports in a plain Node process', () => {
  assert.ok(existsSync(join(ROOT, 'dist/code-insights.js')), 'dist/ is missing: run `npm run build` first');
  assert.ok(entries.length >= 10 && entries.includes(`${manifest.name}/react`) && entries.includes(`${manifest.name}/code-insights.js`));
  assert.ok(entries.includes(`${manifest.name}/locales/de.js`), 'the translations are entries');
  for (const entry of entries) {
    // Throws (with the child's stderr) when the import does.
    const out = run(`
      if (typeof HTMLElement !== 'undefined' || typeof customElements !== 'undefined') throw Error('Node has a DOM here');
      const module = await import(${JSON.stringify(entry)});
      console.log(Object.keys(module).length);`);
    // The template types' entries hold types alone (an empty module); every other entry exports something.
    if (typesOnly.has(entry)) assert.equal(Number(out), 0, entry);
    else assert.ok(Number(out) > 0, `${entry} exports something`);
  }
});

test('the single file still offers window.CodeInsights.configure, as globalThis in Node', () => {
  const out = run(`await import('${manifest.name}/code-insights.js'); console.log(typeof globalThis.CodeInsights?.configure);`);
  assert.equal(out.trim(), 'function');
});

test("a Next.js-style server render of a page with the React entry's components does not throw", () => {
  const out = run(`
    import { createElement as h } from 'react';
    import { renderToString } from 'react-dom/server';
    const { CodeInsight, InsightAnnotation, InsightSeries, InsightsDashboard } = await import('${manifest.name}/react');
    const page = h('main', null,
      h(CodeInsight, { instance: 'https://sourcegraph.example.com', insightId: 'abc', seriesLimit: 3, token: 'sgp_never_in_html', onInsightLoad: () => {} },
        h(InsightSeries, { label: 'TypeScript', query: 'lang:typescript' }),
        h(InsightAnnotation, { date: '2026-03-01', label: 'Codemod landed' })),
      h(InsightsDashboard, { dashboardId: 'frontend' }));
    console.log(renderToString(page));`);
  // The tags render; their properties arrive on the client, where @lit/react sets them on the defined elements.
  // The token above all: never in the page's HTML.
  assert.doesNotMatch(out, /sgp_never_in_html/);
  assert.match(out, /<main><code-insight[^>]*><insight-series[^>]*><\/insight-series><insight-annotation[^>]*><\/insight-annotation><\/code-insight><insights-dashboard[^>]*><\/insights-dashboard><\/main>/);
});

test('@lit-labs/ssr renders a dashboard with a card and its series: declarative shadow roots with the loading state', () => {
  // Lit's server render constructs the elements (their controllers make no browser observers outside a browser)
  // and renders their first template; the browser then upgrades them, replacing that shadow root with its own
  // render, and loads the data (hydrating it instead would need lit's ssr-client support, which is not tested).
  const out = run(`
    import { render } from '@lit-labs/ssr';
    import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
    import { html } from 'lit';
    await import('${manifest.name}');
    console.log(collectResultSync(render(html\`<insights-dashboard dashboard-id="x" heading="Frontend"><code-insight instance="https://sourcegraph.example.com" insight-id="abc" goal="0"><insight-series label="TS" query="lang:typescript"></insight-series></code-insight></insights-dashboard>\`)));`);
  assert.match(out, /<insights-dashboard[^>]*><template shadowroot="open" shadowrootmode="open">/);
  assert.match(out, /<code-insight[^>]*insight-id="abc"[^>]*><template shadowroot="open" shadowrootmode="open">[\s\S]*Loading insight…[\s\S]*<\/template><insight-series/);
});
