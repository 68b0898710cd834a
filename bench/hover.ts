/**
 * Hover on a 20-series × 520-point line chart (the single-file build, headless Chromium): the time from a
 * pointermove to the tooltip's new content being rendered, median and 95th percentile over 300 moves after a
 * warm-up, and the longest main-thread task meanwhile. Run with `npm run bench` (needs `npm run build`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { launchChromium } from '../test/support/browser.ts';
import { serveFiles } from '../test/support/static-server.ts';

const probe = `
const series = Array.from({ length: 20 }, (_, s) => ({ id: 's' + s, label: 'Series ' + (s + 1),
  points: Array.from({ length: 520 }, (_, i) => ({ date: new Date(Date.UTC(2016, 0, 1) + i * 7 * 864e5).toISOString(), value: Math.round(100 + 50 * Math.sin(i / 20 + s) + s * 10) })) }));
window.bench = { tasks: [] };
new PerformanceObserver((l) => { for (const e of l.getEntries()) bench.tasks.push(e); }).observe({ type: 'longtask' });
window.runHover = async () => {
  const card = document.querySelector('code-insight');
  card.data = { kind: 'line', title: '20 × 520', series };
  while (card.getAttribute('state') !== 'ready') await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 200));
  const area = card.shadowRoot.querySelector('[part="chart"]');
  const box = area.getBoundingClientRect();
  const times = [];
  const from = performance.now();
  for (let i = 0; i < 360; i++) {
    const x = box.left + 60 + ((i * 37) % (box.width - 80));
    const start = performance.now();
    area.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: box.top + 80, bubbles: true }));
    await card.updateComplete;
    if (i >= 60) times.push(performance.now() - start);
  }
  const to = performance.now();
  await new Promise((r) => setTimeout(r, 200)); // long-task entries arrive after the tasks
  times.sort((a, b) => a - b);
  // Long tasks while moving only: drawing the chart and its screen readers' table come before.
  const during = bench.tasks.filter((t) => t.startTime >= from && t.startTime <= to).map((t) => t.duration);
  return { median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)], moves: times.length, longestTaskMs: Math.max(0, ...during) };
};`;
const { server, origin } = await serveFiles({
  '/': ['text/html', `<!doctype html><script src="/probe.js"></script><script type="module" src="/c.js"></script><code-insight style="width: 900px"></code-insight>`],
  '/probe.js': ['text/javascript', probe],
  '/c.js': ['text/javascript', readFileSync(new URL('../dist/code-insights.js', import.meta.url))],
});
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
await page.goto(origin);
await page.waitForFunction('customElements.get("code-insight")');
const result = (await page.evaluate('runHover()')) as { median: number; p95: number; moves: number; longestTaskMs: number };
const report = { date: new Date().toISOString(), browser: browser.version(), series: 20, points: 520, ...result };
console.log(`hover 20×520: median ${result.median.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms per move (${result.moves} moves)`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/hover.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
await browser.close();
server.close();
