/**
 * A plain page in German with the single file and the German module beside it: the wiki author's path to
 * translated cards. Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { launchChromium, watchedTab } from '../../support/browser.ts';
import { startFixtureEndpoint } from '../../support/endpoint.ts';
import { serveFiles } from '../../support/static-server.ts';

let browser: Browser;
let endpoint: Server;
let page: Server;
let pageOrigin: string;

before(async () => {
  endpoint = await startFixtureEndpoint(0);
  const instance = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/open`;
  const dist = (path: string) => readFileSync(new URL(`../../../dist/${path}`, import.meta.url));
  const served = await serveFiles({
    '/': ['text/html', `<!doctype html><html lang="de"><head><link rel="icon" href="data:,">
      <script type="module" src="/code-insights.js"></script><script type="module" src="/page.js"></script></head>
      <body><code-insight id="de" instance="${instance}" insight-id="${FIXTURE_IDS.migration}"></code-insight>
      <code-insight id="fr" locale="fr" instance="${instance}" insight-id="${FIXTURE_IDS.migration}"></code-insight></body></html>`],
    '/code-insights.js': ['text/javascript', dist('code-insights.js')],
    '/locales/de.js': ['text/javascript', dist('locales/de.js')],
    // The page's own module script, beside the single file: no bundler, no import map.
    '/page.js': ['text/javascript', `import de from './locales/de.js';\nCodeInsights.configure({ translations: { de } });`],
  });
  page = served.server;
  pageOrigin = served.origin;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  endpoint?.close();
  page?.close();
});

test('a page with lang="de", the single file and ./locales/de.js shows German words and German dates', async () => {
  const { tab, problems } = await watchedTab(browser);
  await tab.goto(pageOrigin);
  await tab.waitForSelector('code-insight#de[state="ready"]', { timeout: 10_000 });
  await tab.waitForSelector('code-insight#fr[state="ready"]', { timeout: 10_000 });
  const read = (id: string) =>
    tab.$eval(`code-insight#${id}`, (el) => ({
      summary: el.shadowRoot!.querySelector('svg.plot')!.getAttribute('aria-label'),
      menu: el.shadowRoot!.querySelector('.menu-button')!.getAttribute('aria-label'),
    }));
  const german = await read('de');
  assert.match(german.summary!, /^Migration to TypeScript\. Liniendiagramm, 2 Datenreihen, \d+\. [A-ZÄÖÜ][a-zäöü]+\.? \d{4} bis \d+\. (Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept\.|Okt\.|Nov\.|Dez\.) \d{4}\. Zuletzt: /);
  assert.equal(german.menu, 'Aktionen für das Insight');
  // No French module configured: French dates, the default (English) words, and no errors.
  const french = await read('fr');
  assert.match(french.summary!, /^Migration to TypeScript\. Line chart, 2 series, .* to \d+ [a-zéû]+\.? \d{4}\. Latest: /);
  assert.equal(french.menu, 'Insight actions');
  assert.deepEqual(problems, []);
});
