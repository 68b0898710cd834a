/**
 * Memory and DOM nodes after 200 mount/unmount cycles of a card (the single-file build, headless Chromium):
 * each cycle appends a <code-insight> with a 5×52 line chart through `data`, waits for its chart, and removes
 * it. JS heap and the document's DOM nodes and listeners, after a forced garbage collection, before and after.
 * Writes bench/results/memory.json. Run with `npm run bench` (needs `npm run build`).
 */
import { readFileSync } from 'node:fs';
import { launchChromium } from '../test/support/browser.ts';
import { serveFiles } from '../test/support/static-server.ts';
import { writeResult } from './results.ts';

const CYCLES = 200;

const probe = `
const data = { kind: 'line', title: 'Cycle', series: Array.from({ length: 5 }, (_, s) => ({ id: 's' + s, label: 'Series ' + s,
  points: Array.from({ length: 52 }, (_, i) => ({ date: new Date(Date.UTC(2025, 0, 6) + i * 7 * 864e5).toISOString(), value: 100 + ((i * (s + 3)) % 40) })) })) };
window.cycle = async (count) => {
  for (let i = 0; i < count; i++) {
    const card = document.createElement('code-insight');
    card.data = data;
    document.body.append(card);
    while (card.getAttribute('state') !== 'ready') await new Promise((r) => requestAnimationFrame(r));
    // Long enough for the idle work (the screen readers' table) to have been scheduled.
    await new Promise((r) => setTimeout(r, 5));
    card.remove();
  }
};`;
const { server, origin } = await serveFiles({
  '/': ['text/html', `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><script src="/probe.js"></script>
    <script type="module" src="/code-insights.js"></script><style>code-insight { display: block; width: 600px; height: 300px }</style></head><body></body></html>`],
  '/probe.js': ['text/javascript', probe],
  '/code-insights.js': ['text/javascript', readFileSync(new URL('../dist/code-insights.js', import.meta.url))],
});
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(origin);
await page.waitForFunction('customElements.get("code-insight")');
const cdp = await page.context().newCDPSession(page);

async function sample() {
  // Idle callbacks and timers of removed cards first, then a full collection.
  await page.evaluate('new Promise((r) => setTimeout(r, 1200))');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  return { heapKiB: Math.round(heap.usedSize / 1024), nodes: counters.nodes, listeners: counters.jsEventListeners };
}

await page.evaluate('cycle(5)'); // warm-up: compiled code, formatters, styles
const before = await sample();
await page.evaluate(`cycle(${CYCLES})`);
const after = await sample();
await browser.close();
server.close();

const growth = { heapKiB: after.heapKiB - before.heapKiB, nodes: after.nodes - before.nodes, listeners: after.listeners - before.listeners };
console.log(
  `memory after ${CYCLES} mount/unmount cycles: heap ${before.heapKiB} → ${after.heapKiB} KiB (${signed(growth.heapKiB)}), ` +
    `DOM nodes ${before.nodes} → ${after.nodes} (${signed(growth.nodes)}), listeners ${before.listeners} → ${after.listeners}`,
);
writeResult('memory', { browser: browser.version(), cycles: CYCLES, before, after, growth });

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
