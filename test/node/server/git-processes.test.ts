/**
 * The git processes behind the local server: a git that cannot start fails requests with a clear error
 * instead of ending the server, concurrent callers share one `git rev-parse HEAD`, and no more than a
 * fixed number of git processes run at once.
 *
 * Processes are counted by a `git` wrapper put first on the PATH, which logs when each one starts and ends.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { insightViewId, type ServerConfig } from '../../../server/sources/config.ts';
import { CAT_FILE_PROCESS_LIMIT } from '../../../server/engine/cat-file.ts';
import { GIT_PROCESS_LIMIT, gitProcesses, runGit, spawnFailureDetail } from '../../../server/engine/git.ts';
import { ProcessLimit } from '../../../server/engine/process-limit.ts';
import { createEngine } from '../../../server/engine/index.ts';
import { createTreeListingCache, GitRepository } from '../../../server/engine/repository.ts';
import { GitSource } from '../../../server/sources/git-source.ts';
import { createInsightsServer } from '../../../server/http/server.ts';
import { API, WEB, createFixtureRepositories, type FixturePaths } from '../engine/fixture-repositories.ts';
import { createRepository, git, makeTempDir, removeDir } from '../engine/git-fixture.ts';

const CHILD = new URL('../engine/out-of-file-handles.ts', import.meta.url).pathname;
const OUT_OF_HANDLES = /^GIT_FAILED: Reading repository github\.com\/acme\/api failed \(git rev-parse\): could not start git: too many open files$/;

let root: string;
let paths: FixturePaths;
let logFile: string;
let slowFile: string;
/** Without the wrapper: the child processes count nothing. */
const originalPath = process.env.PATH;

/** Runs out-of-file-handles.ts under `ulimit -n 64`: its exit code and the JSON it printed. */
function underLowFileLimit(mode: 'exhausted' | 'storm'): Promise<{ code: number | null; result: any; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', 'ulimit -n 64 && exec "$0" --import tsx "$1" "$2" "$3"', process.execPath, CHILD, mode, paths.api], {
      env: { ...process.env, PATH: originalPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      let result: unknown = null;
      try {
        result = JSON.parse(stdout);
      } catch {}
      resolve({ code, result, stderr });
    });
  });
}

/** The git processes the wrapper saw since the last reset: subcommands started, and the most running at once. */
function gitActivity(subcommand?: string): { started: string[]; peak: number } {
  const running = new Set<string>();
  const started: string[] = [];
  let peak = 0;
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    const [event, pid, ...args] = line.split(' ');
    if (event === 'start') {
      // The subcommand follows the fixed `-C <path> -c … -c core.quotePath=false` prefix.
      const command = args[args.indexOf('core.quotePath=false') + 1];
      if (subcommand && command !== subcommand) continue;
      started.push(command);
      running.add(pid);
      peak = Math.max(peak, running.size);
    } else if (event === 'end') {
      running.delete(pid);
    }
  }
  return { started, peak };
}

function resetGitActivity({ slow = false } = {}): void {
  writeFileSync(logFile, '');
  if (slow) writeFileSync(slowFile, '');
  else rmSync(slowFile, { force: true });
}

before(() => {
  root = makeTempDir('git-processes');
  paths = createFixtureRepositories(join(root, 'repositories'));
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const bin = join(root, 'bin');
  logFile = join(root, 'git.log');
  slowFile = join(root, 'slow');
  mkdirSync(bin);
  // Slow mode holds each process 0.2 s so that concurrent ones overlap for sure.
  writeFileSync(
    join(bin, 'git'),
    `#!/bin/sh\necho "start $$ $*" >> '${logFile}'\n[ -e '${slowFile}' ] && sleep 0.2\n'${realGit}' "$@"\ncode=$?\necho "end $$" >> '${logFile}'\nexit $code\n`,
    { mode: 0o755 },
  );
  // Before the engine first runs git: it reads the environment once.
  process.env.PATH = `${bin}:${process.env.PATH}`;
  resetGitActivity();
});

after(() => {
  if (root) removeDir(root);
});

