/**
 * The generated repository the benchmarks run on (engine series and the load test), made once and kept in the
 * OS temp folder, keyed by REPOSITORY_VERSION.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRepository, type GeneratedRepositoryStats } from './generate-repository.ts';

/** Change when the generator changes, so a stale cached repository is not reused. */
export const REPOSITORY_VERSION = 'v1-2400c';
const GENERATE = { commits: 2400, initialFiles: 220, start: new Date('2022-01-03T09:00:00Z'), spanDays: 900 };

export async function benchmarkRepository(): Promise<{ path: string; stats: GeneratedRepositoryStats; generatedMs: number | null }> {
  const folder = join(tmpdir(), `code-insights-engine-bench-${REPOSITORY_VERSION}`);
  const path = join(folder, 'repo.git');
  const marker = join(folder, 'complete.json');
  if (existsSync(marker)) {
    return { path, stats: JSON.parse(readFileSync(marker, 'utf8')) as GeneratedRepositoryStats, generatedMs: null };
  }
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const started = performance.now();
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', path]);
  const stats = await generateRepository(path, GENERATE);
  const generatedMs = performance.now() - started;
  // Written last: a run interrupted mid-generation regenerates next time.
  writeFileSync(marker, JSON.stringify(stats));
  return { path, stats, generatedMs };
}

