import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEngine, EngineError, RegexpBudget, type Engine } from '../../../server/engine/index.ts';
import { makeTempDir, removeDir } from './git-fixture.ts';
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

const countAll = (regexp: RegExp, text: string): number => {
  let count = 0;
  regexp.lastIndex = 0;
  while (regexp.exec(text)) count++;
  return count;
};

describe('RegexpBudget', () => {
  it('returns the result of work that finishes in time', () => {
    assert.deepEqual(new RegexpBudget(BUDGET_MS).run('The pattern a', () => [countAll(/a/gi, 'aAa'), 'done']), [3, 'done']);
  });

  it('stops catastrophic backtracking within the limit, with and without the i flag', async () => {
    for (const [regexp, text] of [[/(a+)+$/gim, A_RUN], [/(x+x+)+y/gm, X_RUN], [/(x+x+)+y/gim, X_RUN]] as const) {
      const message = await timesOut(async () => new RegexpBudget(BUDGET_MS).run(`The pattern ${regexp.source}`, () => countAll(regexp, text)));
      assert.match(message, new RegExp(`^The pattern ${regexp.source.replace(/[()+$]/g, '\\$&')} took too long`));
    }
  });

  it('once over the limit, fails every later call at once without running it', () => {
    const budget = new RegexpBudget(BUDGET_MS);
    assert.throws(() => budget.run('The pattern (a+)+$', () => countAll(/(a+)+$/gim, A_RUN)), isTimeout);
    let ran = false;
    const started = performance.now();
    assert.throws(() => budget.run('The pattern (a+)+$', () => (ran = true)), isTimeout);
    assert.equal(ran, false);
    assert.ok(performance.now() - started < 50);
  });

  it('passes other errors through and stays usable', () => {
    const budget = new RegexpBudget(BUDGET_MS);
    assert.throws(() => budget.run('The pattern a', () => {
      throw new RangeError('not a timeout');
    }), RangeError);
    assert.equal(budget.run('The pattern a', () => 1), 1);
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
