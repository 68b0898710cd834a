/**
 * The whole path a wiki author takes: a plain HTML page, one script tag for dist/code-insights.js, a
 * <code-insight> pointing at an instance on another origin, the token set as a property, and a strict CSP.
 * Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { launchChromium, watchedTab } from '../../support/browser.ts';
import { SECURE_TOKEN, startFixtureEndpoint } from '../../support/endpoint.ts';
import { serveFiles } from '../../support/static-server.ts';

let browser: Browser;
let endpoint: Server;
let page: Server;
let instance: string;
let pageOrigin: string;

before(async () => {
  endpoint = await startFixtureEndpoint(0);
  const endpointOrigin = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`;
  instance = `${endpointOrigin}/secure`;
  const csp =
    `default-src 'none'; script-src 'self'; style-src 'self'; connect-src ${endpointOrigin}; img-src 'self' data: blob:; ` +
    `require-trusted-types-for 'script'; trusted-types lit-html`;
  const served = await serveFiles(
    {
      '/': ['text/html', `<!doctype html><html lang="en"><head><link rel="icon" href="data:,">
        <script type="module" src="/code-insights.js"></script><script type="module" src="/page.js"></script></head>
        <body><code-insight instance="${instance}" insight-id="${FIXTURE_IDS.migration}"></code-insight></body></html>`],
      '/code-insights.js': ['text/javascript', readFileSync(new URL('../../../dist/code-insights.js', import.meta.url))],
      // The page's own script sets the token as a property: it never appears in the HTML. It arrives well after
      // the library has upgraded the card, and the card still makes no request without it.
      '/page.js': ['text/javascript', `document.querySelector('code-insight').token = ${JSON.stringify(SECURE_TOKEN)};`, 500],
    },
    { 'Content-Security-Policy': csp },
  );
  page = served.server;
  pageOrigin = served.origin;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  endpoint?.close();
  page?.close();
});

test('a plain page with only dist/code-insights.js renders a saved insight under a strict CSP', async () => {
  const { tab, problems } = await watchedTab(browser);
  await tab.goto(pageOrigin);
  await tab.waitForSelector('code-insight[state="ready"]', { timeout: 10_000 });

  const series = await tab.$$eval('code-insight', ([el]) =>
    [...el.shadowRoot!.querySelectorAll('path[data-mark="line"]')].map((p) => p.getAttribute('data-series-id')),
  );
  assert.deepEqual(series, ['ts', 'js']);
  assert.deepEqual(problems, []);

  const html = await tab.evaluate(() => document.documentElement.outerHTML + document.querySelector('code-insight')!.shadowRoot!.innerHTML);
  assert.ok(!html.includes(SECURE_TOKEN), 'the token must not be in the DOM');

  const log = await (await fetch(`${instance.replace('/secure', '')}/__log`)).json();
  const graphql = log.filter((r: { url: string }) => r.url.includes('/.api/graphql'));
  assert.equal(graphql.length, 1);
  assert.equal(graphql[0].headers.authorization, `token ${SECURE_TOKEN}`);
  assert.ok(!graphql[0].url.includes(SECURE_TOKEN));
  assert.equal(graphql[0].headers.referer, undefined);
  if (graphql[0].upstreamErrors !== null) assert.deepEqual(graphql[0].upstreamErrors, []);
});
