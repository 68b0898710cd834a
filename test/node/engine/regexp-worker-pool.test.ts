import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { runRegexpJob, type RegexpJob } from '../../../server/engine/regexp-job.ts';
import { RegexpJobTimeout, RegexpWorkerPool, RegexpWorkersBusy } from '../../../server/engine/regexp-worker-pool.ts';
import { X_RUN } from './slow-regexp-fixture.ts';

/** Runs for seconds (2^32 steps): only a terminated worker stops it. */
const RUNAWAY: RegexpJob = { op: 'count', pattern: { source: '(x+x+)+y', flags: 'gm' }, texts: [X_RUN] };

describe('RegexpWorkerPool', () => {
  let pool: RegexpWorkerPool;

  afterEach(async () => {
    await pool?.close();
  });

  it('gives the same results as the main thread for each kind of job', async () => {
    pool = new RegexpWorkerPool({ size: 1, maxQueued: 4 });
    const manyValues = Array.from({ length: 600 }, (_, index) => `v${index}`).join(' ');
    const jobs: RegexpJob[] = [
      { op: 'count', pattern: { source: 'a|x*', flags: 'gi' }, texts: ['aAa', '', 'xyz', 'ünïcödé ä'] },
      { op: 'count', pattern: { source: '^\\s*(it|test)\\(', flags: 'gm' }, texts: ['it(1)\n  test(2)\nxit(3)'] },
      { op: 'captures', pattern: { source: 'v(\\d+)|w', flags: 'gi' }, texts: ['v1 v2 v1 w', manyValues, ''] },
      { op: 'filter', filter: { include: ['\\.ts$', '^src/'], exclude: ['test'], flags: 'i' }, texts: ['src/a.ts', 'src/a.test.ts', 'lib/b.ts', 'SRC/C.TS'] },
      { op: 'filter', filter: { include: [], exclude: [], flags: '' }, texts: ['anything'] },
    ];
    for (const job of jobs) assert.deepEqual((await pool.run(job, 5000)).result, runRegexpJob(job), JSON.stringify(job).slice(0, 80));
    const [, captures] = (await pool.run(jobs[2], 5000)).result as [string, number][][];
    assert.equal(captures.length, 500, 'capture values are capped as on the main thread');
  });

  it('stops a job over its limit by terminating its worker, and replaces the worker', async () => {
    pool = new RegexpWorkerPool({ size: 1, maxQueued: 1 });
    await pool.run({ op: 'count', pattern: { source: 'a', flags: 'g' }, texts: ['a'] }, 5000);
    const [first] = pool.threadIds;
    await assert.rejects(pool.run(RUNAWAY, 100), RegexpJobTimeout);
    assert.equal(pool.threadIds.length, 1);
    assert.notEqual(pool.threadIds[0], first);
    assert.deepEqual((await pool.run({ op: 'count', pattern: { source: '(a+)+$', flags: 'gim' }, texts: ['aaaaaaaaaa!', 'aa'] }, 5000)).result, [0, 1]);
  });

  it('queues a bounded number of jobs: past that, a job fails at once', async () => {
    pool = new RegexpWorkerPool({ size: 1, maxQueued: 1 });
    const running = pool.run(RUNAWAY, 300);
    const queued = pool.run({ op: 'count', pattern: { source: 'b', flags: 'g' }, texts: ['abba'] }, 5000);
    await assert.rejects(pool.run({ op: 'count', pattern: { source: 'c', flags: 'g' }, texts: ['c'] }, 5000), RegexpWorkersBusy);
    await assert.rejects(running, RegexpJobTimeout);
    // The queued job runs on the worker that replaced the stopped one.
    assert.deepEqual((await queued).result, [2]);
  });

  it('drops a queued job and stops a running one when their signal aborts', async () => {
    pool = new RegexpWorkerPool({ size: 1, maxQueued: 1 });
    // A worker ready and idle, so the next job runs at once.
    await pool.run({ op: 'count', pattern: { source: 'a', flags: 'g' }, texts: ['a'] }, 5000);
    const controller = new AbortController();
    const running = pool.run(RUNAWAY, 60_000, controller.signal);
    const queued = pool.run({ op: 'count', pattern: { source: 'a', flags: 'g' }, texts: ['a'] }, 5000, controller.signal);
    const [worker] = pool.threadIds;
    const reason = new Error('the request failed');
    controller.abort(reason);
    await assert.rejects(running, (error) => error === reason);
    await assert.rejects(queued, (error) => error === reason);
    assert.notEqual(pool.threadIds[0], worker);
    assert.deepEqual((await pool.run({ op: 'count', pattern: { source: 'a', flags: 'g' }, texts: ['aa'] }, 5000)).result, [2]);
  });
});
