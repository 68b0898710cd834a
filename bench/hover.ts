/**
 * Hover, in headless Chromium at its real frame rate (no flag that changes frame scheduling), on the single-file
 * build. Writes bench/results/hover.json. Run with `npm run bench` (needs `npm run build`), or on its own with
 * `npx tsx bench/hover.ts` (`--long` for the long series only; `BENCH_BUNDLE=<file>` measures another build).
 *
 * - 20 series × 520 points: pointermove events dispatched by script, the time from each to the tooltip's new
 *   content being rendered (handler and Lit), median and 95th percentile over 300 moves after a warm-up, and the
 *   longest main-thread task meanwhile.
 * - 1 series × 30,000 and × 100,000 points of noise (the hardest line to draw): real pointer moves (CDP Input,
 *   so the browser hit-tests them as a mouse), one per frame across the plot, from half a second after the chart
 *   is drawn (when a reader would reach for it). Traced (see `moveCosts`): per move, the time from its arrival to
 *   the end of the frame that painted it and the main-thread work it cost (hit testing, handlers, style, layout,
 *   paint, commit), median and max; the longest main-thread task and animation frame from the first move on
 *   (work the card was still doing after drawing, that the first move waited behind, counts).
 */
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../test/support/browser.ts';
import { serveFiles } from '../test/support/static-server.ts';
import { writeResult } from './results.ts';

const LONG_SERIES = [30_000, 100_000];
/** Pointer moves per long series: a pass and a half across the plot, three pixels apart. */
const LONG_MOVES = 300;
const FRAME_MS = 1000 / 60;

const probe = `
window.bench = { tasks: [] };
new PerformanceObserver((l) => { for (const e of l.getEntries()) bench.tasks.push(e); }).observe({ type: 'longtask' });
const ready = async (card) => {
  while (card.getAttribute('state') !== 'ready') await new Promise((r) => setTimeout(r, 20));
};
window.runHover = async () => {
  const series = Array.from({ length: 20 }, (_, s) => ({ id: 's' + s, label: 'Series ' + (s + 1),
    points: Array.from({ length: 520 }, (_, i) => ({ date: new Date(Date.UTC(2016, 0, 1) + i * 7 * 864e5).toISOString(), value: Math.round(100 + 50 * Math.sin(i / 20 + s) + s * 10) })) }));
  const card = document.querySelector('code-insight');
  card.data = { kind: 'line', title: '20 × 520', series };
  await ready(card);
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
};
// One series of n hourly samples of uniform noise over the whole range (seeded), like hourly counts of a busy
// repository: the hardest line to draw, every quarter-pixel column keeps four points spanning the plot's height.
// Resolves with the plot's box once the chart is drawn.
window.drawLong = async (n) => {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const points = Array.from({ length: n }, (_, i) => ({ date: new Date(Date.UTC(2010, 0, 1) + i * 36e5).toISOString(),
    value: Math.round(1000 * random()) }));
  const card = document.querySelector('code-insight');
  card.data = { kind: 'line', title: n + ' points', series: [{ id: 'long', label: 'Long series', points }] };
  await ready(card);
  const box = card.shadowRoot.querySelector('[part="chart"]').getBoundingClientRect();
  return { left: box.left, top: box.top, width: box.width, height: box.height };
};`;

const bundle = process.env.BENCH_BUNDLE ?? new URL('../dist/code-insights.js', import.meta.url);
const { server, origin } = await serveFiles({
  '/': ['text/html', `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><script src="/probe.js"></script>
    <script type="module" src="/c.js"></script></head><body><code-insight style="width: 900px"></code-insight></body></html>`],
  '/probe.js': ['text/javascript', probe],
  '/c.js': ['text/javascript', readFileSync(bundle)],
});
const browser = await launchChromium();

type Figures = { median: number; p95: number; moves: number; longestTaskMs: number };
let short: Figures | undefined;
if (!process.argv.includes('--long')) {
  const page = await open();
  short = (await page.evaluate('runHover()')) as Figures;
  console.log(`hover 20×520: median ${short.median.toFixed(2)} ms, p95 ${short.p95.toFixed(2)} ms per move (${short.moves} moves)`);
  await page.close();
}

const long = [];
for (const points of LONG_SERIES) {
  const page = await open();
  // Traced from before the data is set: a task already running when tracing starts is not recorded, and what the
  // card still does after drawing (the screen readers' table) is what a reader's first moves wait behind.
  const trace = await startTrace(page);
  const box = (await page.evaluate(`drawLong(${points})`)) as { left: number; top: number; width: number; height: number };
  await new Promise((resolve) => setTimeout(resolve, 500));
  const y = box.top + box.height / 2;
  for (let i = 0; i < LONG_MOVES; i++) {
    const started = performance.now();
    // Back and forth across the plot, a new sample under the pointer on every move.
    const step = (i * 3) % (2 * (box.width - 100));
    await page.mouse.move(box.left + 50 + (step < box.width - 100 ? step : 2 * (box.width - 100) - step), y);
    const left = FRAME_MS - (performance.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)))');
  const figures = moveCosts(await trace.stop());
  long.push({ series: 1, points, ...figures });
  console.log(
    `hover 1×${points}: move to painted frame median ${figures.moveMedianMs} ms, max ${figures.moveMaxMs} ms (${figures.moves} moves); ` +
      `main-thread work per move median ${figures.workMedianMs} ms, max ${figures.workMaxMs} ms; ` +
      `longest task ${figures.longestTaskMs} ms, longest animation frame ${figures.longestFrameMs} ms`,
  );
  await page.close();
}

