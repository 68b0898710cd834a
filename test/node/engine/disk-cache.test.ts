import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEngine, type Engine, type EngineOptions } from '../../../server/engine/index.ts';
import { API, createFixtureRepositories, DATES } from './fixture-repositories.ts';
import { makeTempDir, removeDir } from './git-fixture.ts';

const EXPECTED_TODO = [0, 3, 6, 5, 4, 4];

/** Every cache file under the folder, recursively. */
function cacheFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

describe('disk cache', () => {
  let root: string;
  let cacheDir: string;
  let options: EngineOptions;
  const engines: Engine[] = [];

  const todoValues = async (): Promise<number[]> => {
    const engine = createEngine(options);
    engines.push(engine);
    const [series] = await engine.searchSeries({ query: 'TODO', repositories: [API], dates: DATES });
    return series.points.map((point) => point.value);
  };

  before(() => {
    root = makeTempDir('cache');
    cacheDir = join(root, 'cache');
    options = { repositories: [{ name: API, path: createFixtureRepositories(root).api }], cacheDir };
  });

  after(async () => {
    await Promise.all(engines.map((engine) => engine.close()));
    removeDir(root);
  });

  it('writes results to disk and a new engine returns the same numbers', async () => {
    assert.deepEqual(await todoValues(), EXPECTED_TODO);
    const files = cacheFiles(cacheDir);
    assert.ok(files.some((file) => file.includes(`${join('v1', 'points')}`)), 'a points file');
    assert.ok(files.some((file) => file.includes(`${join('v1', 'blobs')}`)), 'a blobs file');
    assert.ok(files.every((file) => file.endsWith('.json')), 'no temp files left behind');
    assert.deepEqual(await todoValues(), EXPECTED_TODO);
  });

  it('answers from the points on disk (a restarted process does not recount)', async () => {
    // Tamper with the stored totals: a new engine must return them, proving it read them.
    for (const file of cacheFiles(join(cacheDir, 'v1', 'points'))) {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: [string, number][] };
      data.entries = data.entries.map(([commit]) => [commit, 999]);
      writeFileSync(file, JSON.stringify(data));
    }
    assert.deepEqual(await todoValues(), [0, 999, 999, 999, 999, 999]);
  });

  it('ignores corrupt cache files and recomputes', async () => {
    for (const file of cacheFiles(cacheDir)) writeFileSync(file, '{"format": "code-insights-engine-cache", "entr');
    assert.deepEqual(await todoValues(), EXPECTED_TODO);
    // …and rewrites them as valid files.
    for (const file of cacheFiles(cacheDir)) assert.doesNotThrow(() => JSON.parse(readFileSync(file, 'utf8')));
  });

  it('works after cache files or the whole folder are deleted', async () => {
    for (const file of cacheFiles(join(cacheDir, 'v1', 'points'))) rmSync(file);
    assert.deepEqual(await todoValues(), EXPECTED_TODO);
    rmSync(cacheDir, { recursive: true, force: true });
    assert.deepEqual(await todoValues(), EXPECTED_TODO);
    assert.ok(cacheFiles(cacheDir).length > 0);
  });
});

describe('the disk cache folder stays within its size', () => {
  it('deletes the stores written longest ago once the folder is over its size', async () => {
    const { ResultCache } = await import('../../../server/engine/result-cache.ts');
    const folder = makeTempDir('disk-budget-');
    try {
      // A client sending ever new patterns: each one a store of its own.
      const cache = new ResultCache(folder, { maxDiskBytes: 4000 });
      for (let pattern = 0; pattern < 20; pattern++) {
        const store = await cache.open('points', `pattern ${pattern}`);
        // Ids as git's: 40 hex digits.
        for (let i = 0; i < 10; i++) store.set(`${String(pattern).padStart(2, '0')}${'a'.repeat(36)}${String(i).padStart(2, '0')}`, i);
        await cache.flush();
      }
      const files = readdirSync(join(folder, 'v1', 'points'));
      const bytes = files.reduce((sum, name) => sum + readFileSync(join(folder, 'v1', 'points', name)).length, 0);
      assert.ok(bytes <= 4000, `${bytes} bytes in ${files.length} files`);
      assert.ok(files.length >= 2 && files.length < 20, `${files.length} files`);
      // The newest store is the one kept.
      const reopened = new ResultCache(folder, { maxDiskBytes: 4000 });
      const newest = await reopened.open('points', 'pattern 19');
      assert.equal(newest.get(`19${'a'.repeat(36)}09`), 9);
    } finally {
      removeDir(folder);
    }
  });
});
