/**
 * A 48-insight dashboard in headless Chromium (1280×800) against the fixture endpoint over HTTP, loaded from
 * the single-file build as a page would: GraphQL requests, time to the first chart, time until every card in
 * view has its chart, the same after scrolling to the bottom, and the longest main-thread task (goal: none over
 * 50 ms). Median of several runs after a warm-up. Run with `npm run bench` (needs `npm run build`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { arch, cpus, platform } from 'node:os';
import { DASHBOARD_IDS } from '../server/sources/fixtures/insights.ts';
import { launchChromium } from '../test/support/browser.ts';
import { startFixtureEndpoint } from '../test/support/endpoint.ts';
import { serveFiles } from '../test/support/static-server.ts';

const RUNS = 5;

const endpoint = await startFixtureEndpoint(0);
const instance = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/open`;
const page = `<!doctype html><html lang="en"><head><link rel="icon" href="data:,">
<script type="module" src="/probe.js"></script><script type="module" src="/code-insights.js"></script></head>
<body><insights-dashboard instance="${instance}" dashboard-id="${DASHBOARD_IDS.bulk}" min-card-width="380"></insights-dashboard></body></html>`;
// Runs before the elements: records long tasks and when each card drew its chart.
const probe = `
window.bench = { longest: 0, longTasks: 0, loads: [], causes: [] };
new PerformanceObserver((list) => { for (const e of list.getEntries()) { bench.longTasks++; bench.longest = Math.max(bench.longest, e.duration); } })
  .observe({ type: 'longtask', buffered: true });
// What the long frames were busy with (long-animation-frame attribution): the script that ran longest, and the
// time spent in style and layout.
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.blockingDuration <= 0) continue;
    const script = [...e.scripts].sort((a, b) => b.duration - a.duration)[0];
    const style = e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0;
    bench.causes.push({ at: Math.round(e.startTime), ms: Math.round(e.duration), script: script ? script.invoker + ' ' + Math.round(script.duration) + ' ms' : 'none',
      styleAndLayoutMs: Math.round(style) });
  }
}).observe({ type: 'long-animation-frame', buffered: true });
document.addEventListener('insight-load', () => bench.loads.push(performance.now()));
window.cardsInView = () => {
  const dashboard = document.querySelector('insights-dashboard');
  const cards = [...dashboard.shadowRoot.querySelectorAll('code-insight')];
  const inView = cards.filter((c) => { const r = c.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; });
  return { total: cards.length, inView: inView.length, ready: inView.filter((c) => c.state === 'ready').length, allReady: cards.filter((c) => c.state === 'ready').length };
};`;
const { server: files, origin } = await serveFiles({
  '/': ['text/html', page],
  '/probe.js': ['text/javascript', probe],
  '/code-insights.js': ['text/javascript', readFileSync(new URL('../dist/code-insights.js', import.meta.url))],
});
const browser = await launchChromium();

interface Run {
  requestsInView: number;
  requestsAll: number;
  firstChartMs: number;
  allInViewMs: number;
  longestTaskMs: number;
  longTasks: number;
  causes: { at: number; ms: number; script: string; styleAndLayoutMs: number }[];
}

async function run(): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  let requests = 0;
  tab.on('request', (r) => r.url().includes('/.api/graphql') && r.method() === 'POST' && requests++);
  await tab.goto(origin);
  await tab.waitForFunction(() => {
    const c = (window as any).cardsInView();
    return c.total > 0 && c.ready === c.inView;
  });
  const inView = await tab.evaluate(() => ({ loads: (window as any).bench.loads as number[], now: performance.now() }));
  const requestsInView = requests;
  // Scroll down a viewport at a time, as a reader would, until every card has its chart.
  for (let i = 0; i < 20; i++) {
    await tab.mouse.wheel(0, 800);
    await tab.waitForTimeout(100);
  }
  await tab.waitForFunction(() => (window as any).cardsInView().allReady === 48, null, { timeout: 20_000 });
  const after = await tab.evaluate(() => (window as any).bench);
  await context.close();
  return {
    requestsInView,
    requestsAll: requests,
    firstChartMs: inView.loads[0],
    allInViewMs: inView.now,
    longestTaskMs: after.longest,
    longTasks: after.longTasks,
    causes: after.causes,
  };
}

await run(); // warm-up: browser caches, JIT
const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) runs.push(await run());
const median = (key: Exclude<keyof Run, 'causes'>) => {
  const sorted = runs.map((r) => r[key] as number).sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10;
};
const result = {
  date: new Date().toISOString(),
  machine: { platform: platform(), arch: arch(), cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, browser: browser.version() },
  runs: RUNS,
  median: {
    requestsInView: median('requestsInView'),
    requestsAll: median('requestsAll'),
    firstChartMs: median('firstChartMs'),
    allInViewMs: median('allInViewMs'),
    longestTaskMs: median('longestTaskMs'),
    longTasks: median('longTasks'),
  },
  worst: { longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)), requestsAll: Math.max(...runs.map((r) => r.requestsAll)) },
  /** Frames that blocked input (over 50 ms of task), in every run: when, how long, and what ran. */
  blockingFrames: runs.flatMap((r) => r.causes),
};
console.table(result.median);
console.log(`worst of ${RUNS}: longest task ${result.worst.longestTaskMs} ms, ${result.worst.requestsAll} requests`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/dashboard.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
await browser.close();
files.close();
endpoint.close();
