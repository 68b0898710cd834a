#!/usr/bin/env node
// Opens every story of the static Storybook (storybook-static/, from `npm run build-storybook`) in Chromium and
// fails on any console error, page error or CSP violation, or on a card in view that never leaves `loading`.
// Stories tagged `stays-loading` (the instance never answers) only need to render. Then every docs page: each must
// show its props table (from custom-elements.json) and render its stories with no console error either.
//
//   npm run build-storybook && npm run test:stories
//   CHROME_PATH=/path/to/chrome STORY=<id substring> node scripts/visit-stories.mjs
//   SHOTS=<folder> node scripts/visit-stories.mjs     (also saves a screenshot of each story, to look at)
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(process.argv[2] ?? 'storybook-static');
const SETTLE_TIMEOUT = 8_000;
const STAYS_LOADING_TAG = 'stays-loading';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.graphql': 'text/plain; charset=utf-8',
};

const CANDIDATES = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const executablePath = CANDIDATES.find((p) => p && existsSync(p));
if (!executablePath) {
  console.error('No Chromium found. Install one (Debian: `apt-get install -y chromium`) or set CHROME_PATH to a Chrome or Chromium binary.');
  process.exit(1);
}
if (!existsSync(join(ROOT, 'index.json'))) {
  console.error(`${join(ROOT, 'index.json')} is missing: run \`npm run build-storybook\` first.`);
  process.exit(1);
}

const server = createServer((request, response) => {
  let pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  // Chromium asks for /favicon.ico by itself; a 404 there would count as a console error.
  if (pathname === '/favicon.ico') pathname = '/favicon.svg';
  let file = normalize(join(ROOT, pathname));
  if (file !== ROOT && !file.startsWith(ROOT + sep)) return void response.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
  response.end(readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8'));
const only = process.env.STORY;
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && (!only || e.id.includes(only)));
const docs = Object.values(index.entries).filter((e) => e.type === 'docs' && (!only || e.id.includes(only)));
const DOCS_SETTLE = 1_500;

const browser = await chromium.launch({
  executablePath,
  args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'America/Los_Angeles' });
// Reported from the page before any story script runs, so every violation is seen.
await context.addInitScript(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
});

/** Every code-insight on the page, through shadow roots, that is in the viewport; and every dashboard. */
function unsettled(staysLoading) {
  const all = (root, selector, found = []) => {
    found.push(...root.querySelectorAll(selector));
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) all(el.shadowRoot, selector, found);
    return found;
  };
  const root = document.querySelector('#storybook-root');
  if (!root || !root.childElementCount) return ['the story did not render'];
  const inView = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
  };
  const cards = all(document, 'code-insight').filter(inView);
  const dashboards = all(document, 'insights-dashboard');
  if (staysLoading) return [...cards, ...dashboards].filter((el) => !el.shadowRoot).map((el) => `${el.localName} not upgraded`);
  return [
    ...cards.filter((el) => (el.getAttribute('state') ?? 'loading') === 'loading').map((el) => `code-insight ${el.getAttribute('insight-id') ?? el.getAttribute('heading') ?? ''}`.trim()),
    ...dashboards.filter((el) => (el.getAttribute('state') ?? 'loading') === 'loading').map(() => 'insights-dashboard'),
  ];
}

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
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'load' });
    try {
      const start = Date.now();
      let left = await page.evaluate(unsettled, staysLoading);
      while (left.length && Date.now() - start < SETTLE_TIMEOUT) {
        await page.waitForTimeout(50);
        left = await page.evaluate(unsettled, staysLoading);
      }
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
    await page.waitForSelector('.docblock-argstable tbody tr', { timeout: SETTLE_TIMEOUT }).catch(() => problems.push('no props table'));
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
server.close();
console.log(`visited ${stories.length} stories and ${docs.length} docs pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !stories.length ? 1 : 0);
