import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEngine, EngineError, type ComputedSeries, type Engine } from '../../../server/engine/index.ts';
import { API, createClones, createFixtureRepositories, DATES, EMPTY, WEB } from './fixture-repositories.ts';
import { makeTempDir, removeDir } from './git-fixture.ts';

const values = (series: ComputedSeries[]): number[] => {
  assert.equal(series.length, 1);
  return series[0].points.map((point) => point.value);
};

describe('searchSeries', () => {
  let root: string;
  let engine: Engine;
  let clones: { bare: string; shallow: string };

  before(() => {
    root = makeTempDir('series');
    const paths = createFixtureRepositories(root);
    clones = createClones(root, paths.api);
    engine = createEngine({
      repositories: [
        { name: API, path: paths.api },
        { name: WEB, path: paths.web },
        { name: EMPTY, path: paths.empty },
        { name: 'bare', path: clones.bare },
        { name: 'shallow', path: clones.shallow },
      ],
    });
  });

  after(async () => {
    await engine.close();
    removeDir(root);
  });

  const series = (query: string, repositories: string[] = [API]) => engine.searchSeries({ query, repositories, dates: DATES });

  it('counts a literal case-insensitively by default, and returns points in date order', async () => {
    const result = await series('TODO');
    assert.equal(result[0].label, 'TODO');
    assert.deepEqual(result[0].points.map((point) => point.date), DATES);
    // C1: server 2 + README 1; C2: + util 2 + config 1; C3: server 1; C4: util gone, build.sh 1.
    assert.deepEqual(values(result), [0, 3, 6, 5, 4, 4]);
  });

  it('counts case-sensitively with case:yes', async () => {
    assert.deepEqual(values(await series('TODO case:yes')), [0, 2, 4, 3, 2, 2]);
  });

  it('treats the whole non-filter text as one literal, spaces and special characters included', async () => {
    assert.deepEqual(values(await series('todo: validate port')), [0, 1, 1, 1, 1, 1]);
    assert.deepEqual(values(await series('"TODO write docs"')), [0, 1, 1, 1, 1, 1]);
    assert.deepEqual(values(await series('a + b')), [0, 0, 1, 1, 0, 0]);
  });

  it('uses a regular expression with patterntype:regexp (^ anchors lines)', async () => {
    assert.deepEqual(values(await series('patterntype:regexp ^//\\s*todo')), [0, 2, 4, 3, 1, 1]);
    assert.deepEqual(values(await series('patternType:regexp lib@[13]')), [0, 2, 2, 2, 2, 3]);
  });

  it('filters by language with lang: (repeats are ORed) and -lang:', async () => {
    assert.deepEqual(values(await series('lang:shell TODO')), [0, 0, 0, 0, 1, 1]);
    assert.deepEqual(values(await series('lang:typescript lang:json TODO')), [0, 2, 5, 4, 2, 2]);
    assert.deepEqual(values(await series('-lang:typescript TODO')), [0, 1, 2, 2, 3, 3]);
  });

  it('filters by path with file: (repeats are ANDed) and -file:', async () => {
    assert.deepEqual(values(await series('file:^src/ TODO')), [0, 2, 4, 3, 1, 1]);
    assert.deepEqual(values(await series('file:^src/ file:util TODO')), [0, 0, 2, 2, 0, 0]);
    assert.deepEqual(values(await series('-file:\\.md$ TODO')), [0, 2, 5, 4, 3, 3]);
  });

  it('counts matching files when the query has filters but no pattern', async () => {
    assert.deepEqual(values(await series('file:\\.ts$')), [0, 1, 2, 2, 1, 1]);
    assert.deepEqual(values(await series('lang:markdown')), [0, 1, 1, 1, 1, 1]);
    // Binary files are listed as path results too.
    assert.deepEqual(values(await series('file:\\.png$')), [0, 0, 0, 1, 1, 1]);
  });

  it('skips binary files and files over 1 MiB', async () => {
    assert.deepEqual(values(await series('PNG')), [0, 0, 0, 0, 0, 0]);
    // data/big.txt has 200,000 "needle" lines but is over the limit; data/small.txt has one.
    assert.deepEqual(values(await series('needle')), [0, 0, 0, 0, 0, 1]);
  });

  it('takes the last commit at or before each date (committer date)', async () => {
    const result = await engine.searchSeries({
      query: 'TODO',
      repositories: [API],
      dates: [new Date('2023-02-10T11:59:59Z'), new Date('2023-02-10T12:00:00Z')],
    });
    assert.deepEqual(values(result), [3, 6]);
  });

  it('sums repositories and applies repo: / -repo: filters to names', async () => {
    // web: W1 (2023-01-20) has 2, W2 (2023-03-20) has 3.
    assert.deepEqual(values(await series('TODO', [API, WEB])), [0, 3, 8, 7, 7, 7]);
    assert.deepEqual(values(await series('repo:web TODO', [API, WEB])), [0, 0, 2, 2, 3, 3]);
    assert.deepEqual(values(await series('-repo:^github\\.com/acme/api$ TODO', [API, WEB])), [0, 0, 2, 2, 3, 3]);
    assert.deepEqual(values(await series('repo:ACME TODO', [API, WEB])), [0, 3, 8, 7, 7, 7]);
  });

  it('returns one series per captured value, sorted by the latest value', async () => {
    const result = await engine.searchSeries({ query: 'patterntype:regexp lib@(\\d+)', repositories: [API], dates: DATES, captureGroups: true });
    assert.deepEqual(
      result.map((entry) => [entry.label, entry.points.map((point) => point.value)]),
      [
        ['3', [0, 0, 0, 1, 1, 3]],
        ['2', [0, 1, 1, 2, 2, 1]],
        ['1', [0, 2, 2, 1, 1, 0]],
      ],
    );
  });

  it('rejects captureGroups for a query without a capturing group', async () => {
    await assert.rejects(
      engine.searchSeries({ query: 'TODO', repositories: [API], dates: DATES, captureGroups: true }),
      (error: unknown) => error instanceof EngineError && error.code === 'INVALID_QUERY',
    );
  });

  it('counts commits whose message matches with type:commit (cumulative over history)', async () => {
    // "Add util and config (fixes #1)" (C2), "Fix logging TODO" (C3), "fix: bump lib" (C5).
    assert.deepEqual(values(await series('type:commit fix')), [0, 0, 1, 2, 2, 3]);
    assert.deepEqual(values(await series('type:commit')), [0, 1, 2, 3, 4, 5]);
  });

  it('returns zeros for an empty repository', async () => {
    assert.deepEqual(values(await series('TODO', [EMPTY])), [0, 0, 0, 0, 0, 0]);
  });

  it('reads bare repositories', async () => {
    assert.deepEqual(values(await series('TODO', ['bare'])), [0, 3, 6, 5, 4, 4]);
  });

  it('counts what a shallow clone has: 0 before its boundary', async () => {
    assert.deepEqual(values(await series('TODO', ['shallow'])), [0, 0, 0, 0, 4, 4]);
    // The clone has C4 and C5 only; of the "fix" commits only C5 is there (the full history above must not leak in).
    assert.deepEqual(values(await series('type:commit fix', [API])), [0, 0, 1, 2, 2, 3]);
    assert.deepEqual(values(await series('type:commit fix', ['shallow'])), [0, 0, 0, 0, 0, 1]);
  });

  it('uses every configured repository when the list is empty', async () => {
    // api + web + bare (same history as api) + shallow + empty.
    assert.deepEqual(values(await series('TODO', [])), [0, 6, 14, 12, 15, 15]);
  });

  it('rejects an unknown repository, naming it', async () => {
    await assert.rejects(series('TODO', [API, 'github.com/acme/nope']), (error: unknown) => {
      assert.ok(error instanceof EngineError);
      assert.equal(error.code, 'UNKNOWN_REPOSITORY');
      assert.match(error.message, /github\.com\/acme\/nope/);
      return true;
    });
  });

  it('rejects an invalid regular expression with the JavaScript reason', async () => {
    await assert.rejects(series('patterntype:regexp (unclosed'), (error: unknown) => {
      assert.ok(error instanceof EngineError);
      assert.equal(error.code, 'INVALID_REGEXP');
      assert.match(error.message, /Unterminated group/);
      return true;
    });
  });

  it('gives honest zeros for a query that matches nothing', async () => {
    assert.deepEqual(values(await series('no such text anywhere')), [0, 0, 0, 0, 0, 0]);
  });

  it('reports progress per (repository, date) up to the total', async () => {
    const calls: [number, number][] = [];
    await engine.searchSeries({ query: 'FIXME', repositories: [API, WEB], dates: DATES, onProgress: (completed, total) => calls.push([completed, total]) });
    assert.deepEqual(calls[0], [0, 12]);
    assert.deepEqual(calls.at(-1), [12, 12]);
    assert.equal(calls.length, 13);
    assert.ok(calls.every(([completed], index) => completed === index));
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      engine.searchSeries({ query: 'TODO', repositories: [API], dates: DATES, signal: controller.signal }),
      (error: unknown) => error instanceof Error && error.name === 'AbortError',
    );
  });

  it('fails with GIT_FAILED (not a crash) when a path is not a repository', async () => {
    const broken = createEngine({ repositories: [{ name: 'broken', path: root }] });
    await assert.rejects(
      broken.searchSeries({ query: 'TODO', repositories: ['broken'], dates: DATES }),
      (error: unknown) => error instanceof EngineError && error.code === 'GIT_FAILED',
    );
    await broken.close();
  });
});
