import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEngine, EngineError, RegexpBudget, type Engine } from '../../../server/engine/index.ts';
import { runRegexpJob, type RegexpJob } from '../../../server/engine/regexp-job.ts';
import { RegexpWorkerPool } from '../../../server/engine/regexp-worker-pool.ts';
import { createRepository, makeTempDir, removeDir } from './git-fixture.ts';
import { A_RUN, createSlowRegexpRepository, SLOW, SLOW_DATES, SLOW_TODOS, X_RUN } from './slow-regexp-fixture.ts';

/** The limit the tests set: short, so they stay fast. */
const BUDGET_MS = 100;
/** What "stopped in time" means here: the limit plus git and scheduling, far below the tens of seconds unguarded. */
const BOUND_MS = 3000;

const isTimeout = (error: unknown): boolean => {
  assert.ok(error instanceof EngineError, String(error));
  assert.equal(error.code, 'REGEXP_TIMEOUT');
  assert.match(error.message, /took too long to run \(over 100 ms\) and was stopped\. Simplify the regular expression/);
  return true;
};

/** Runs work, checks it fails with REGEXP_TIMEOUT within BOUND_MS, and returns the error message. */
async function timesOut(work: () => Promise<unknown>): Promise<string> {
  const started = performance.now();
  let message = '';
  await assert.rejects(work(), (error: unknown) => isTimeout(error) && Boolean((message = (error as Error).message)));
  const elapsed = performance.now() - started;
  assert.ok(elapsed < BOUND_MS, `took ${Math.round(elapsed)} ms`);
  return message;
}

const pattern = (regexp: RegExp) => ({ source: regexp.source, flags: regexp.flags });
/** `(a+)+$` takes ~100–300 ms on this line (and as long again from its other starting points): over the slice, well under a few seconds. */
const SLOW_LINE = `${'a'.repeat(22)}!`;