describe('git processes', () => {
  describe('when git cannot start', () => {
    test('every call fails with GIT_FAILED "could not start git: too many open files", and the process lives on', { timeout: 60_000 }, async () => {
      const { code, result, stderr } = await underLowFileLimit('exhausted');
      assert.equal(code, 0, stderr);
      assert.ok(result.handlesTaken > 0);
      assert.equal(result.failureCount, 20);
      assert.equal(result.failures.length, 1);
      assert.match(result.failures[0], OUT_OF_HANDLES);
      assert.match(result.blobFailure, /^GIT_FAILED: Reading repository github\.com\/acme\/api failed \(git cat-file\): could not start git: too many open files \(reading [0-9a-f]{40}\)$/);
      // Twenty failures released their process slots: with handles back, git runs again.
      assert.deepEqual(result.recovered, ['ok', 'ok']);
    });

    test('200 concurrent engine calls under ulimit -n 64 are each answered or refused with a clear error', { timeout: 60_000 }, async () => {
      const { code, result, stderr } = await underLowFileLimit('storm');
      assert.equal(code, 0, stderr);
      const outcomes = Object.keys(result.counts);
      assert.equal(Object.values(result.counts as Record<string, number>).reduce((sum, n) => sum + n, 0), 200);
      assert.ok(outcomes.every((outcome) => outcome === 'ok' || /could not start git: too many open files/.test(outcome)), outcomes.join('\n'));
    });

    test('a missing binary, a full process table and the rest read as sentences', () => {
      const error = (code: string, message = `spawn git ${code}`) => Object.assign(new Error(message), { code });
      assert.equal(spawnFailureDetail(error('EMFILE')), 'could not start git: too many open files');
      assert.equal(spawnFailureDetail(error('ENFILE')), 'could not start git: too many open files in the system');
      assert.equal(spawnFailureDetail(error('EAGAIN')), 'could not start git: too many processes');
      assert.equal(spawnFailureDetail(error('ENOENT')), 'could not start git: git is not installed or not on the PATH');
      assert.equal(spawnFailureDetail(error('E2BIG', 'spawn E2BIG')), 'could not start git: spawn E2BIG');
    });
  });

  describe('rev-parse HEAD', () => {
    test('concurrent history spans start one rev-parse per repository', async () => {
      const engine = createEngine({ repositories: [{ name: API, path: paths.api }, { name: WEB, path: paths.web }] });
      resetGitActivity();
      const spans = await Promise.all(Array.from({ length: 50 }, () => engine.historySpan([])));
      assert.ok(spans.every((span) => span?.first.toISOString() === '2023-01-10T12:00:00.000Z' && span.last.toISOString() === '2023-05-10T12:00:00.000Z'));
      assert.deepEqual(gitActivity('rev-parse').started, ['rev-parse', 'rev-parse']);
      await engine.close();
    });

    test('insight views asked for together start one rev-parse for their time spans, one for their computation', async () => {
      const view = (name: string) => ({
        id: insightViewId(name), title: name, kind: 'line' as const, repositories: [API],
        step: 'auto' as const, points: 4, series: [{ seriesId: name, label: name, query: name }],
      });
      const config: ServerConfig = { repositories: [{ name: API, path: paths.api }], insights: [view('TODO'), view('lib')], dashboards: [] };
      const server = createInsightsServer({ source: new GitSource(config, { now: () => new Date('2023-05-15T00:00:00Z') }) });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const ids = Array.from({ length: 20 }, (_, i) => insightViewId(i % 2 ? 'TODO' : 'lib'));
        const query = `query(${ids.map((_, i) => `$id${i}: ID!`).join(', ')}) {\n${ids
          .map((_, i) => `v${i}: insightViews(id: $id${i}) { nodes { dataSeries { points { value } } } }`)
          .join('\n')}\n}`;
        resetGitActivity();
        const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/.api/graphql`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ query, variables: Object.fromEntries(ids.map((id, i) => [`id${i}`, id])) }),
        });
        const body = await response.json();
        assert.equal(body.errors, undefined, JSON.stringify(body.errors));
        assert.equal(Object.keys(body.data).length, 20);
        // Twenty views each read HEAD for their time span, then each insight's computation reads it once more.
        const started = gitActivity('rev-parse').started.length;
        assert.ok(started >= 1 && started <= 2, `${started} rev-parse processes`);
      } finally {
        server.close();
      }
    });

    test('a caller that gives up does not fail the others sharing its rev-parse', async () => {
      const repository = new GitRepository(API, paths.api, createTreeListingCache());
      const head = git(paths.api, ['rev-parse', 'HEAD']).trim();
      const controller = new AbortController();
      resetGitActivity();
      const abandoned = repository.resolveHead(controller.signal);
      const kept = repository.resolveHead();
      controller.abort();
      await assert.rejects(abandoned, { name: 'AbortError' });
      assert.equal(await kept, head);
      assert.equal(gitActivity('rev-parse').started.length, 1);
    });

    test('HEAD is read again once the shared rev-parse has finished, so a new commit is seen', async () => {
      const path = createRepository(join(root, 'moving'), [{ date: '2023-01-01T00:00:00Z', message: 'one', files: { a: 'a' } }]);
      const repository = new GitRepository('moving', path, createTreeListingCache());
      const first = await repository.resolveHead();
      git(path, ['-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', 'two'], {
        GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.com',
      });
      const second = await repository.resolveHead();
      assert.notEqual(second, first);
      assert.equal(second, git(path, ['rev-parse', 'HEAD']).trim());
    });
  });

  describe('limits', () => {
    test(`at most ${GIT_PROCESS_LIMIT} git commands run at once; the rest wait their turn and all succeed`, { timeout: 30_000 }, async () => {
      resetGitActivity({ slow: true });
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => runGit(paths.api, API, ['rev-parse', '--verify', `HEAD~${i % 5}`])),
      );
      const { started, peak } = gitActivity('rev-parse');
      resetGitActivity();
      assert.ok(results.every((result) => /^[0-9a-f]{40}\n$/.test(result.stdout.toString('utf8'))));
      assert.equal(gitProcesses.running, 0);
      assert.equal(started.length, 40);
      assert.ok(peak <= GIT_PROCESS_LIMIT && peak > 1, `${peak} at once`);
    });

    test('a caller that gives up while waiting for a slot leaves the queue and starts nothing', { timeout: 30_000 }, async () => {
      resetGitActivity({ slow: true });
      const busy = Array.from({ length: GIT_PROCESS_LIMIT }, () => runGit(paths.api, API, ['rev-parse', 'HEAD']));
      const controller = new AbortController();
      const waiting = runGit(paths.api, API, ['rev-parse', 'HEAD~1'], { signal: controller.signal });
      assert.equal(gitProcesses.waiting, 1);
      controller.abort();
      await assert.rejects(waiting, { name: 'AbortError' });
      assert.equal(gitProcesses.waiting, 0);
      await Promise.all(busy);
      const log = readFileSync(logFile, 'utf8');
      resetGitActivity();
      assert.equal(log.match(/ rev-parse HEAD\n/g)?.length, GIT_PROCESS_LIMIT);
      assert.doesNotMatch(log, /HEAD~1/);
    });

    test(`at most ${CAT_FILE_PROCESS_LIMIT} cat-file processes; idle ones make way for other repositories at once`, { timeout: 30_000 }, async () => {
      const count = CAT_FILE_PROCESS_LIMIT + 4;
      const repositories = Array.from({ length: count }, (_, i) => {
        const path = createRepository(join(root, `many-${i}`), [{ date: '2023-01-01T00:00:00Z', message: 'one', files: { 'file.txt': `repository ${i}\n` } }]);
        return { repository: new GitRepository(`many-${i}`, path, createTreeListingCache()), blob: git(path, ['rev-parse', 'HEAD:file.txt']).trim() };
      });
      resetGitActivity();
      const started = Date.now();
      const contents = await Promise.all(repositories.map(({ repository, blob }) => repository.readBlob(blob)));
      // Far below the 30 s after which an idle cat-file exits by itself.
      assert.ok(Date.now() - started < 10_000);
      assert.deepEqual(contents.map((content) => content?.toString('utf8')), repositories.map((_, i) => `repository ${i}\n`));
      await Promise.all(repositories.map(({ repository }) => repository.close()));
      const { started: catFiles, peak } = gitActivity('cat-file');
      assert.equal(catFiles.length, count);
      assert.ok(peak <= CAT_FILE_PROCESS_LIMIT, `${peak} at once`);
    });
  });

  describe('ProcessLimit', () => {
    test('grants slots first come, first served, and a release only once', async () => {
      const limit = new ProcessLimit(1);
      const first = await limit.acquire();
      const order: string[] = [];
      const second = limit.acquire().then((release) => (order.push('second'), release));
      const third = limit.acquire().then((release) => (order.push('third'), release));
      assert.equal(limit.waiting, 2);
      first();
      first();
      (await second)();
      (await third)();
      assert.deepEqual(order, ['second', 'third']);
      assert.equal(limit.running, 0);
    });

    test('an aborted waiter leaves the queue and never takes a slot', async () => {
      const limit = new ProcessLimit(1);
      const release = await limit.acquire();
      const controller = new AbortController();
      const waiter = limit.acquire(controller.signal);
      controller.abort();
      await assert.rejects(waiter, { name: 'AbortError' });
      assert.equal(limit.waiting, 0);
      release();
      assert.equal(limit.running, 0);
      await assert.rejects(limit.acquire(AbortSignal.abort()), { name: 'AbortError' });
    });

    test('asks an idle holder to make way when someone waits', async () => {
      const limit = new ProcessLimit(1);
      const release = await limit.acquire();
      let reclaimed = 0;
      const withdraw = limit.offerIdle(() => {
        reclaimed++;
        release();
      });
      assert.equal(reclaimed, 0);
      const next = await limit.acquire();
      assert.equal(reclaimed, 1);
      withdraw();
      next();
      assert.equal(limit.running, 0);
    });
  });
});
