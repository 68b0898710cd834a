/**
 * `report` run in-process against a local instance (the fixture server, asking for a token): the canary in a
 * real run (a failing insight first, exit status 2 with --fail-on-warnings, quiet on healthy data), goals from a
 * report file, hostile text staying text in every format, chart URLs for chat, and usage counted by the proxy and
 * the embeds and read back into "most viewed" / "not viewed this period".
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { InsightsClient } from '../../../src/api/client.ts';
import { createInsightsServer } from '../../../server/http/server.ts';
import { createUpstreamFetch } from '../../../server/proxy/index.ts';
import { reportMain } from '../../../server/report/cli.ts';
import { seriesStatus } from '../../../server/report/series-status.ts';
import { DASHBOARD_IDS, FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { FixtureSource } from '../../../server/sources/fixtures/source.ts';
import { readUsageFile, UsageCounter } from '../../../server/usage/usage-counter.ts';
import { decodePNG } from '../server/png-decode.ts';
import { TOKEN } from './token.ts';

let instance: Server;
let instanceURL: string;
let scratch: string;
let runs = 0;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** One report run over the instance; its exit status, what it said, and the files it wrote. */
async function report(...args: string[]) {
  const out = join(scratch, `run-${++runs}`);
  const lines: string[] = [];
  const status = await reportMain(['--upstream', instanceURL, '--out', out, ...args], (l) => lines.push(l), (l) => lines.push(l));
  const read = (file: string) => readFileSync(join(out, file), 'utf8');
  const files = status === 1 ? undefined : { html: read('report.html'), md: read('report.md'), slack: JSON.parse(read('slack.json')) as { blocks: Record<string, any>[] } };
  for (const text of [lines.join('\n'), files?.html ?? '', files?.md ?? '', JSON.stringify(files?.slack ?? '')]) assert.equal(text.includes(TOKEN), false, 'no token');
  return { status, output: lines.join('\n'), ...files! };
}

const headings = (md: string) => [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1].replace(/^\[(.+?)\]\(.*\)$/, '$1'));

before(async () => {
  instance = createInsightsServer({ source: new FixtureSource(), token: TOKEN });
  instanceURL = await listen(instance);
  scratch = mkdtempSync(join(tmpdir(), 'report-'));
  process.env.SRC_ACCESS_TOKEN = TOKEN;
});

after(() => {
  instance.close();
  rmSync(scratch, { recursive: true, force: true });
  delete process.env.SRC_ACCESS_TOKEN;
});