describe('RegexpBudget', () => {
  it('counts, captures and filters like the matcher, for ordinary patterns', async () => {
    const budget = new RegexpBudget(BUDGET_MS);
    assert.deepEqual(await budget.count('The pattern a', pattern(/a|x*/gi), ['aAa', '', 'xyz']), [3, 0, 1]);
    assert.deepEqual(await budget.captures('The pattern v(\\d)', pattern(/v(\d)|w/gi), ['v1 v2 v1 w', 'none']), [[['1', 2], ['2', 1]], []]);
    assert.deepEqual(
      await budget.filter('The file: filter', { include: ['\\.ts$', '^src/'], exclude: ['test'], flags: 'i' }, ['src/a.ts', 'src/a.test.ts', 'lib/b.ts', 'SRC/C.TS']),
      [true, false, false, true],
    );
  });

  it('stops catastrophic backtracking within the limit, with and without the i flag', async () => {
    for (const [regexp, text] of [[/(a+)+$/gim, A_RUN], [/(x+x+)+y/gm, X_RUN], [/(x+x+)+y/gim, X_RUN]] as const) {
      const message = await timesOut(() => new RegexpBudget(BUDGET_MS).count(`The pattern ${regexp.source}`, pattern(regexp), [text]));
      assert.match(message, new RegExp(`^The pattern ${regexp.source.replace(/[()+$]/g, '\\$&')} took too long`));
    }
  });

  it('once over the limit, fails every later call at once with the same error', async () => {
    const budget = new RegexpBudget(BUDGET_MS);
    const first = await budget.count('The pattern (a+)+$', pattern(/(a+)+$/gim), [A_RUN]).catch((error: unknown) => error);
    assert.ok(isTimeout(first));
    const again = await budget.count('The pattern a', pattern(/a/g), ['a']).catch((error: unknown) => error);
    assert.equal(again, first);
  });

  it('finishes a batch that overruns the main thread\'s slice on a worker, with the same result', async () => {
    const workers = new RegexpWorkerPool({ size: 1, maxQueued: 1 });
    try {
      // Spelled unlike the other tests' patterns: a pattern already seen to be slow would skip the main thread.
      const regexp = /(?:a+)+$/gim;
      const texts = [`${SLOW_LINE}\naaa`, 'aa'];
      const budget = new RegexpBudget(30_000, { workers });
      assert.deepEqual(await budget.count('The pattern (?:a+)+$', pattern(regexp), texts), [1, 1]);
      assert.equal(workers.threadIds.length, 1, 'no worker was used');
      // Later batches of the same request go to the worker too.
      assert.deepEqual(await budget.count('The pattern (?:a+)+$', pattern(regexp), ['a!']), [0]);
    } finally {
      await workers.close();
    }
  });

  it('sends a request back to the main thread, and forgets its pattern as slow, when a batch is quick on the worker', async () => {
    // Both overrun the slice on the main thread on slowText; the fake workers say how long they "ran" there.
    const slowText = `${SLOW_LINE}?`;
    for (const [source, workerMs, nextOnWorker] of [['(?:a+)+!?$', 1, false], ['(?:a+)+!{0,1}$', 200, true]] as const) {
      const jobs: RegexpJob[] = [];
      const workers = {
        run: async <J extends RegexpJob>(job: J) => {
          jobs.push(job);
          return { result: runRegexpJob(job), ms: workerMs };
        },
      };
      const count = (text: string) => new RegexpBudget(30_000, { workers }).count(`The pattern ${source}`, { source, flags: 'gim' }, [text]);
      assert.deepEqual(await count(slowText), [0]);
      assert.equal(jobs.length, 1);
      // A later request with the same pattern, on harmless text.
      assert.deepEqual(await count('aa'), [1]);
      assert.equal(jobs.length, nextOnWorker ? 2 : 1, `after ${workerMs} ms on the worker`);
    }
  });

  it('terminates the worker of a batch over the limit and replaces it; the next request still runs', async () => {
    const workers = new RegexpWorkerPool({ size: 1, maxQueued: 1 });
    try {
      await timesOut(() => new RegexpBudget(BUDGET_MS, { workers }).count('The pattern ((a+)+$)', pattern(/((a+)+$)/gim), [A_RUN]));
      const [stopped] = workers.threadIds;
      await timesOut(() => new RegexpBudget(BUDGET_MS, { workers }).count('The pattern ((a+)+$)', pattern(/((a+)+$)/gim), [A_RUN]));
      assert.notEqual(workers.threadIds[0], stopped, 'the stopped worker was not replaced');
      // The same pattern, now known to be slow, goes to the (new) worker at once and works on harmless text.
      assert.deepEqual(await new RegexpBudget(BUDGET_MS, { workers }).count('The pattern ((a+)+$)', pattern(/((a+)+$)/gim), ['aa\nb']), [1]);
    } finally {
      await workers.close();
    }
  });

  it('fails at once, with REGEXP_TIMEOUT and a busy message, when the worker queue is full', async () => {
    const workers = new RegexpWorkerPool({ size: 1, maxQueued: 1 });
    try {
      const slow = (budget: RegexpBudget) => budget.count('The pattern (x+x+)+y', pattern(/(x+x+)+y/gm), [X_RUN]).catch((error: unknown) => error);
      const running = slow(new RegexpBudget(1000, { workers }));
      const queued = slow(new RegexpBudget(1000, { workers }));
      const refused = await slow(new RegexpBudget(1000, { workers }));
      assert.ok(refused instanceof EngineError && refused.code === 'REGEXP_TIMEOUT', String(refused));
      assert.match(refused.message, /^The pattern \(x\+x\+\)\+y runs slowly and the server is busy with other slow regular expressions/);
      for (const error of await Promise.all([running, queued])) assert.match((error as Error).message, /took too long to run \(over 1 s\)/);
    } finally {
      await workers.close();
    }
  });

  it('rejects a limit that is not a whole, positive number of milliseconds', () => {
    for (const ms of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => new RegexpBudget(ms), (error: unknown) => error instanceof EngineError && error.code === 'INVALID_REQUEST');
    }
  });
});

