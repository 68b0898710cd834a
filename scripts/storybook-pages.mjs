// What the story visitor and the screenshot script share: the static Storybook served over HTTP, Chromium, and
// the wait until every card in view has settled.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';

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

/** Serves the static Storybook in `root` on a free port; resolves to its origin and a `close`. */
export async function serveStorybook(root) {
  if (!existsSync(join(root, 'index.json'))) {
    console.error(`${join(root, 'index.json')} is missing: run \`npm run build-storybook\` first.`);
    process.exit(1);
  }
  const server = createServer((request, response) => {
    let pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    // Chromium asks for /favicon.ico by itself; a 404 there would count as a console error.
    if (pathname === '/favicon.ico') pathname = '/favicon.svg';
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    response.end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Debian's Chromium (or CHROME_PATH), as the browser tests use. */
export async function launchChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const executablePath = candidates.find((p) => p && existsSync(p));
  if (!executablePath) {
    console.error('No Chromium found. Install one (Debian: `apt-get install -y chromium`) or set CHROME_PATH to a Chrome or Chromium binary.');
    process.exit(1);
  }
  return chromium.launch({
    executablePath,
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
}

/** The URL of one story in the preview iframe, alone on its page. */
export const storyURL = (origin, id) => `${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`;

/** Every code-insight on the page, through shadow roots, that is in the viewport and still loading; and dashboards. */
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
  // An element that was never defined has no shadow root and no box: it would pass as "not in view".
  const undefinedElements = [...all(document, 'code-insight'), ...all(document, 'insights-dashboard')].filter((el) => !el.shadowRoot);
  if (undefinedElements.length) return undefinedElements.map((el) => `${el.localName} not upgraded`);
  const cards = all(document, 'code-insight').filter(inView);
  const dashboards = all(document, 'insights-dashboard');
  if (staysLoading) return [];
  return [
    ...cards.filter((el) => (el.getAttribute('state') ?? 'loading') === 'loading').map((el) => `code-insight ${el.getAttribute('insight-id') ?? el.getAttribute('heading') ?? ''}`.trim()),
    ...dashboards.filter((el) => (el.getAttribute('state') ?? 'loading') === 'loading').map(() => 'insights-dashboard'),
  ];
}

/** Waits until every card in view has left `loading`; resolves to what is still loading after `timeout` ms. */
export async function settle(page, staysLoading, timeout) {
  const start = Date.now();
  let left = await page.evaluate(unsettled, staysLoading);
  while (left.length && Date.now() - start < timeout) {
    await page.waitForTimeout(50);
    left = await page.evaluate(unsettled, staysLoading);
  }
  return left;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's violations on the page, shadow roots included: WCAG 2.1 A and AA and the best practices (heading
 * order among them). The rules about a whole page's landmarks and first heading are left out: a story is a
 * fragment of a host's page, not a page. Evaluated through the DevTools protocol, so the page's CSP allows it.
 */
export async function axeViolations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      rules: { region: { enabled: false }, 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join(' | ')}`);
  });
}
