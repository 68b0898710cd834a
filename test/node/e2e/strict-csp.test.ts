/**
 * Every kind and state on the strictest page SPEC.md promises to work on: `default-src 'none'; script-src 'self';
 * style-src 'self'; connect-src <instance>; img-src 'self' data: blob:; require-trusted-types-for 'script';
 * trusted-types lit-html`, loading only dist/code-insights.js. Zero securitypolicyviolation events, zero console
 * errors, while each card loads, fails, opens its menu and exports (the PNG export decodes an SVG through blob:).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DASHBOARD_IDS, FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { launchChromium } from '../../support/browser.ts';
import { startFixtureEndpoint } from '../../support/endpoint.ts';
import { serveFiles } from '../../support/static-server.ts';

let browser: Browser;
let endpoint: Server;
let page: Server;
let origin: string;

before(async () => {
  endpoint = await startFixtureEndpoint(0);
  const api = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`;
  const open = `${api}/open`;
  const cards = [
    `<code-insight instance="${open}" insight-id="${FIXTURE_IDS.migration}"></code-insight>`,
    `<code-insight instance="${open}" insight-id="${FIXTURE_IDS.hostile}"></code-insight>`,
    `<code-insight instance="${open}" insight-id="${FIXTURE_IDS.incomplete}" stacked></code-insight>`,
    `<code-insight instance="${open}" insight-id="${FIXTURE_IDS.migration}" kind="stat"></code-insight>`,
    `<code-insight instance="${open}" kind="languages" repository="github.com/acme/web"></code-insight>`,
    `<code-insight instance="${open}" kind="group-by" query="TODO" mode="path"></code-insight>`,
    `<code-insight instance="${open}" kind="group-by" query="TODO" mode="author"></code-insight>`,
    `<code-insight instance="${open}" repositories="github.com/acme/web" heading="Ad hoc"><insight-series label="x" query="x" capture-group></insight-series></code-insight>`,
    `<code-insight instance="${open}" insight-id="${FIXTURE_IDS.empty}"></code-insight>`,
    `<code-insight instance="${api}/status/500" insight-id="${FIXTURE_IDS.todos}"></code-insight>`,
    `<code-insight instance="${api}/body/not-json" insight-id="${FIXTURE_IDS.todos}"></code-insight>`,
    `<code-insight src="/incidents.csv"></code-insight>`,
    `<code-insight instance="${open}" insight-id="${FIXTURE_IDS.todos}" kind="pie"></code-insight>`,
    `<insights-dashboard instance="${open}" dashboard-id="${DASHBOARD_IDS.frontend}" filters-open></insights-dashboard>`,
  ];
  const csp =
    `default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' ${api}; img-src 'self' data: blob:; ` +
    `require-trusted-types-for 'script'; trusted-types lit-html`;
  const served = await serveFiles(
    {
      '/': ['text/html', `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><script type="module" src="/code-insights.js"></script></head><body>${cards.join('')}</body></html>`],
      '/code-insights.js': ['text/javascript', readFileSync(new URL('../../../dist/code-insights.js', import.meta.url))],
      '/incidents.csv': ['text/csv', 'date,P1,P2\n2026-07-01,3,10\n2026-08-01,1,12\n'],
    },
    { 'Content-Security-Policy': csp },
  );
  page = served.server;
  origin = served.origin;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  endpoint?.close();
  page?.close();
});

test('every kind and state works under a strict CSP with Trusted Types: no violation, no console error', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 4000 } });
  const tab = await context.newPage();
  const problems: string[] = [];
  // Chromium logs every failed HTTP answer ("Failed to load resource"): the card pointed at a failing instance
  // causes those on purpose. Anything else on the console is a problem.
  tab.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(`console: ${m.text()}`));
  tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await tab.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await tab.goto(origin);
  // Settled: every card (the dashboard's too) out of loading. Polled from here: the page's CSP forbids the
  // string evaluation waitForFunction would use.
  const settled = () =>
    tab.$$eval('code-insight, insights-dashboard', (elements) => {
      const cards = (elements as Element[]).flatMap((e): Element[] => (e.tagName === 'INSIGHTS-DASHBOARD' ? [...e.shadowRoot!.querySelectorAll('code-insight')] : [e]));
      return cards.length >= 16 && cards.every((c) => c.getAttribute('state') && c.getAttribute('state') !== 'loading');
    });
  // The dashboard comes after thirteen cards, near the 4,000 px page's end: its cards load lazily, once a reader
  // scrolls to them (within 300 px of the viewport), so the test scrolls there as a reader would.
  await tab.$eval('insights-dashboard', (dashboard) => dashboard.scrollIntoView());
  for (let i = 0; i < 150 && !(await settled()); i++) await tab.waitForTimeout(100);
  assert.ok(await settled(), 'the cards did not settle');
  const states = await tab.$$eval('body > code-insight', (cards) => cards.map((c) => c.getAttribute('state')));
  assert.deepEqual(states, ['ready', 'ready', 'ready', 'ready', 'ready', 'ready', 'error', 'ready', 'empty', 'error', 'error', 'ready', 'error']);
  // Open every menu, export every chart (PNG goes through a blob: image), hover every plot.
  const exported = (await tab.$$eval('body > code-insight', async (cards) => {
    let pngs = 0;
    for (const card of cards as (HTMLElement & { toPNG(): Promise<Blob>; toSVG(): string; toCSV(): string; state: string })[]) {
      if (card.state !== 'ready') continue;
      (card.shadowRoot!.querySelector('.menu-button') as HTMLElement | null)?.click();
      const area = card.shadowRoot!.querySelector('[part="chart"]')!;
      const box = area.getBoundingClientRect();
      area.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + box.width / 2, clientY: box.top + 60, bubbles: true }));
      card.toCSV();
      if (card.toSVG()) {
        await card.toPNG();
        pngs++;
      }
    }
    return pngs;
  })) as number;
  assert.ok(exported >= 6, `exported ${exported} charts as PNG`);
  await tab.waitForTimeout(300);
  assert.deepEqual(problems, []);
  await context.close();
});
