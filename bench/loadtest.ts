/**
 * `npm run loadtest`: the servers under load and abuse, as they run in production (the built CLI, in child
 * processes on loopback, the local server under `ulimit -n 1024`):
 *
 *   - the local server: concurrent dashboard queries as the elements send them, and image embeds of each kind;
 *   - the read-only proxy in front of a stand-in instance: a cached and an uncached answer;
 *   - the hostile requests of bench/load/hostile.ts (fragment bombs, alias floods, huge images, runaway regular
 *     expressions, bad encodings, foreign origins and hosts, oversized bodies), each with an ordinary request
 *     sent at the same moment.
 *
 * It prints throughput, p50/p99 latency, errors and memory (RSS before/peak/after) per phase, writes
 * bench/results/loadtest.json, and exits non-zero when a server died, a load request waited longer than
 * LOAD_LIMIT_MS or got no HTTP answer, or a hostile request (or the ordinary one beside it) took longer than
 * its limit or was not refused as it should be. Bounded in count and time; it ends by itself.
 *
 *   npm run loadtest               the full run (200 concurrent dashboard readers for 20 s, …): a few minutes
 *   npm run loadtest -- --short    what CI runs: the same phases, smaller and shorter (under a minute)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dashboardId, insightViewId } from '../server/sources/config.ts';
import { benchmarkRepository } from '../server/bench/benchmark-repository.ts';
import { createSlowRegexpRepository } from '../test/node/engine/slow-regexp-fixture.ts';
import { StandInUpstream } from '../test/support/stand-in-upstream.ts';
import { startServer, type ChildServer } from './load/child-server.ts';
import { drive, type LoadFigures } from './load/drive.ts';
import { hostileCases, ORDINARY_LIMIT_MS, type HostileCase } from './load/hostile.ts';
import { graphql, send, type Answer } from './load/http-client.ts';
import { dashboardCall, dashboardViewIds, FIXTURE_LIKE_QUERY, viewsCall } from './load/queries.ts';
import { writeResult } from './results.ts';

const SHORT = process.argv.includes('--short');
const SIZES = SHORT
  ? { dashboardUsers: 50, dashboardSeconds: 5, embedUsers: 8, embedSeconds: 4, proxyUsers: 20, proxySeconds: 3 }
  : { dashboardUsers: 200, dashboardSeconds: 20, embedUsers: 20, embedSeconds: 10, proxyUsers: 50, proxySeconds: 10 };
/** No load request may wait longer than this (issue 14: "no request waits more than 5 s"). */
const LOAD_LIMIT_MS = 5000;
const TOKEN = 'sgp_loadtest_0123456789abcdef0123456789';

interface PhaseResult extends LoadFigures {
  phase: string;
  server: string;
  memory: { beforeMB: number; peakMB: number; afterMB: number };
}

interface HostileResult {
  name: string;
  server: string;
  slowestMs: number;
  limitMs: number;
  ordinaryMs: number;
  problems: string[];
}

const problems: string[] = [];
const phases: PhaseResult[] = [];
const hostile: HostileResult[] = [];
const round = (ms: number) => Math.round(ms);

async function phase(name: string, server: ChildServer, run: () => Promise<LoadFigures>): Promise<void> {
  const before = server.memory().nowMB;
  const figures = await run();
  await new Promise((resolve) => setTimeout(resolve, 1000)); // settle before reading "after"
  const memory = server.memory();
  phases.push({ phase: name, server: server.name, ...figures, memory: { beforeMB: before, peakMB: memory.peakMB, afterMB: memory.nowMB } });
  console.log(`  ${name}: ${figures.requests} requests, ${figures.perSecond}/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms, ${JSON.stringify(figures.statuses)}`);
  if (figures.maxMs > LOAD_LIMIT_MS) problems.push(`${name}: a request waited ${figures.maxMs} ms (limit ${LOAD_LIMIT_MS})`);
  if (figures.statuses['0']) problems.push(`${name}: ${figures.statuses['0']} requests got no HTTP answer: ${figures.failures.join(' | ')}`);
  if (!server.alive()) problems.push(`${name}: the ${server.name} ${server.exitReason()}\n${server.log()}`);
}

