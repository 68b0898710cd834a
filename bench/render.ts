/**
 * Render time from data to a painted chart, ours (the single-file build, through the `data` property) against
 * Chart.js (its UMD build at its fastest settings) in the same page and run: median of several alternating runs
 * after a warm-up, for line charts of 1×12 to 100×520 (series × points), a stacked 20×520, a 12-slice pie and
 * 50 bars. Writes bench/results/render.json. Run with `npm run bench` (needs `npm run build`).
 *
 *   --check   only the 20×520 line chart, and fail when ours takes over 0.6 of Chart.js's time (CI's budget: a
 *             ratio, not a time, because the machines are shared and noisy)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { launchChromium } from '../test/support/browser.ts';
import { serveFiles } from '../test/support/static-server.ts';
import { writeResult } from './results.ts';

// chart.js's exports map hides its UMD build and its manifest: find them beside its main module.
const chartJsDist = dirname(createRequire(import.meta.url).resolve('chart.js'));
const chartJsFile = join(chartJsDist, 'chart.umd.min.js');
const chartJsVersion = (JSON.parse(readFileSync(join(chartJsDist, '..', 'package.json'), 'utf8')) as { version: string }).version;

/**
 * CI fails above this ratio (ours / Chart.js, at the real frame rate) for the 20×520 line chart; the goal is 0.5.
 * Measured 0.40–0.56 (median 0.47) in about twenty runs on 2 shared cores (0.74–0.96 before the chart drew before
 * its first frame); the margin is the noise of a shared machine, not room to grow.
 */
const RATIO_BUDGET = 0.6;

type Kind = 'line' | 'stacked' | 'pie' | 'bar';
const CASES: [Kind, number, number][] = [
  ['line', 1, 12],
  ['line', 5, 52],
  ['line', 20, 52],
  ['line', 20, 520],
  ['line', 100, 520],
  ['stacked', 20, 520],
  ['pie', 1, 12],
  ['bar', 1, 50],
];

const check = process.argv.includes('--check');
const cases = check ? CASES.filter(([kind, s, p]) => kind === 'line' && s === 20 && p === 520) : CASES;
const runs = check ? 15 : 11;

const { server, origin } = await serveFiles({
  '/': ['text/html', `<!doctype html><html lang="en"><head><link rel="icon" href="data:,">
    <script src="/chart.js"></script><script type="module" src="/code-insights.js"></script>
    <script src="/probe.js" defer></script>
    <style>body { margin: 0 } code-insight { display: block; width: 800px; height: 400px } canvas { display: block }</style>
    </head><body><div id="stage"></div></body></html>`],
  '/probe.js': ['text/javascript', readFileSync(new URL('./render-probe.js', import.meta.url))],
  '/chart.js': ['text/javascript', readFileSync(chartJsFile)],
  '/code-insights.js': ['text/javascript', readFileSync(new URL('../dist/code-insights.js', import.meta.url))],
});
type Row = { kind: Kind; series: number; points: number; oursMs: number; chartJsMs: number; ratio: number; unthrottledRatio?: number };
const problems: string[] = [];

/** Ours and Chart.js, case by case, in one browser launched with `flags`. */
async function measure(flags: string[]): Promise<{ rows: Row[]; version: string }> {
  const browser = await launchChromium(flags);
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(origin);
  await page.waitForFunction('customElements.get("code-insight") && window.compare && window.Chart');
  const rows: Row[] = [];
  for (const [kind, series, points] of cases) {
    const result = (await page.evaluate(`compare(${JSON.stringify(kind)}, ${series}, ${points}, ${runs})`)) as { ours: number; chartJs: number };
    rows.push({ kind, series, points, oursMs: round(result.ours), chartJsMs: round(result.chartJs), ratio: round(result.ours / result.chartJs, 2) });
  }
  const version = browser.version();
  await browser.close();
  return { rows, version };
}

// The main figure is at the browser's real frame rate, as a reader's browser paints. The second column lets
// frames come as fast as the work allows (no vsync): a chart that needs one more frame then costs that frame's
// work rather than up to 16 ms of waiting, which shows the work itself; it is not what a reader sees.
const real = await measure([]);
const unthrottled = await measure(['--disable-frame-rate-limit', '--disable-gpu-vsync']);
const rows = real.rows.map((row, i) => ({ ...row, unthrottledRatio: unthrottled.rows[i].ratio }));
for (const r of rows) {
  console.log(`render ${r.kind.padEnd(7)} ${`${r.series}×${r.points}`.padStart(7)}: ours ${r.oursMs} ms, Chart.js ${r.chartJsMs} ms, ratio ${r.ratio} (without vsync ${r.unthrottledRatio})`);
}
server.close();
if (problems.length) throw new Error(`errors in the benchmark page: ${problems.join('; ')}`);

if (check) {
  const [row] = rows;
  if (row.ratio > RATIO_BUDGET) {
    console.error(`20×520 line chart at the real frame rate: ours/Chart.js ${row.ratio} is over the budget of ${RATIO_BUDGET} (without vsync: ${row.unthrottledRatio}).`);
    process.exit(1);
  }
  console.log(`20×520 line chart at the real frame rate: ours/Chart.js ${row.ratio} (budget ${RATIO_BUDGET}, goal 0.5; without vsync ${row.unthrottledRatio})`);
} else {
  writeResult('render', { browser: real.version, chartJs: chartJsVersion, runs, viewport: '800×400', frames: 'real frame rate (ratio); without vsync (unthrottledRatio)', rows });
}

function round(value: number, digits = 1): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