describe('the engine under the regexp time limit', () => {
  let root: string;
  let cacheDir: string;
  const engines: Engine[] = [];
  let engine: Engine;

  const newEngine = (): Engine => {
    const created = createEngine({ repositories: [{ name: SLOW, path: join(root, 'slow') }], cacheDir, regexpBudgetMs: BUDGET_MS });
    engines.push(created);
    return created;
  };
  const values = async (query: string, on: Engine = engine): Promise<number[]> => {
    const [series] = await on.searchSeries({ query, repositories: [SLOW], dates: SLOW_DATES });
    return series.points.map((point) => point.value);
  };

  before(() => {
    root = makeTempDir('regexp-budget');
    cacheDir = join(root, 'cache');
    createSlowRegexpRepository(root);
    engine = newEngine();
  });

  after(async () => {
    await Promise.all(engines.map((created) => created.close()));
    removeDir(root);
  });

  it('fails a catastrophic content pattern (case-insensitive, the default) with REGEXP_TIMEOUT, then still counts a normal query', async () => {
    const message = await timesOut(() => values('patterntype:regexp (a+)+$'));
    assert.match(message, /^The pattern \(a\+\)\+\$ took too long/);
    // Same repository, same cat-file process: nothing was left half-read.
    assert.deepEqual(await values('TODO'), SLOW_TODOS);
    assert.deepEqual(await values('patterntype:regexp a+!'), [0, 1, 1]);
  });

  it('fails a case-sensitive catastrophic pattern and a capture-group search the same way', async () => {
    await timesOut(() => values('patterntype:regexp (x+x+)+y case:yes'));
    await timesOut(() => engine.searchSeries({ query: 'patterntype:regexp (x+x+)+y', repositories: [SLOW], dates: SLOW_DATES, captureGroups: true }));
  });

  it('caches nothing from a timed-out search, in memory or on disk', async () => {
    await timesOut(() => values('patterntype:regexp ((a+)+$)'));
    // A cached count (wrongly 0) would make these answer instead of timing out again.
    await timesOut(() => values('patterntype:regexp ((a+)+$)'));
    await timesOut(() => values('patterntype:regexp ((a+)+$)', newEngine()));
  });

  it('limits file: filters, repo: filters and commit message searches too', async () => {
    assert.match(await timesOut(() => values('file:(a+)+\\.ts$ TODO')), /^The file: filter took too long/);
    assert.match(await timesOut(() => values('repo:(a+)+$ TODO')), /^The repo: filter took too long/);
    assert.match(await timesOut(() => values('type:commit patterntype:regexp (a+)+$')), /^The pattern \(a\+\)\+\$ took too long/);
    assert.deepEqual(await values('type:commit patterntype:regexp ^a+!$'), [0, 1, 1]);
  });

  it('limits aggregations', async () => {
    for (const mode of ['REPO', 'PATH', 'CAPTURE_GROUP'] as const) {
      await timesOut(() => engine.aggregate({ query: 'patterntype:regexp (a+)+$', repositories: [], mode, limit: 10 }));
    }
    await timesOut(() => engine.aggregate({ query: 'type:commit patterntype:regexp (x+x+)+y|(a+)+$', repositories: [], mode: 'AUTHOR', limit: 10 }));
    const result = await engine.aggregate({ query: 'TODO', repositories: [], mode: 'PATH', limit: 10 });
    assert.ok(result.available);
    assert.deepEqual(result.groups.map((group) => group.label).sort(), ['README.md', `src/${'a'.repeat(30)}.js`, 'src/app.ts']);
  });
});

describe('the engine with patterns too slow for the main thread but within the limit', () => {
  /** `(a+)+$` takes ~100–300 ms on a run this long followed by "!": over the main thread's slice, so the work moves to a worker. */
  const RUN = 'a'.repeat(22);
  const NAME = `github.com/acme/${RUN}!-aa`;
  let root: string;
  let engine: Engine;
  const values = async (query: string): Promise<number[]> => {
    const [series] = await engine.searchSeries({ query, repositories: [NAME], dates: SLOW_DATES });
    return series.points.map((point) => point.value);
  };

  before(() => {
    root = makeTempDir('regexp-worker-engine');
    createRepository(join(root, 'slowish'), [
      { date: '2023-01-10T12:00:00Z', message: `${RUN}!\n\naaa`, files: { [`notes/${RUN}!.txt`]: `${RUN}!\naaa\n`, 'notes/aa.txt': 'b\n' } },
      { date: '2023-02-10T12:00:00Z', message: 'plain', files: { 'more.txt': `${RUN}!\n` } },
    ]);
    engine = createEngine({ repositories: [{ name: NAME, path: join(root, 'slowish') }], regexpBudgetMs: 30_000 });
  });

  after(async () => {
    await engine?.close();
    if (root) removeDir(root);
  });

  it('counts file contents, file: and repo: filters and commit messages as on the main thread', async () => {
    // One match: the "aaa" line; the run before "!" never matches.
    assert.deepEqual(await values('patterntype:regexp (a+)+$'), [1, 1, 1]);
    // notes/aa.txt only.
    assert.deepEqual(await values('file:(a+)+\\.txt$'), [1, 1, 1]);
    // The name ends in "aa": included.
    assert.deepEqual(await values('repo:(a+)+$ file:more'), [0, 1, 1]);
    // The first commit's message has an "aaa" line.
    assert.deepEqual(await values('type:commit patterntype:regexp (a+)+$'), [1, 1, 1]);
  });
});