describe('report', () => {
  test('healthy data: no warnings, exit status 0 even with --fail-on-warnings', async () => {
    const run = await report('--dashboard', DASHBOARD_IDS.frontend, '--as-of', '2026-10-10', '--fail-on-warnings');
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, /^Frontend health: 3 without a goal; biggest change: .*\. No warnings\.$/m);
    assert.doesNotMatch(run.md, /Needs a look|⚠/);
  });

  test('a failing insight: flagged, first with --canary, exit status 2 with --fail-on-warnings', async () => {
    const missing = btoa('insight_view:"gone"');
    const run = await report('--insight', FIXTURE_IDS.migration, '--insight', missing, '--as-of', '2026-10-10', '--canary', '--fail-on-warnings');
    assert.equal(run.status, 2);
    assert.match(run.output, /warning: .*Could not be loaded/);
    assert.deepEqual(headings(run.md), ['Needs a look', missing, 'Migration to TypeScript']);
    assert.match(run.md, /1 without a goal, 1 could not be loaded.*1 warning\./);
    // Without --canary the report keeps the order it was given, and without --fail-on-warnings it succeeds.
    const plain = await report('--insight', FIXTURE_IDS.migration, '--insight', missing, '--as-of', '2026-10-10');
    assert.equal(plain.status, 0);
    assert.deepEqual(headings(plain.md), ['Migration to TypeScript', missing]);
  });

  test('stale data in a real run: the last point is more than two monthly steps old', async () => {
    const run = await report('--insight', FIXTURE_IDS.migration, '--as-of', '2026-12-15', '--fail-on-warnings');
    assert.equal(run.status, 2);
    assert.match(run.md, /No new point for 2 steps \(the last one is from Oct 1, 2026\)/);
  });

  test('goals from a report file: the card\'s status and sentence, counted in the summary', async () => {
    const file = join(scratch, 'report.json');
    writeFileSync(file, JSON.stringify({ title: 'Weekly', insights: [{ id: FIXTURE_IDS.migration, goal: 0, goalDate: '2027-12-31', goalSeries: 'js', better: 'down' }, FIXTURE_IDS.todos] }));
    const run = await report('--file', file, '--as-of', '2026-10-10');
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, /^Weekly: 1 on track, 1 without a goal;/m);
    assert.match(run.html, /<p data-status="on-track"[^>]*>On track: at this pace 0 around [A-Z][a-z]{2} 2027/);
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, JSON.stringify({ insights: [{ id: 'x', goalDate: '2027-01-01' }] }));
    const refused = await report('--file', bad);
    assert.equal(refused.status, 1);
    assert.match(refused.output, /insights\[0\] in .*bad\.json: .*goal-date/);
  });

  test('hostile titles and labels stay text in the HTML, the Markdown and the Slack payload', async () => {
    const run = await report('--insight', FIXTURE_IDS.hostile, '--as-of', '2026-10-10');
    assert.equal(run.status, 0);
    assert.doesNotMatch(run.html, /<script|<img src=x|onerror="/);
    assert.match(run.html, /&#60;script&#62;window.__pwned=1&#60;\/script&#62;/);
    assert.match(run.md, /\\<script\\>window\.\\_\\_pwned=1\\<\/script\\>/);
    const slack = JSON.stringify(run.slack);
    assert.doesNotMatch(slack, /<script|<img/);
    assert.match(slack, /&lt;script&gt;/);
    // A colour that tries to carry CSS is not a colour: no swatch for it.
    assert.doesNotMatch(run.html, /evil\.example|javascript:/);
  });

  test('with --image-base-url the Slack payload shows charts a server of embeds answers', async () => {
    const embeds = createInsightsServer({ source: new FixtureSource() });
    const base = await listen(embeds);
    try {
      const run = await report('--dashboard', DASHBOARD_IDS.frontend, '--as-of', '2026-10-10', '--image-base-url', `${base}/`);
      const images = run.slack.blocks.filter((b) => b.type === 'image');
      assert.equal(images.length, 3);
      for (const image of images) {
        assert.ok(image.image_url.startsWith(`${base}/embed/insight/`), image.image_url);
        const response = await fetch(image.image_url);
        assert.equal(response.status, 200);
        assert.equal(decodePNG(Buffer.from(await response.arrayBuffer())).width, 592 * 2);
      }
    } finally {
      embeds.close();
    }
  });
});

test('the canary\'s status query passes the read-only proxy\'s allowlist and reads every insight', async () => {
  const fetch = createUpstreamFetch({ upstream: instanceURL, token: TOKEN, log: () => {} });
  const ids = [FIXTURE_IDS.migration, FIXTURE_IDS.todos, FIXTURE_IDS.processing];
  const statuses = await seriesStatus({ fetch, instance: instanceURL, timeout: 10_000 }, ids, new AbortController().signal);
  assert.deepEqual([...statuses.keys()], ids);
  // The local server computes nothing in the background: no failed jobs, queued at the epoch (which the canary ignores).
  assert.deepEqual(statuses.get(FIXTURE_IDS.migration), { failedJobs: 0, queuedAt: 0 });
});

