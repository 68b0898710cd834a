/**
 * Goals on insights computed from this checkout's own git history (issue 17): demo/goals.html as `npm start`
 * serves it, under the strict CSP, in Chromium. Each card reflects a goal status, draws its goal line, says its
 * headline, and the server's image embed of the same insight with the same goal says the same headline.
 * Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/browser.ts';
import { startDemoServer } from '../../support/demo-server.ts';

const STATUSES = ['on-track', 'behind', 'reached', 'no-progress', 'wrong-way', 'unknown'];
let server: Awaited<ReturnType<typeof startDemoServer>>;
let BASE: string;
let browser: Browser;

before(async () => {
  server = await startDemoServer(19_000 + Math.floor(Math.random() * 1000));
  BASE = server.base;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test('goals on the project history: goal line, headline and status, the same in the image embed', { timeout: 120_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective}`)));
  await page.goto(`${BASE}/goals.html`);
  // The history is computed on first ask: the cards poll until it is done.
  await page.waitForFunction(() => [...document.querySelectorAll('code-insight')].every((c) => c.getAttribute('state') === 'ready'), null, { timeout: 100_000 });
  const cards = await page.evaluate(() =>
    [...document.querySelectorAll('code-insight')].map((card) => ({
      id: card.getAttribute('insight-id')!,
      series: card.getAttribute('goal-series')!,
      status: card.getAttribute('goal-status'),
      goals: card.shadowRoot!.querySelectorAll('[data-mark="goal"]').length,
      projections: card.shadowRoot!.querySelectorAll('[data-mark="projection"]').length,
      headline: card.shadowRoot!.querySelector('[part="projection"]')?.textContent?.trim() ?? '',
      changes: card.shadowRoot!.querySelectorAll('[part~="change"]').length,
    })),
  );
  assert.deepEqual(problems, []);
  for (const card of cards) {
    assert.ok(STATUSES.includes(card.status ?? ''), `${card.series}: goal-status ${card.status}`);
    assert.equal(card.goals, 1, card.series);
    assert.ok(card.headline.length > 10, `${card.series}: headline "${card.headline}"`);
    assert.ok(card.changes >= 1, `${card.series}: changes`);
    if (card.status === 'on-track' || card.status === 'behind') assert.equal(card.projections, 1, card.series);
    const query = new URLSearchParams({ goal: '0', 'goal-series': card.series, compare: '1w', width: '1200' });
    const svg = await (await fetch(`${BASE}/embed/insight/${encodeURIComponent(card.id)}.svg?${query}`)).text();
    assert.match(svg, /data-mark="goal"/);
    const escaped = card.headline.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    assert.ok(svg.includes(card.headline) || svg.includes(escaped), `${card.series}: the embed says "${card.headline}"`);
  }
});
