/**
 * Benchmark of the insights engine on a generated repository.
 *
 *   npx tsx server/bench/series.ts
 *
 * Times a 12-point monthly series (cold: new engine and empty cache folder;
 * warm: the same engine again; disk: a new engine on the same cache folder)
 * for a literal, a regexp and a capture-group query, prints a table and
 * writes the figures to server/bench/results.json. The repository is
 * generated once and kept in the OS temp folder (keyed by REPOSITORY_VERSION).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../engine/index.ts';
import { benchmarkRepository, REPOSITORY_VERSION } from './benchmark-repository.ts';

const QUERIES = [
  { query: 'TODO', captureGroups: false },
  { query: 'patterntype:regexp (TODO|FIXME)\\(\\w+\\)|FIXME:', captureGroups: false },
  { query: 'patterntype:regexp TODO\\((\\w+)\\)', captureGroups: true },
];

/** The last day of each of the 12 months up to the last commit's month (month-ends, like an insight's monthly points). */
function monthlyDates(lastCommit: Date): Date[] {
  const dates: Date[] = [];
  for (let back = 11; back >= 0; back--) {
    dates.push(new Date(Date.UTC(lastCommit.getUTCFullYear(), lastCommit.getUTCMonth() - back + 1, 0, 23, 59, 59)));
  }
  return dates;
}

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

async function main(): Promise<void> {
  const { path, stats, generatedMs } = await benchmarkRepository();
  const repositories = [{ name: 'github.com/acme/bench', path }];
  const dates = monthlyDates(new Date(stats.lastCommitDate));
  console.log(`Repository: ${stats.commits} commits, ${stats.filesAtHead} files at HEAD, ${stats.firstCommitDate.slice(0, 10)} → ${stats.lastCommitDate.slice(0, 10)}`
    + (generatedMs === null ? ' (cached)' : ` (generated in ${(generatedMs / 1000).toFixed(1)} s)`));

  const runs = [];
  for (const { query, captureGroups } of QUERIES) {
    const request = { query, repositories: repositories.map((repository) => repository.name), dates, captureGroups };
    const cacheDir = mkdtempSync(join(tmpdir(), 'code-insights-engine-bench-cache-'));
    try {
      const singlePointEngine = createEngine({ repositories });
      const singlePoint = await time(() => singlePointEngine.searchSeries({ ...request, dates: dates.slice(-1) }));
      await singlePointEngine.close();

      const engine = createEngine({ repositories, cacheDir });
      const cold = await time(() => engine.searchSeries(request));
      const warm = await time(() => engine.searchSeries(request));
      await engine.close();
      const restarted = createEngine({ repositories, cacheDir });
      const disk = await time(() => restarted.searchSeries(request));
      await restarted.close();

      const latest = cold.result.map((series) => series.points.at(-1)?.value ?? 0);
      const same = JSON.stringify(cold.result) === JSON.stringify(warm.result) && JSON.stringify(cold.result) === JSON.stringify(disk.result);
      if (!same) throw new Error(`Cached results differ from computed ones for ${query}`);
      runs.push({
        query,
        captureGroups,
        points: dates.length,
        series: cold.result.length,
        latestTotal: latest.reduce((sum, value) => sum + value, 0),
        coldSinglePointMs: Math.round(singlePoint.ms),
        coldMs: Math.round(cold.ms),
        warmMs: Math.round(warm.ms * 10) / 10,
        diskMs: Math.round(disk.ms * 10) / 10,
      });
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }

  console.table(runs.map((run) => ({
    query: run.query + (run.captureGroups ? ' (capture groups)' : ''),
    'series': run.series,
    'latest total': run.latestTotal,
    '1 point cold (ms)': run.coldSinglePointMs,
    '12 points cold (ms)': run.coldMs,
    'warm (ms)': run.warmMs,
    'disk cache (ms)': run.diskMs,
  })));

  const results = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    git: execFileSync('git', ['--version'], { encoding: 'utf8' }).trim(),
    repository: { version: REPOSITORY_VERSION, commits: stats.commits, filesAtHead: stats.filesAtHead, firstCommitDate: stats.firstCommitDate, lastCommitDate: stats.lastCommitDate, generatedMs: generatedMs === null ? null : Math.round(generatedMs) },
    dates: dates.map((date) => date.toISOString()),
    runs,
  };
  const output = join(dirname(fileURLToPath(import.meta.url)), 'results.json');
  writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Wrote ${output}`);
}

await main();