writeResult('hover', { browser: browser.version(), series: 20, points: 520, ...short, long });
await browser.close();
server.close();

async function open(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
  await page.goto(origin);
  await page.waitForFunction('customElements.get("code-insight")');
  return page;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string }; animation_frame_timing_info?: { duration_ms: number } };
}

/** Chrome's tracing of the page's main thread (what DevTools' performance panel records). */
async function startTrace(page: Page): Promise<{ stop(): Promise<TraceEvent[]> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    // Not disabled-by-default-devtools.timeline: with it, Chromium counts every DOM node on every frame (its
    // DOMStats event), 5 ms a frame with a 100,000-row data table in the page, which is tracing's cost, not ours.
    categories: 'toplevel,devtools.timeline,input',
    transferMode: 'ReturnAsStream',
  });
  return {
    async stop() {
      const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      const { stream } = await complete;
      let text = '';
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle: stream! });
        text += chunk.data;
        if (chunk.eof) break;
      }
      await cdp.send('IO.close', { handle: stream! });
      const parsed = JSON.parse(text) as { traceEvents: TraceEvent[] } | TraceEvent[];
      return Array.isArray(parsed) ? parsed : parsed.traceEvents;
    },
  };
}

/**
 * From the trace, per pointer move: the time from the browser passing it to the page to the end of the frame that
 * painted its result (waiting behind other tasks, and for the frame, counts), and the main-thread time spent on it
 * (the task that dispatched its `pointermove`, with the hit test before it, plus the task that painted the frame
 * after it when that was another one). From the first move on: the longest main-thread task, and the longest
 * animation frame (the span the Long Animation Frames API reports, which also grows when frames queue up behind
 * slow rasterization although no single task is long).
 */
function moveCosts(events: TraceEvent[]) {
  const main = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  // When the browser passed each move on to the page (one clock for every process of a trace).
  const sent = events.filter((e) => e.name === 'RenderWidgetHostImpl::ForwardMouseEvent').map((e) => e.ts).sort((a, b) => a - b);
  const onMain = events.filter((e) => main.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts);
  // Top-level tasks only: a task nested in another (a nested run loop) belongs to its parent.
  const tasks: TraceEvent[] = [];
  for (const e of onMain) {
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask') continue;
    const last = tasks[tasks.length - 1];
    if (!last || e.ts >= last.ts + last.dur!) tasks.push(e);
  }
  const end = (k: number) => tasks[k].ts + tasks[k].dur!;
  /** Index of the top-level task that `e` ran in, or -1. */
  const taskOf = (e: TraceEvent) => {
    let [low, high] = [0, tasks.length - 1];
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (tasks[mid].ts <= e.ts) low = mid;
      else high = mid - 1;
    }
    return tasks[low] && e.ts >= tasks[low].ts && e.ts < end(low) ? low : -1;
  };
  const painted = new Set(onMain.filter((e) => e.name === 'Paint' || e.name === 'PrePaint').map(taskOf));
  const dispatched = onMain.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'pointermove');
  const moves = dispatched.map(taskOf).filter((t) => t >= 0);
  /** The task that painted the frame showing the move handled in task `t` (the i-th move): `t` itself or a later one. */
  const paintOf = (t: number, i: number) => {
    for (let k = t; k < tasks.length && (i + 1 === moves.length || k < moves[i + 1] || k === t); k++) if (painted.has(k)) return k;
    return t;
  };
  const work = moves.map((t, i) => (tasks[t].dur! + (paintOf(t, i) === t ? 0 : tasks[paintOf(t, i)].dur!)) / 1000);
  // Each move arrival, to the first dispatch at or after it (moves queued behind a long task are coalesced into one).
  const latency: number[] = [];
  let m = 0;
  for (const at of sent) {
    while (m < moves.length && dispatched[m].ts < at) m++;
    if (m === moves.length) break;
    latency.push((end(paintOf(moves[m], m)) - at) / 1000);
  }
  const firstSent = sent[0] ?? Infinity;
  const longestTask = Math.max(0, ...tasks.filter((k, i) => end(i) >= firstSent).map((k) => k.dur! / 1000));
  // Chromium notes each animation frame's duration (as the Long Animation Frames API reports it) where it begins.
  const frames = onMain.filter((e) => e.name === 'AnimationFrame' && e.ph === 'b' && e.args?.animation_frame_timing_info);
  const longestFrame = Math.max(
    0,
    ...frames.map((e) => e.args!.animation_frame_timing_info!.duration_ms).filter((ms, i) => frames[i].ts + ms * 1000 >= firstSent),
  );
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
  return {
    moves: latency.length,
    moveMedianMs: round(median(latency)),
    moveMaxMs: round(Math.max(0, ...latency)),
    workMedianMs: round(median(work)),
    workMaxMs: round(Math.max(0, ...work)),
    longestTaskMs: round(longestTask),
    longestFrameMs: round(longestFrame),
  };
}
