/**
 * How long a report of a 12-insight dashboard takes from the local server: the built CLI
 * (`server/dist/cli.js report`, so the figure includes starting Node) over this repository's own history, with
 * an empty cache (the first run of a cron job) and a warm one (the next), and through `--upstream` to a running
 * local server over the fixtures. Every run writes the HTML, the Markdown, the Slack payload and 12 PNGs.
 *
 *   npm run build && node --import tsx server/bench/report.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInsightsServer } from '../http/server.ts';
import { BULK_IDS } from '../sources/fixtures/insights.ts';
import { FixtureSource } from '../sources/fixtures/source.ts';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'server/dist/cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'report-bench-'));

const QUERIES: [string, string][] = [
  ['TODO', 'TODO case:yes'],
  ['FIXME', 'FIXME case:yes'],
  ['TypeScript files', 'lang:typescript'],
  ['JavaScript files', 'lang:javascript'],
  ['Test files', 'file:\\.test\\.ts$'],
  ['Stories', 'file:\\.stories\\.ts$'],
  ['lit imports', "from 'lit'"],
  ['d3 imports', 'from .d3-'],
  ['customElements.define', 'customElements.define'],
  ['#private fields', 'readonly #'],
  ['assert.equal', 'assert.equal('],
  ['fetch(', 'fetch('],
];
const config = {
  repositories: [{ name: 'github.com/code-insights-elements/code-insights-elements', path: root }],
  insights: QUERIES.map(([label, query], i) => ({ id: `bench-${i + 1}`, title: `${label} over time`, step: 'auto', points: 12, series: [{ label, query }] })),
  dashboards: [{ id: 'bench', title: 'Twelve insights', insights: QUERIES.map((_, i) => `bench-${i + 1}`) }],
};
writeFileSync(join(scratch, 'insights.config.json'), JSON.stringify(config));

function timed(label: string, args: string[]): number {
  const out = join(scratch, `out-${label.replace(/\W+/g, '-')}`);
  const started = performance.now();
  execFileSync(process.execPath, [cli, 'report', ...args, '--out', out], { cwd: scratch, stdio: ['ignore', 'pipe', 'inherit'] });
  const seconds = (performance.now() - started) / 1000;
  const images = readdirSync(join(out, 'images')).length;
  console.log(`${label}: ${seconds.toFixed(2)} s (${images} charts)`);
  if (images !== 12) throw new Error(`expected 12 charts, got ${images}`);
  return seconds;
}

const local = ['--config', 'insights.config.json', '--dashboard', 'bench', '--cache-dir', join(scratch, 'cache')];
const figures = { cold: timed('local, empty cache', local), warm: timed('local, warm cache', local), upstream: 0 };
const server = createInsightsServer({ source: new FixtureSource() });
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const upstream = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
// The report's own process waits on this one's server: run it without blocking the event loop.
const { execFile } = await import('node:child_process');
const started = performance.now();
await new Promise<void>((done, fail) =>
  execFile(process.execPath, [cli, 'report', '--upstream', upstream, ...BULK_IDS.slice(0, 12).flatMap((id) => ['--insight', id]), '--out', join(scratch, 'out-upstream')], (error) => (error ? fail(error) : done())),
);
figures.upstream = (performance.now() - started) / 1000;
console.log(`through --upstream to a local server (fixtures): ${figures.upstream.toFixed(2)} s (${readdirSync(join(scratch, 'out-upstream', 'images')).length} charts)`);
server.close();
rmSync(scratch, { recursive: true, force: true });
if (Math.max(figures.cold, figures.warm, figures.upstream) >= 10) process.exitCode = 1;