describe('usage', () => {
  test('the proxy and the embeds count views; a report shows the most viewed and those nobody viewed', async () => {
    const file = join(scratch, 'usage', 'usage.json');
    const usage = new UsageCounter({ file });
    const upstreamFetch = createUpstreamFetch({ upstream: instanceURL, token: TOKEN, log: () => {} });
    const proxy = createInsightsServer({ proxy: { upstreamFetch, allowOrigins: [] }, embedFetch: upstreamFetch, usage });
    const proxyURL = await listen(proxy);
    try {
      // Two readers of the migration insight through the elements' client, one of the TODOs as an image.
      for (let i = 0; i < 2; i++) await new InsightsClient(proxyURL, { fetch: globalThis.fetch, timeout: 10_000, retries: 0, retryDelay: 0, credentials: 'omit' }).insightView({ id: FIXTURE_IDS.migration });
      const image = await fetch(`${proxyURL}/embed/insight/${encodeURIComponent(FIXTURE_IDS.todos)}.svg`);
      assert.equal(image.status, 200);
      // Not readers: a chat showing a report's chart (its URL says so), a link unfurler, an image of no insight.
      const migration = `${proxyURL}/embed/insight/${encodeURIComponent(FIXTURE_IDS.migration)}.svg`;
      assert.equal((await fetch(`${migration}?from=report`)).status, 200);
      assert.equal((await fetch(migration, { headers: { 'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)' } })).status, 200);
      assert.equal((await fetch(`${proxyURL}/embed/insight/Reset-your-password-at-evil.example.svg`)).status, 404);
      // A report run through the proxy is not a reader.
      assert.equal(await reportMain(['--upstream', proxyURL, '--insight', FIXTURE_IDS.incomplete], () => {}, () => {}), 0);
      usage.save();
      const counts = readUsageFile(file);
      const total = (days: Record<string, number> | undefined) => Object.values(days ?? {}).reduce((a, b) => a + b, 0);
      assert.equal(total(counts.insights[FIXTURE_IDS.migration]), 2);
      assert.equal(total(counts.insights[FIXTURE_IDS.todos]), 1);
      assert.equal(total(counts.embeds[`insight/${FIXTURE_IDS.todos}`]), 1);
      assert.equal(counts.insights[FIXTURE_IDS.incomplete], undefined);
      assert.deepEqual(Object.keys(counts.embeds), [`insight/${FIXTURE_IDS.todos}`]);
      // Ids and day counts only.
      assert.deepEqual(Object.keys(counts).sort(), ['dashboards', 'embeds', 'insights', 'version']);
      assert.ok(Object.keys(counts.insights[FIXTURE_IDS.migration]).every((day) => /^\d{4}-\d{2}-\d{2}$/.test(day)));

      const run = await report('--dashboard', DASHBOARD_IDS.frontend, '--usage', file);
      assert.match(run.md, /\*\*Most viewed this period\*\*\n\n- \[Migration to TypeScript\]\([^)]+\): 2 views\n- \[TODOs and FIXMEs\]\([^)]+\): 1 view\n/);
      assert.match(run.md, /\*\*Not viewed this period\*\*\n\n- \[Uses of fetch\\?\(\\?\)\]\([^)]+\)\n/);
      assert.match(run.html, /Not viewed this period/);
    } finally {
      proxy.close();
    }
  });

  test('the local server counts its API\'s readers too, and a report run against it is not one', async () => {
    const usage = new UsageCounter();
    const local = createInsightsServer({ source: new FixtureSource(), usage });
    const localURL = await listen(local);
    try {
      await new InsightsClient(localURL, { fetch: globalThis.fetch, timeout: 10_000, retries: 0, retryDelay: 0, credentials: 'omit' }).dashboard(DASHBOARD_IDS.frontend);
      await new InsightsClient(localURL, { fetch: globalThis.fetch, timeout: 10_000, retries: 0, retryDelay: 0, credentials: 'omit' }).insightView({ id: FIXTURE_IDS.todos });
      assert.equal(await reportMain(['--upstream', localURL, '--dashboard', DASHBOARD_IDS.frontend], () => {}, () => {}), 0);
      const counts = usage.snapshot();
      assert.deepEqual(Object.keys(counts.dashboards), [DASHBOARD_IDS.frontend]);
      assert.deepEqual(Object.keys(counts.insights), [FIXTURE_IDS.todos]);
    } finally {
      local.close();
    }
  });
});
