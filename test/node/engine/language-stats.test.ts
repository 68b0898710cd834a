import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEngine, EngineError, languageForPath, type Engine } from '../../../server/engine/index.ts';
import { BIG_TXT, BUILD_SH, CONFIG_JSON, createFixtureRepositories, DEPS_V3, EMPTY, README_MD, SERVER_TS_V2, SMALL_TXT, API } from './fixture-repositories.ts';
import { makeTempDir, removeDir } from './git-fixture.ts';

const bytes = (...contents: string[]): number => contents.reduce((sum, content) => sum + Buffer.byteLength(content), 0);

describe('languageStats', () => {
  let root: string;
  let engine: Engine;

  before(() => {
    root = makeTempDir('languages');
    const paths = createFixtureRepositories(root);
    engine = createEngine({ repositories: [{ name: API, path: paths.api }, { name: EMPTY, path: paths.empty }] });
  });

  after(async () => {
    await engine.close();
    removeDir(root);
  });

  it('counts lines and bytes per language at HEAD, skipping binary and unknown files', async () => {
    assert.deepEqual(await engine.languageStats({ repository: API }), [
      // deps.txt 4 + data/small.txt 1 + data/big.txt 200,000 (large files count for statistics).
      { name: 'Text', totalLines: 200_005, totalBytes: bytes(DEPS_V3, SMALL_TXT, BIG_TXT) },
      // Shell and Markdown both have 3 lines (build.sh's last line has no newline); more bytes first.
      { name: 'Shell', totalLines: 3, totalBytes: bytes(BUILD_SH) },
      { name: 'Markdown', totalLines: 3, totalBytes: bytes(README_MD) },
      { name: 'TypeScript', totalLines: 2, totalBytes: bytes(SERVER_TS_V2) },
      { name: 'JSON', totalLines: 1, totalBytes: bytes(CONFIG_JSON) },
    ]);
  });

  it('limits statistics to a path prefix', async () => {
    assert.deepEqual(await engine.languageStats({ repository: API, path: 'src/' }), [
      { name: 'TypeScript', totalLines: 2, totalBytes: bytes(SERVER_TS_V2) },
    ]);
    assert.deepEqual(await engine.languageStats({ repository: API, path: 'sr' }), []);
  });

  it('returns nothing for an empty repository and rejects unknown ones', async () => {
    assert.deepEqual(await engine.languageStats({ repository: EMPTY }), []);
    await assert.rejects(engine.languageStats({ repository: 'nope' }), (error: unknown) => error instanceof EngineError && error.code === 'UNKNOWN_REPOSITORY');
  });

  it('names languages like linguist', () => {
    assert.equal(languageForPath('a/b/c.tsx'), 'TypeScript');
    assert.equal(languageForPath('x.mjs'), 'JavaScript');
    assert.equal(languageForPath('deploy/Dockerfile'), 'Dockerfile');
    assert.equal(languageForPath('Makefile'), 'Makefile');
    assert.equal(languageForPath('lib.hpp'), 'C++');
    assert.equal(languageForPath('run.bash'), 'Shell');
    assert.equal(languageForPath('schema.gql'), 'GraphQL');
    assert.equal(languageForPath('.gitignore'), null);
    assert.equal(languageForPath('LICENSE'), null);
  });
});