async function runHostile(cases: HostileCase[], servers: Record<HostileCase['server'], ChildServer>): Promise<void> {
  for (const entry of cases) {
    const server = servers[entry.server];
    // Each case on a quiet server: what is measured is this request, not the garbage of the one before.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const hostileAnswers = Promise.all(entry.calls.map((call) => send(server.base, call)));
    // The ordinary request goes out once the hostile work has started.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const ordinary: Answer = await send(server.base, graphql(FIXTURE_LIKE_QUERY));
    const answers = await hostileAnswers;
    const found = [...new Set(answers.map(entry.check).filter((p): p is string => p !== undefined))];
    const slowest = Math.max(...answers.map((a) => a.ms));
    if (slowest > entry.limitMs) found.push(`took ${round(slowest)} ms (limit ${entry.limitMs})`);
    if (ordinary.status !== 200) found.push(`the ordinary request beside it got ${ordinary.status || ordinary.error}`);
    if (ordinary.ms > ORDINARY_LIMIT_MS) found.push(`the ordinary request beside it took ${round(ordinary.ms)} ms (limit ${ORDINARY_LIMIT_MS})`);
    if (!server.alive()) found.push(`the ${server.name} ${server.exitReason()}`);
    hostile.push({ name: entry.name, server: server.name, slowestMs: round(slowest), limitMs: entry.limitMs, ordinaryMs: round(ordinary.ms), problems: found });
    console.log(`  ${found.length ? '✗' : '✓'} ${server.name}: ${entry.name}: ${round(slowest)} ms (limit ${entry.limitMs}), ordinary beside it ${round(ordinary.ms)} ms${found.length ? `\n      ${found.join('\n      ')}` : ''}`);
    problems.push(...found.map((p) => `${server.name}: ${entry.name}: ${p}`));
  }
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'code-insights-loadtest-'));
  const upstream = await new StandInUpstream().start();
  const servers: ChildServer[] = [];
  try {
    console.log(`Load test (${SHORT ? 'short' : 'full'}): preparing repositories`);
    const { path: benchRepository } = await benchmarkRepository();
    const slowRepository = createSlowRegexpRepository(scratch);
    const local = await startServer('local server', ['--repo', benchRepository, '--repo', slowRepository, '--cache-dir', join(scratch, 'cache')], { fileLimit: 1024 });
    servers.push(local);
    const proxy = await startServer('proxy', ['--upstream', upstream.url, '--cache-ttl', '30'], { env: { SRC_ACCESS_TOKEN: TOKEN } });
    servers.push(proxy);
    upstream.delayMs = 20; // an instance that takes a moment, so uncached answers overlap

    const dashboard = dashboardId('overview');
    console.log(`\nLocal server (${local.base}, ulimit -n 1024)`);
    await phase(`${SIZES.dashboardUsers} dashboard readers for ${SIZES.dashboardSeconds} s`, local, () =>
      drive(local.base, { concurrency: SIZES.dashboardUsers, seconds: SIZES.dashboardSeconds }, async (_user, _i, call) => {
        const ids = dashboardViewIds((await call(dashboardCall(dashboard))).text);
        if (ids.length) await call(viewsCall(ids));
      }),
    );
    const todos = encodeURIComponent(insightViewId('todos'));
    const embeds = [
      `/embed/insight/${todos}.svg`,
      `/embed/insight/${todos}.png?scale=2`,
      `/embed/dashboard/${encodeURIComponent(dashboard)}.svg`,
      `/embed/insight.svg?kind=languages&repository=${encodeURIComponent('local/repo.git')}`,
      `/embed/insight.svg?kind=group-by&query=TODO&mode=path&limit=10`,
    ];
    await phase(`embeds (SVG, PNG, dashboard, languages, group-by) by ${SIZES.embedUsers} readers for ${SIZES.embedSeconds} s`, local, () =>
      drive(local.base, { concurrency: SIZES.embedUsers, seconds: SIZES.embedSeconds }, async (user, i, call) => {
        await call({ path: embeds[(user + i) % embeds.length] });
      }),
    );

    console.log(`\nRead-only proxy (${proxy.base}) in front of a stand-in instance answering in ${upstream.delayMs} ms`);
    await phase(`cached answer, ${SIZES.proxyUsers} callers for ${SIZES.proxySeconds} s`, proxy, () =>
      drive(proxy.base, { concurrency: SIZES.proxyUsers, seconds: SIZES.proxySeconds }, async (_user, _i, call) => {
        await call(graphql(FIXTURE_LIKE_QUERY, {}, 'Views'));
      }),
    );
    await phase(`uncached answers, ${SIZES.proxyUsers} callers for ${SIZES.proxySeconds} s`, proxy, () =>
      drive(proxy.base, { concurrency: SIZES.proxyUsers, seconds: SIZES.proxySeconds }, async (user, i, call) => {
        await call(graphql('query Views($n: Int) { insightViews(first: $n) { nodes { id } } }', { n: user * 100_000 + i }, 'Views'));
      }),
    );

    console.log('\nHostile requests (each with an ordinary request beside it)');
    await runHostile(
      hostileCases({ insightId: insightViewId('todos'), localHost: new URL(local.base).host, proxyHost: new URL(proxy.base).host }),
      { local, proxy },
    );
    for (const server of servers) if (!server.alive()) problems.push(`the ${server.name} ${server.exitReason()}\n${server.log()}`);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await upstream.stop();
    rmSync(scratch, { recursive: true, force: true });
  }

  console.log('');
  console.table(phases.map((p) => ({ server: p.server, phase: p.phase, 'req/s': p.perSecond, 'p50 ms': p.p50Ms, 'p99 ms': p.p99Ms, 'max ms': p.maxMs, statuses: JSON.stringify(p.statuses), 'RSS MB before/peak/after': `${p.memory.beforeMB}/${p.memory.peakMB}/${p.memory.afterMB}` })));
  writeResult(SHORT ? 'loadtest-short' : 'loadtest', { short: SHORT, sizes: SIZES, limits: { loadMs: LOAD_LIMIT_MS, ordinaryMs: ORDINARY_LIMIT_MS }, phases, hostile, problems });
  if (problems.length) {
    console.error(`\nLoad test failed:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
  } else console.log(`\nLoad test passed: every server up, every request answered within its limit (${phases.length} load phases, ${hostile.length} hostile cases).`);
}

await main();
