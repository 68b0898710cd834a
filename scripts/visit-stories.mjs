#!/usr/bin/env node
// Opens every story of the static Storybook (storybook-static/, from `npm run build-storybook`) in Chromium and
// fails on any console error, page error, CSP violation or axe-core violation, or on a card in view that never
// leaves `loading`.
// Stories tagged `stays-loading` (the instance never answers) only need to render. Then every docs page: each
// component's must show its props table (from custom-elements.json) and render its stories with no console error
// either; each guide (MDX) its title.
//
//   npm run build-storybook && npm run test:stories
//   CHROME_PATH=/path/to/chrome STORY=<id substring> node scripts/visit-stories.mjs
//   SHOTS=<folder> node scripts/visit-stories.mjs     (also saves a screenshot of each story, to look at)
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { axeViolations, launchChromium, serveStorybook, settle, storyURL } from './storybook-pages.mjs';

const ROOT = resolve(process.argv[2] ?? 'storybook-static');
const SETTLE_TIMEOUT = 8_000;
const STAYS_LOADING_TAG = 'stays-loading';
const DOCS_SETTLE = 1_500;

const { origin, close } = await serveStorybook(ROOT);
const index = JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8'));
const only = process.env.STORY;
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && (!only || e.id.includes(only)));
const docs = Object.values(index.entries).filter((e) => e.type === 'docs' && (!only || e.id.includes(only)));

const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'America/Los_Angeles' });
// Reported from the page before any story script runs, so every violation is seen.
await context.addInitScript(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
});

let passed = 0;
let failed = 0;
const started = Date.now();

/** A new page whose console errors and page errors are collected in `problems`. */
async function watchedPage() {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { page, problems };
}

function report(id, problems, ms, detail = '') {
  if (problems.length) {
    failed++;
    console.log(`✗ ${id} (${ms} ms)`);
    for (const problem of problems) console.log(`    ${problem}`);
  } else {
    passed++;
    console.log(`✓ ${id}${detail} (${ms} ms)`);
  }
}

for (const story of stories) {
  const staysLoading = story.tags?.includes(STAYS_LOADING_TAG) ?? false;
  const { page, problems } = await watchedPage();
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(origin)) problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  const t0 = Date.now();
  let states = '';
  try {
    await page.goto(storyURL(origin, story.id), { waitUntil: 'load' });
    try {
      const left = await settle(page, staysLoading, SETTLE_TIMEOUT);
      if (left.length) problems.push(`still loading after ${SETTLE_TIMEOUT / 1000} s: ${left.join(', ')}`);
    } catch (error) {
      problems.push(String(error));
    }
    states = await page.evaluate(() => {
      const all = (root, found = []) => {
        found.push(...root.querySelectorAll('code-insight'));
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) all(el.shadowRoot, found);
        return found;
      };
      const counts = {};
      for (const card of all(document)) counts[card.getAttribute('state') ?? 'none'] = (counts[card.getAttribute('state') ?? 'none'] ?? 0) + 1;
      return Object.entries(counts).map(([state, n]) => (n > 1 ? `${n}×${state}` : state)).join(' ');
    });
    if (process.env.SHOTS) {
      mkdirSync(process.env.SHOTS, { recursive: true });
      await page.screenshot({ path: join(process.env.SHOTS, `${story.id}.png`), fullPage: true });
    }
    const violations = await page.evaluate(() => window.__cspViolations);
    problems.push(...violations.map((v) => `CSP violation: ${v}`));
    problems.push(...(await axeViolations(page)).map((v) => `axe: ${v}`));
  } catch (error) {
    problems.push(`could not open: ${error.message}`);
  }
  await page.close();
  report(story.id, problems, Date.now() - t0, ` [${states || 'no cards'}${staysLoading ? ', stays loading' : ''}]`);
}

for (const entry of docs) {
  const { page, problems } = await watchedPage();
  const t0 = Date.now();
  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs`, { waitUntil: 'load' });
    // A component's page shows its props table; a guide (an MDX page of its own) its title.
    if (entry.tags?.includes('unattached-mdx')) await page.waitForSelector('.sbdocs-content h1', { timeout: SETTLE_TIMEOUT }).catch(() => problems.push('no title'));
    else await page.waitForSelector('.docblock-argstable tbody tr', { timeout: SETTLE_TIMEOUT }).catch(() => problems.push('no props table'));
    // The page renders every story of its component at once: give their requests time to answer or fail.
    await page.waitForTimeout(DOCS_SETTLE);
    problems.push(...(await page.evaluate(() => window.__cspViolations)).map((v) => `CSP violation: ${v}`));
  } catch (error) {
    problems.push(`could not open: ${error.message}`);
  }
  await page.close();
  report(entry.id, problems, Date.now() - t0);
}

await browser.close();
close();
console.log(`visited ${stories.length} stories and ${docs.length} docs pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !stories.length ? 1 : 0);
