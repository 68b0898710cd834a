import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEngine, EngineError, type Engine } from '../../../server/engine/index.ts';
import { API, createFixtureRepositories, EMPTY, WEB } from './fixture-repositories.ts';
import { makeTempDir, removeDir } from './git-fixture.ts';

describe('aggregate and modeAvailability', () => {
  let root: string;
  let engine: Engine;

  before(() => {
    root = makeTempDir('aggregate');
    const paths = createFixtureRepositories(root);
    engine = createEngine({ repositories: [{ name: API, path: paths.api }, { name: WEB, path: paths.web }, { name: EMPTY, path: paths.empty }] });
  });

  after(async () => {
    await engine.close();
    removeDir(root);
  });

  it('groups matches at HEAD by repository', async () => {
    assert.deepEqual(await engine.aggregate({ query: 'TODO', repositories: [API, WEB, EMPTY], mode: 'REPO', limit: 10 }), {
      available: true,
      groups: [{ label: API, count: 4 }, { label: WEB, count: 3 }],
      otherGroupCount: 0,
      otherResultCount: 0,
    });
  });

  it('keeps `limit` groups and sums the rest', async () => {
    assert.deepEqual(await engine.aggregate({ query: 'TODO', repositories: [API, WEB], mode: 'REPO', limit: 1 }), {
      available: true,
      groups: [{ label: API, count: 4 }],
      otherGroupCount: 1,
      otherResultCount: 3,
    });
  });

  it('groups matches by file path (ties sorted by label)', async () => {
    assert.deepEqual(await engine.aggregate({ query: 'TODO', repositories: [API], mode: 'PATH', limit: 2 }), {
      available: true,
      groups: [{ label: 'README.md', count: 1 }, { label: 'config.json', count: 1 }],
      otherGroupCount: 2,
      otherResultCount: 2,
    });
    const web = await engine.aggregate({ query: 'TODO', repositories: [WEB], mode: 'PATH', limit: 10 });
    assert.deepEqual(web.available && web.groups, [{ label: 'index.ts', count: 2 }, { label: 'style.css', count: 1 }]);
  });

  it('groups matches by the first capture group', async () => {
    assert.deepEqual(await engine.aggregate({ query: 'patterntype:regexp lib@(\\d+)', repositories: [API], mode: 'CAPTURE_GROUP', limit: 10 }), {
      available: true,
      groups: [{ label: '3', count: 3 }, { label: '2', count: 1 }],
      otherGroupCount: 0,
      otherResultCount: 0,
    });
  });

  it('groups matching commits by author for type:commit', async () => {
    assert.deepEqual(await engine.aggregate({ query: 'type:commit fix', repositories: [API, WEB], mode: 'AUTHOR', limit: 10 }), {
      available: true,
      groups: [{ label: 'Alice', count: 2 }, { label: 'Bob', count: 1 }],
      otherGroupCount: 0,
      otherResultCount: 0,
    });
  });

  it('explains why a mode is unavailable', async () => {
    assert.deepEqual(await engine.aggregate({ query: 'TODO', repositories: [API], mode: 'AUTHOR', limit: 10 }), {
      available: false,
      reason: 'This mode is only available for commit and diff searches.',
    });
    const capture = await engine.aggregate({ query: 'patterntype:regexp lib@\\d+', repositories: [API], mode: 'CAPTURE_GROUP', limit: 10 });
    assert.deepEqual(capture, { available: false, reason: 'This query does not contain a capturing group.' });
  });

  it('reports mode availability per query', () => {
    assert.deepEqual(engine.modeAvailability('TODO').map((mode) => [mode.mode, mode.available]), [
      ['REPO', true], ['PATH', true], ['AUTHOR', false], ['CAPTURE_GROUP', false],
    ]);
    assert.deepEqual(engine.modeAvailability('patterntype:regexp lib@(\\d+)').map((mode) => mode.available), [true, true, false, true]);
    const commit = engine.modeAvailability('type:commit fix');
    assert.deepEqual(commit.map((mode) => mode.available), [true, false, true, false]);
    assert.equal(commit.find((mode) => mode.mode === 'PATH')?.reasonUnavailable, 'This mode is not available for commit and diff searches.');
    assert.ok(commit.filter((mode) => mode.available).every((mode) => mode.reasonUnavailable === null));
    const invalid = engine.modeAvailability('patterntype:regexp (');
    assert.ok(invalid.every((mode) => !mode.available && /not a valid regular expression/.test(mode.reasonUnavailable ?? '')));
  });

  it('rejects unknown repositories', async () => {
    await assert.rejects(
      engine.aggregate({ query: 'TODO', repositories: ['nope'], mode: 'REPO', limit: 10 }),
      (error: unknown) => error instanceof EngineError && error.code === 'UNKNOWN_REPOSITORY',
    );
  });
});
